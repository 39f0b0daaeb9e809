import type { GkDocument } from '../document/document.js';

/** Whether `el` is a Gongkai document: another library may use the same tag on the page. */
export function isGongkaiDocument(el: Element | null | undefined): el is GkDocument {
  return !!el && typeof (el as GkDocument).clauseMarker === 'function';
}

/**
 * The document an element works with: the one given, else the one with id `forId` in its tree,
 * else, inside gk-policy, the policy's own document (in the same shadow root).
 */
export function findDocument(host: Element, forId: string, given?: GkDocument | null): GkDocument | null {
  if (isGongkaiDocument(given)) return given;
  const root = host.getRootNode() as Document | ShadowRoot;
  const found = forId ? root.getElementById?.(forId) : null;
  if (isGongkaiDocument(found)) return found;
  if (root instanceof ShadowRoot && root.host.localName.startsWith('gk-policy')) {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('gk-document') && isGongkaiDocument(el)) return el;
    }
  }
  return null;
}
