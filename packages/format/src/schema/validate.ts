import {
  type Bundle,
  BundleSchema,
  type DocumentBundle,
  DocumentBundleSchema,
  type DocumentPartial,
  DocumentPartialSchema,
  type PartialBundle,
  PartialBundleSchema,
} from './bundle.js';
import { forReading, type ReadingResult, safely, type ValidationResult } from './check.js';
import { type Comparison, ComparisonSchema, comparisonProblems } from './comparison.js';
import { crossCheck } from './cross.js';
import { describe } from './describe.js';

/** The whole bundle's rules across fields: the document's, and the comparison's with the text. */
const wholeBundle = (input: unknown) => [...crossCheck(input), ...comparisonProblems(input)];

export type { ReadingResult, Skippable, Skipped, ValidationResult } from './check.js';
export { SKIPPABLE } from './check.js';
export type { Problem } from './problem.js';

/** Validates a whole policy bundle and returns every problem, never throwing. */
export function validate(input: unknown): ValidationResult<Bundle> {
  return safely(BundleSchema, input, describe, wholeBundle);
}

/** Validates an interpretation file that enhances a document already on the page. */
export function validatePartial(input: unknown): ValidationResult<PartialBundle> {
  return safely(PartialBundleSchema, input, describe, wholeBundle);
}

/** Validates a comparison of two versions (`gongkai diff --json`, or one stored by the server). */
export function validateComparison(input: unknown): ValidationResult<Comparison> {
  return safely(ComparisonSchema, input, describe);
}

/** Validates a bundle for readers: invalid notes, Q&A items and graphics are left out (see `skipped`). */
export function validateForReading(input: unknown): ReadingResult<Bundle> {
  return forReading(BundleSchema, input, describe, wholeBundle);
}

/** `validateForReading` for an interpretation file or any part of a bundle. */
export function validatePartialForReading(input: unknown): ReadingResult<PartialBundle> {
  return forReading(PartialBundleSchema, input, describe, wholeBundle);
}

/**
 * `validateForReading` of the document and its notes only: Q&A, graphics, the consultation and
 * the search index are left to the elements that show them, which check them in full.
 */
export function validateDocumentForReading(input: unknown): ReadingResult<DocumentBundle> {
  return forReading(DocumentBundleSchema, input, describe);
}

/** `validateDocumentForReading` for an interpretation file. */
export function validateDocumentPartialForReading(input: unknown): ReadingResult<DocumentPartial> {
  return forReading(DocumentPartialSchema, input, describe);
}
