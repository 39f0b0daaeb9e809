// The Word reader bound to Node: mammoth's Node build and @xmldom/xmldom.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import mammoth from 'mammoth';
import {
  type DocxEnv,
  type DocxOptions,
  type DocxResult,
  docxToMarkdown,
  type MammothLike,
  parseDocx,
} from './index.js';
import type { XDocument, XmlEnv } from './xml.js';

export const nodeXml: XmlEnv = {
  parse(xml) {
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: { warning: () => {}, error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
    }).parseFromString(xml, 'text/xml');
    if (errors.length || !doc.documentElement) throw new Error(errors[0] ?? 'no root element');
    return doc as unknown as XDocument;
  },
  serialize(doc) {
    return new XMLSerializer().serializeToString(doc as never);
  },
};

export const nodeDocxEnv: DocxEnv = {
  mammoth: mammoth as unknown as MammothLike,
  xml: nodeXml,
  input: (bytes) => ({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
};

/** `parseDocx` with Node's mammoth and XML parser. */
export function parseDocxFile(bytes: Uint8Array, file: string, options?: DocxOptions): Promise<DocxResult> {
  return parseDocx(bytes, file, nodeDocxEnv, options);
}

/** `docxToMarkdown` with Node's mammoth and XML parser (for `gongkai build`). */
export function docxToPolicyMarkdown(bytes: Uint8Array, file: string, options?: DocxOptions) {
  return docxToMarkdown(bytes, file, nodeDocxEnv, options);
}
