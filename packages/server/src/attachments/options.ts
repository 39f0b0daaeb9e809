// The command line's attachment options: `--attachments 5/10` (files per comment / MB per file;
// `off` takes none), `--attachments-dir DIR` (default `<data>/attachments`), `--upload-rate 30/600`
// (uploads per address and consultation per window of seconds) and `--clamd PROGRAM` (or
// GK_CLAMDSCAN): the clamdscan to stream each upload to. A scanner that cannot be run stops the start.
import { join } from 'node:path';
import type { AttachmentOptions } from './attachments.js';
import { ClamdScanner } from './scan.js';
import { DirectoryStore } from './store.js';

export const attachmentArgs = {
  attachments: { type: 'string', default: '5/10' },
  'attachments-dir': { type: 'string' },
  'upload-rate': { type: 'string', default: '30/600' },
  clamd: { type: 'string' },
} as const;

export const attachmentUsage = `[--attachments 5/10|off] [--attachments-dir DIR] [--upload-rate 30/600] [--clamd clamdscan]`;

const pair = (text: string, option: string, what: string) => {
  const [a, b] = text.split('/').map(Number);
  if (!(Number.isInteger(a) && a! > 0 && b! > 0)) throw new Error(`${option} is ${what}, not "${text}"`);
  return [a!, b!] as const;
};

/** The options, the scanner checked; throws one readable line for a mistake or a missing scanner. */
export async function attachmentOptions(
  values: { attachments?: string; 'attachments-dir'?: string; 'upload-rate'?: string; clamd?: string },
  dataDir: string,
  env = process.env,
): Promise<AttachmentOptions | undefined> {
  if (values.attachments === 'off') return undefined;
  const [maxFiles, mb] = pair(values.attachments ?? '5/10', '--attachments', 'FILES/MB, e.g. 5/10, or off');
  const [max, windowSeconds] = pair(values['upload-rate'] ?? '30/600', '--upload-rate', 'COUNT/SECONDS, e.g. 30/600');
  const command = values.clamd || env.GK_CLAMDSCAN;
  const scanner = command ? new ClamdScanner(command) : undefined;
  if (scanner) await scanner.check();
  return {
    store: new DirectoryStore(values['attachments-dir'] ?? join(dataDir, 'attachments')),
    maxFiles,
    maxBytes: Math.round(mb * 1024 * 1024),
    uploadLimit: { max, windowSeconds },
    scanner,
  };
}
