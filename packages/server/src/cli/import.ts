// `gongkai-server import`: comments received by e-mail (.eml) or listed in the CSV template,
// straight into the database. No size limit (the API takes at most 1,000 rows a request): a
// large import runs here, off any request path, in one transaction, all rows or none.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportRow, importEntries } from '../channels.js';
import { parseCsv, parseEml } from '../channels-import.js';
import type { Database } from '../db/database.js';
import { HttpError } from '../lib/errors.js';

export const importUsage = `usage: gongkai-server import --consultation ID [--dry-run] [--data DIR] FILE.eml|FILE.csv …
  Imports comments received by e-mail (.eml: sender, date, subject and text) or entered in the CSV
  template (GET /api/v1/consultations/ID/import/template.csv). Every row is checked first; if any is
  wrong nothing is imported and each wrong row is named (file:line). Importing the same file again
  adds nothing. With the embedded database the server must be stopped: import into a running
  server over its API (POST /api/v1/consultations/ID/import, up to 1,000 rows at a time).`;

export function importArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      consultation: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      data: { type: 'string', default: './data' },
    },
  });
}

/** The rows of the files; a file that is neither .eml nor .csv is an error before anything is read. */
export async function readFiles(paths: string[]): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (const path of paths) {
    const ext = extname(path).toLowerCase();
    const data = readFileSync(path);
    if (ext === '.eml') rows.push(await parseEml(basename(path), data));
    else if (ext === '.csv') rows.push(...parseCsv(basename(path), data));
    else throw new Error(`${path}: not an .eml or .csv file`);
  }
  return rows;
}

export async function importCommand(db: Database, args: ReturnType<typeof importArgs>): Promise<number> {
  const consultation = args.values.consultation;
  if (!consultation || args.positionals.length === 0) {
    console.error(importUsage);
    return 2;
  }
  const rows = await readFiles(args.positionals);
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  try {
    const result = await importEntries(
      db,
      consultation,
      rows,
      { actor, tokenId: 'cli' },
      { dryRun: args.values['dry-run'] },
    );
    for (const r of result.rows) {
      const where = `${r.file}:${r.row}`;
      if (!r.ok) for (const p of r.problems ?? []) console.error(`${where}: ${p.zh} (${p.message})`);
      else if (r.receipt) console.log(`${where}: ${r.receipt}${r.replayed ? ' (imported before)' : ''}`);
    }
    if (result.failed) {
      console.error(`nothing imported: ${result.failed} of ${result.rows.length} rows have problems`);
      return 1;
    }
    console.log(
      result.dryRun
        ? `dry run: ${result.rows.length} rows would be imported`
        : `imported ${result.added} comments (${result.replayed} imported before)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof HttpError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
