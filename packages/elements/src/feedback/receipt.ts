// A receipt as the citizen typed it, checked with the service's own rule (@gongkai/format)
// so a mistyped one is caught before any request, and is named as such.
import { formatReceipt, type ReceiptProblem, readReceipt } from '@gongkai/format';

export { receiptFor } from '@gongkai/format';

export type ParsedReceipt = { ok: true; receipt: string } | { ok: false; problem: ReceiptProblem };

/** Reads a typed receipt; returns it formatted (`7K2M-9QX4-RT8B-ZW3D`) or what is wrong with it. */
export function parseReceipt(input: string): ParsedReceipt {
  const read = readReceipt(input);
  return read.ok ? { ok: true, receipt: formatReceipt(read.receipt) } : read;
}
