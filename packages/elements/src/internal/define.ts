// Registers Gongkai's elements without breaking a page that already uses the names.
const GONGKAI = Symbol.for('gongkai.element');
/** Gongkai's tag → the variant it registered under, where another library took the name. */
const variants = new Map<string, string>();
const warned = new Set<string>();

function isGongkai(ctor: CustomElementConstructor): boolean {
  return (ctor as unknown as Record<symbol, unknown>)[GONGKAI] === true;
}

function warnOnce(tag: string, message: string): void {
  if (warned.has(tag)) return;
  warned.add(tag);
  console.warn(`[gongkai] ${message}`);
}

/**
 * Registers `tag` for `ctor` and returns the tag in use. If another copy of Gongkai defined it
 * first, the first is kept (a page often loads a widget twice). If another library took the
 * name, Gongkai registers its element under a free variant (`gk-document-2`) and uses that
 * inside its own elements, leaving the other library's element alone.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): string {
  (ctor as unknown as Record<symbol, unknown>)[GONGKAI] = true;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor && isGongkai(existing)) {
    warnOnce(tag, `<${tag}> is already defined by another copy of Gongkai; keeping the first one.`);
  } else if (existing !== ctor) {
    let n = 2;
    while (customElements.get(`${tag}-${n}`) && customElements.get(`${tag}-${n}`) !== ctor) n++;
    const variant = `${tag}-${n}`;
    if (!customElements.get(variant)) customElements.define(variant, ctor);
    warnOnce(tag, `<${tag}> is already defined by another library; Gongkai uses <${variant}> for its own.`);
    variants.set(tag, variant);
    return variant;
  }
  return tag;
}

/**
 * The tag under which Gongkai registers its element `tag` (see defineElement). By name, not
 * class: an element loaded later, in a chunk of its own, is rendered before it is defined.
 */
export function tagFor(tag: string): string {
  return variants.get(tag) ?? tag;
}
