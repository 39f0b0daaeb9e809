// The reading page's check: whether a bundle's document and notes can be shown as they are,
// without putting problems into words. Only a bundle that cannot loads the validator that says
// why (validateDocumentForReading): a valid one never downloads describe.ts.

import { safely } from './check.js';
import { type DocumentBundle, DocumentBundleSchema, type DocumentPartial, DocumentPartialSchema } from './document.js';

const silently = () => [];

/** The bundle with its document and notes checked; null if anything in them is invalid. */
export function readDocument(input: unknown): DocumentBundle | null {
  const result = safely(DocumentBundleSchema, input, silently);
  return result.ok ? result.value : null;
}

/** `readDocument` for an interpretation file. */
export function readDocumentPartial(input: unknown): DocumentPartial | null {
  const result = safely(DocumentPartialSchema, input, silently);
  return result.ok ? result.value : null;
}
