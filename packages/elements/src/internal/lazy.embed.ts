// In dist/gongkai.js each optional part is a file beside it: gongkai-<name>.js.
import { chunkUrl } from './chunks.js';

export const loadMarkdownEngine = (): Promise<typeof import('./engines/markdown.js')> =>
  import(/* @vite-ignore */ chunkUrl('markdown'));
export const loadAnchorEngine = (): Promise<typeof import('./engines/anchor.js')> =>
  import(/* @vite-ignore */ chunkUrl('anchor'));
export const loadPopupEngine = (): Promise<typeof import('./popup.js')> => import(/* @vite-ignore */ chunkUrl('popup'));
