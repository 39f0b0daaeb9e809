// DOMPurify, for browsers without the HTML Sanitizer API: a chunk loaded only there.
import createDOMPurify from 'dompurify';
import { FORBID_ATTR, FORBID_TAGS, secureUrls } from '../sanitize.js';

// Our own instance, so our hooks and settings never touch a DOMPurify the page uses.
const purify = createDOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof Element) secureUrls(node);
});

export function purifyToFragment(html: string): DocumentFragment {
  return purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, RETURN_DOM_FRAGMENT: true });
}
