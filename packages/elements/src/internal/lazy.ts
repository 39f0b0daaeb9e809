// Large, optional parts, loaded on first use. Bundler users and tests get ordinary dynamic
// imports; the one-file embed replaces this file with lazy.embed.ts.
export const loadMarkdownEngine = (): Promise<typeof import('./engines/markdown.js')> =>
  import('./engines/markdown.js');
export const loadAnchorEngine = (): Promise<typeof import('./engines/anchor.js')> => import('./engines/anchor.js');
export const loadPopupEngine = (): Promise<typeof import('./popup.js')> => import('./popup.js');
