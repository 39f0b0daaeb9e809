// Bundler users and tests load the markdown engine as an ordinary dynamic import.
export const loadMarkdownEngine = (): Promise<typeof import('./engine.js')> => import('./engine.js');
