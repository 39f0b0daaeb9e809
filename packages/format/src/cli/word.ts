// `gongkai parse`/`build` with a Word file: read it (mammoth is loaded only then) and write the
// images it holds beside the bundle, where the body's `images/…` links point.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocxImage, DocxMarkdown, DocxResult } from '../docx/index.js';

const WORD_NAME = /\.(?:docx|docm|dotx|doc|dot|wps|wpt)$/i;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** By name, or by content for an OLE file (a .doc or .wps saved under another name). */
export function isWordFile(file: string, bytes: Uint8Array): boolean {
  return WORD_NAME.test(file) || OLE.every((b, i) => bytes[i] === b);
}

export async function readWord(file: string, bytes: Uint8Array): Promise<DocxResult> {
  const { parseDocxFile } = await import('../docx/node.js');
  return parseDocxFile(bytes, file);
}

export async function wordToPolicy(file: string, bytes: Uint8Array): Promise<DocxMarkdown> {
  const { docxToPolicyMarkdown } = await import('../docx/node.js');
  return docxToPolicyMarkdown(bytes, file);
}

/** Writes each image under the folder of `output` (the current one for stdout); the paths written. */
export function writeImages(images: readonly DocxImage[], output: string | undefined): string[] {
  const base = output ? dirname(output) : '.';
  const written: string[] = [];
  for (const image of images) {
    const path = join(base, image.src);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, image.bytes);
    written.push(path);
  }
  return written;
}
