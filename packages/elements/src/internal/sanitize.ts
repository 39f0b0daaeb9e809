import { SAFE_LINK } from '@gongkai/format';
import { once } from './once.js';

/** What no text in a bundle may bring: page styles, forms, embedded pages or plug-ins. */
export const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'];
export const FORBID_ATTR = ['style', 'id', 'name'];
/** Attributes that load or open a URL: only SAFE_LINK URLs may stay. */
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'cite', 'background'];

/** The URL rules both sanitisers apply to an element they kept. */
export function secureUrls(element: Element): void {
  for (const name of URL_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null && !SAFE_LINK.test(value.trim())) element.removeAttribute(name);
  }
  element.removeAttribute('srcset');
  if (element.localName === 'a') {
    element.removeAttribute('target');
    if (/^https?:/i.test(element.getAttribute('href') ?? '')) element.setAttribute('rel', 'noopener noreferrer');
  }
}

type Sanitize = (html: string) => DocumentFragment;

// The HTML Sanitizer API, where TypeScript's DOM types do not have it yet.
interface SanitizerConfig {
  removeElements: string[];
  removeAttributes: string[];
}
interface PlatformSanitizer {
  setHTML(html: string, options: { sanitizer: unknown }): void;
}
declare const Sanitizer: (new (config: SanitizerConfig) => unknown) | undefined;

/** The browser's own sanitiser (Element.setHTML), where it has one: nothing to download. */
function platformSanitizer(): Sanitize | null {
  if (
    typeof Sanitizer !== 'function' ||
    typeof (Element.prototype as Partial<PlatformSanitizer>).setHTML !== 'function'
  ) {
    return null;
  }
  const sanitizer = new Sanitizer({ removeElements: FORBID_TAGS, removeAttributes: FORBID_ATTR });
  // Parsed in a document that is not shown: nothing loads or runs while we look at it.
  const inert = document.implementation.createHTMLDocument('');
  return (html) => {
    const holder = inert.createElement('div');
    (holder as unknown as PlatformSanitizer).setHTML(html, { sanitizer });
    for (const element of holder.querySelectorAll('*')) secureUrls(element);
    const fragment = document.createDocumentFragment();
    fragment.append(...holder.childNodes);
    return fragment;
  };
}

const platform = platformSanitizer();

/** The sanitiser: the platform's, or DOMPurify (a chunk of its own) where the browser has none. */
const loadSanitizer = once(
  async (): Promise<Sanitize> => platform ?? (await import('./engines/purify.js')).purifyToFragment,
);

/**
 * Every HTML string that reaches the DOM passes through here. It returns nodes ready to
 * insert, sparing the second parse that an HTML string would cost.
 */
export async function sanitizeToFragment(html: string): Promise<DocumentFragment> {
  return (await loadSanitizer())(html);
}

/** For tests: DOMPurify whatever the browser has, the path of browsers without the Sanitizer API. */
export async function sanitizeWithDomPurify(html: string): Promise<DocumentFragment> {
  return (await import('./engines/purify.js')).purifyToFragment(html);
}
