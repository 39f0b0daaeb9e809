// Where the one-file embed finds its lazy chunks: beside gongkai.js, whatever page loads it.
let chunkBase: URL | null = null;

/** Called by the embed entry while its classic script runs (document.currentScript is null later). */
export function setChunkBase(script: HTMLOrSVGScriptElement | null): void {
  const src = script instanceof HTMLScriptElement ? script.src : '';
  chunkBase = new URL('.', src || document.baseURI);
}

export function chunkUrl(name: string): string {
  return new URL(`gongkai-${name}.js`, chunkBase ?? document.baseURI).href;
}
