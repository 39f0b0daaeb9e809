import {
  loadChartElement,
  loadConsultationElement,
  loadFeedbackElement,
  loadFollowElement,
  loadGraphicElement,
  loadQaElement,
} from './lazy.js';

type Loader = () => Promise<unknown>;

/** Needed as soon as they are on the page: a comment window or its feedback is what the reader came for. */
const AT_ONCE: Record<string, Loader> = {
  'gk-consultation': loadConsultationElement,
  'gk-consultation-bar': loadConsultationElement,
  'gk-feedback': loadFeedbackElement,
  'gk-follow': loadFollowElement,
};
/** Fetched as the reader comes near them. */
const WHEN_NEAR: Record<string, Loader> = {
  'gk-qa': loadQaElement,
  'gk-graphic': loadGraphicElement,
  'gk-chart': loadChartElement,
};
const TAGS = Object.keys({ ...AT_ONCE, ...WHEN_NEAR }).join(', ');

function load(loader: Loader): void {
  void loader().catch((error: unknown) => console.warn('[gongkai]', error));
}

let near: IntersectionObserver | null = null;
const loaderOf = new WeakMap<Element, Loader>();

/** Loads `loader` once `element` is within a screen of the viewport (at once where there is no IntersectionObserver). */
export function loadWhenNear(element: Element, loader: Loader): void {
  if (typeof IntersectionObserver === 'undefined') {
    load(loader);
    return;
  }
  if (loaderOf.has(element)) return;
  loaderOf.set(element, loader);
  near ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near?.unobserve(entry.target);
        const found = loaderOf.get(entry.target);
        if (found) load(found);
      }
    },
    { rootMargin: '100% 0px' },
  );
  near.observe(element);
}

function use(element: Element): void {
  const tag = element.localName;
  const atOnce = AT_ONCE[tag];
  if (atOnce) load(atOnce);
  else if (WHEN_NEAR[tag]) loadWhenNear(element, WHEN_NEAR[tag]);
}

/**
 * The embed defines the elements a page does not always have only when it uses them: those
 * in the document (parsed later than this script, or added by the CMS's own scripts) are
 * found as they appear. Until then they are unknown elements, which upgrade when defined.
 */
export function loadTagsWhenUsed(): void {
  for (const element of document.querySelectorAll(TAGS)) use(element);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(TAGS)) use(node);
        if (node.firstElementChild) for (const element of node.querySelectorAll(TAGS)) use(element);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
