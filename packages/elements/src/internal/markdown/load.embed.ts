// In dist/gongkai.js the engine is the separate file gongkai-markdown.js beside it.
import { chunkUrl } from '../chunks.js';

export const loadMarkdownEngine = (): Promise<typeof import('./engine.js')> =>
  import(/* @vite-ignore */ chunkUrl('markdown'));
