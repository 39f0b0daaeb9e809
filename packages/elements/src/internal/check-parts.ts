import { type PartialBundle, validatePartialForReading } from '@gongkai/format';
import { type Msg, type Read, readable } from './load-bundle.js';

/**
 * Validates every part of a bundle, Q&A and graphics included (an invalid item is left out
 * and reported in `skipped`). For the elements that show those parts: the full schema comes
 * with their chunks, not with the reading page's.
 */
export function checkParts(input: unknown, source: string, msg: Msg): Read<PartialBundle> {
  return readable(validatePartialForReading(input), source, msg);
}
