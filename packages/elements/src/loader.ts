// Source of dist/gongkai.js and dist/gongkai-staff.js: a classic script (no type="module" on the
// page, no global) that starts the ES-module graph beside it. The build writes in the files of
// the entry's static graph, entry first, each with its integrity, so they download in parallel
// (one round trip, not one per level of imports) and a changed file is refused.
declare const __GK_GRAPH__: [file: string, integrity: string][];

(() => {
  // Only while the classic script runs is currentScript this file.
  const script = document.currentScript;
  const base = script instanceof HTMLScriptElement && script.src ? script.src : document.baseURI;
  const urls = __GK_GRAPH__.map(([file, integrity]) => [new URL(file, base).href, integrity] as const);
  const head = document.head ?? document.documentElement;
  for (const [href, integrity] of urls) {
    // A page that loads the script twice preloads each file once.
    if (
      [...document.querySelectorAll('link[rel="modulepreload"]')].some(
        (link) => (link as HTMLLinkElement).href === href,
      )
    )
      continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.integrity = integrity;
    head.append(link);
  }
  // The policy a page names (a deferred script runs after its elements are parsed) is fetched
  // while the chunks download, not after them: one round trip less on a slow link.
  for (const element of document.querySelectorAll('gk-policy[src],gk-document[src],gk-policy[interpretation]')) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = new URL(element.getAttribute('src') || element.getAttribute('interpretation')!, document.baseURI).href;
    head.append(link);
  }
  import(/* @vite-ignore */ urls[0]![0]).catch((error: unknown) => {
    console.error(`[gongkai] could not load ${urls[0]![0]}:`, error);
  });
})();
