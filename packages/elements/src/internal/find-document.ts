import type { GkDocument } from '../document/document.js';

/** Whether `el` is a Gongkai document: another library may use the same tag on the page. */
export function isGongkaiDocument(el: Element | null | undefined): el is GkDocument {
  return !!el && typeof (el as GkDocument).clauseMarker === 'function';
}

/** The document an element works with: the one given, else the one with id `forId` in its tree. */
export function findDocument(host: Element, forId: string, given?: GkDocument | null): GkDocument | null {
  if (isGongkaiDocument(given)) return given;
  const found = forId ? (host.getRootNode() as Document | ShadowRoot).getElementById?.(forId) : null;
  return isGongkaiDocument(found) ? found : null;
}
