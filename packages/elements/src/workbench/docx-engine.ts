// The Word reader in the browser: mammoth's browser build, the browser's own XML parser, and
// @gongkai/format's docx path (numbers as printed, the 公文 layout, images). A chunk of its own,
// loaded by docx-loader.ts only when a drafter chooses a Word file.
import { type DocxEnv, type DocxOptions, type DocxResult, type MammothLike, parseDocx } from '@gongkai/format/docx';
// A UMD file: a bundler hands it over as the default export; loaded as a plain module (tests,
// the dev server) it sets window.mammoth instead.
import * as mammothModule from 'mammoth/mammoth.browser.min.js';

function mammoth(): MammothLike {
  const m = (mammothModule as { default?: unknown }).default ?? (globalThis as { mammoth?: unknown }).mammoth;
  if (!m) throw new Error('mammoth did not load');
  return m as MammothLike;
}

const env = (): DocxEnv => ({
  mammoth: mammoth(),
  xml: {
    parse(xml) {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) throw new Error(error.textContent?.trim().split('\n')[0] ?? 'not well-formed XML');
      return doc as never;
    },
    serialize: (doc) => new XMLSerializer().serializeToString(doc as unknown as Document),
  },
  input: (bytes) => ({ arrayBuffer: bytes.slice().buffer }),
});

/** A .docx read as `gongkai parse` reads it. */
export function readDocx(bytes: Uint8Array, name: string, options?: DocxOptions): Promise<DocxResult> {
  return parseDocx(bytes, name, env(), options);
}
