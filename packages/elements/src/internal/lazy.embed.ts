// In dist/gongkai.js each optional part is a file beside it: gongkai-<name>.js.
import { chunkUrl } from './chunks.js';
import { once } from './once.js';

export const loadMarkdownEngine = once(
  (): Promise<typeof import('./engines/markdown.js')> => import(/* @vite-ignore */ chunkUrl('markdown')),
);
export const loadAnchorEngine = once(
  (): Promise<typeof import('./engines/anchor.js')> => import(/* @vite-ignore */ chunkUrl('anchor')),
);
export const loadPopupEngine = once(
  (): Promise<typeof import('./popup.js')> => import(/* @vite-ignore */ chunkUrl('popup')),
);
export const loadChartEngine = once(
  (): Promise<typeof import('./engines/chart.js')> => import(/* @vite-ignore */ chunkUrl('chart')),
);
export const loadImageExport = once(
  (): Promise<typeof import('../graphic/export-image.js')> => import(/* @vite-ignore */ chunkUrl('export')),
);
export const loadSearchEngine = once(
  (): Promise<typeof import('./engines/search.js')> => import(/* @vite-ignore */ chunkUrl('search')),
);
/** gk-consultation and gk-feedback, registered when the chunk runs. */
export const loadParticipation = once((): Promise<unknown> => import(/* @vite-ignore */ chunkUrl('participation')));
/** gk-feedback is in the participation chunk, with gk-consultation. */
export const loadFeedbackElement = loadParticipation;
/** The core elements' zh-Hant and English text. */
export const loadMoreCatalogues = once(
  (): Promise<typeof import('../i18n/more.js')> => import(/* @vite-ignore */ chunkUrl('i18n')),
);
