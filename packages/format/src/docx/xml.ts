// The little of the DOM the Word reader uses, so that the same code runs on the browser's
// DOMParser and on @xmldom/xmldom in Node (the format package is compiled without the DOM lib).
export interface XNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<XNode>;
  readonly parentNode: XNode | null;
  readonly nextSibling: XNode | null;
  readonly textContent: string | null;
}

export interface XElement extends XNode {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  insertBefore(node: XNode, before: XNode | null): XNode;
  appendChild(node: XNode): XNode;
  removeChild(node: XNode): XNode;
  getElementsByTagName(name: string): ArrayLike<XElement>;
}

export interface XDocument {
  readonly documentElement: XElement | null;
  createElementNS(namespace: string, qualifiedName: string): XElement;
  createTextNode(text: string): XNode;
  getElementsByTagName(name: string): ArrayLike<XElement>;
}

/** Parses XML (throws on a document that is not well-formed) and writes it back. */
export interface XmlEnv {
  parse(xml: string): XDocument;
  serialize(doc: XDocument): string;
}

export const ELEMENT = 1;
export const TEXT = 3;
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function isElement(n: XNode | null | undefined): n is XElement {
  return n?.nodeType === ELEMENT;
}

/** The element children of `el`, optionally only those named `name` (qualified, e.g. `w:p`). */
export function children(el: XNode, name?: string): XElement[] {
  const out: XElement[] = [];
  const list = el.childNodes;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (isElement(c) && (name === undefined || c.nodeName === name)) out.push(c);
  }
  return out;
}

export function child(el: XNode | null | undefined, name: string): XElement | undefined {
  return el ? children(el, name)[0] : undefined;
}

/** `w:val` of the named child, e.g. `val(pPr, 'w:jc')`. */
export function val(el: XNode | null | undefined, name: string): string | undefined {
  return child(el, name)?.getAttribute('w:val') ?? undefined;
}
