import { SAFE_LINK } from '@gongkai/format';
import createDOMPurify from 'dompurify';

// Our own instance, so our hooks and settings never touch a DOMPurify the page uses.
const purify = createDOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement) {
    const href = node.getAttribute('href');
    if (href !== null && !SAFE_LINK.test(href.trim())) node.removeAttribute('href');
    node.removeAttribute('target');
    if (/^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
  }
});

const config = {
  ALLOWED_URI_REGEXP: SAFE_LINK,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style', 'id', 'name'],
};

/**
 * Every HTML string that reaches the DOM passes through here. It returns nodes ready to
 * insert, sparing the second parse that an HTML string would cost.
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purify.sanitize(html, { ...config, RETURN_DOM_FRAGMENT: true });
}
