// The embed's chunk graph, from the manifest vite writes (dist/manifest.json): shared by the
// loader build, `pnpm size` and the tests.

/**
 * The files an entry needs before it runs: the entry's own file first, then every chunk it
 * imports statically, depth first.
 * @param {Record<string, { file: string; imports?: string[] }>} manifest
 * @param {string} entry the entry's source path, as the manifest keys it (`src/embed.ts`)
 * @returns {string[]}
 */
export function staticGraph(manifest, entry) {
  const files = [];
  const visit = (key) => {
    const item = manifest[key];
    if (!item || files.includes(item.file)) return;
    files.push(item.file);
    for (const next of item.imports ?? []) visit(next);
  };
  visit(entry);
  return files;
}
