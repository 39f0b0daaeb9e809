// Large, optional parts, loaded on first use and then reused (a settled promise keeps later
// renders in the same task). Bundler users and tests get ordinary dynamic imports; the
// one-file embed replaces this file with lazy.embed.ts.
import { once } from './once.js';

export const loadMarkdownEngine = once(
  (): Promise<typeof import('./engines/markdown.js')> => import('./engines/markdown.js'),
);
export const loadAnchorEngine = once(
  (): Promise<typeof import('./engines/anchor.js')> => import('./engines/anchor.js'),
);
export const loadPopupEngine = once((): Promise<typeof import('./popup.js')> => import('./popup.js'));
export const loadChartEngine = once((): Promise<typeof import('./engines/chart.js')> => import('./engines/chart.js'));
export const loadImageExport = once(
  (): Promise<typeof import('../graphic/export-image.js')> => import('../graphic/export-image.js'),
);
export const loadSearchEngine = once(
  (): Promise<typeof import('./engines/search.js')> => import('./engines/search.js'),
);
/** gk-consultation and gk-feedback, registered when the chunk runs. */
export const loadParticipation = once((): Promise<unknown> => import('../participation.js'));
/** gk-feedback, which gk-consultation shows in place once its window has closed. */
export const loadFeedbackElement = once((): Promise<unknown> => import('../feedback/define.js'));
/** The core elements' zh-Hant and English text. */
export const loadMoreCatalogues = once((): Promise<typeof import('../i18n/more.js')> => import('../i18n/more.js'));
