// Optional parts, loaded on first use and then reused (a settled promise keeps later renders in
// the same task). In the embed each is a content-hashed chunk beside the entry; a bundler
// user's build splits them as it does any dynamic import.
import { once } from './once.js';

export const loadMarkdownEngine = once(
  (): Promise<typeof import('./engines/markdown.js')> => import('./engines/markdown.js'),
);
export const loadAnchorEngine = once(
  (): Promise<typeof import('./engines/anchor.js')> => import('./engines/anchor.js'),
);
/** Clause segmentation, for text whose clauses the bundle does not list (a CMS article, a hand-made bundle). */
export const loadSegmentEngine = once(
  (): Promise<typeof import('./engines/segment.js')> => import('./engines/segment.js'),
);
/** The validator that puts a bundle's problems into words: loaded only for a bundle that has some. */
export const loadValidator = once(
  (): Promise<typeof import('./engines/validate.js')> => import('./engines/validate.js'),
);
export const loadPopupEngine = once((): Promise<typeof import('./popup.js')> => import('./popup.js'));
export const loadChartEngine = once((): Promise<typeof import('./engines/chart.js')> => import('./engines/chart.js'));
export const loadImageExport = once(
  (): Promise<typeof import('../graphic/export-image.js')> => import('../graphic/export-image.js'),
);
export const loadSearchEngine = once(
  (): Promise<typeof import('./engines/search.js')> => import('./engines/search.js'),
);
/** gk-qa: a page's Q&A, with its search and votes. */
export const loadQaElement = once((): Promise<unknown> => import('../qa/define.js'));
/** gk-graphic (一图读懂) with gk-chart, its chart wrapper (chart.js itself is loadChartEngine). */
export const loadGraphicElement = once((): Promise<unknown> => import('../graphic/define.js'));
export const loadChartElement = once((): Promise<unknown> => import('../chart/define.js'));
/** gk-consultation (with gk-consultation-bar): the comment window of a draft. */
export const loadConsultationElement = once((): Promise<unknown> => import('../consultation/define.js'));
/** gk-follow: following a policy or consultation by e-mail, its feeds and calendar. */
export const loadFollowElement = once((): Promise<unknown> => import('../consultation/follow-define.js'));
/** gk-feedback: the published feedback, on its own or in place of a closed window's form. */
export const loadFeedbackElement = once((): Promise<unknown> => import('../feedback/define.js'));
/** gk-document's 修改对照 mode: only for a bundle compared with (or naming) its previous version. */
export const loadChangeView = once(
  (): Promise<typeof import('../changes/changes.js')> => import('../changes/changes.js'),
);
/** The core elements' zh-Hant and English text. */
export const loadMoreCatalogues = once((): Promise<typeof import('../i18n/more.js')> => import('../i18n/more.js'));
