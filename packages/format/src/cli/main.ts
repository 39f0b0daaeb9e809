#!/usr/bin/env node
// The `gongkai` command: parse, build, validate, check. Node only; the work is done by the
// pure functions of @gongkai/format, this file reads files and prints.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { anchor } from '../anchor/index.js';
import {
  AUTHORING_FILES,
  type AuthoringProblem,
  buildBundle,
  decodeText,
  formatProblem,
  markdownToHtml,
  parseDocument,
  parseJson,
  withRenderedHtml,
} from '../authoring/index.js';
import { check } from '../check/index.js';
import { clausesOf, compareTexts, comparisonHtml, comparisonUnits } from '../compare/index.js';
import { carryNotes, reanchorNotes } from '../reanchor/index.js';
import type { Bundle, Clause } from '../schema/bundle.js';
import type { Comparison } from '../schema/comparison.js';
import { validate } from '../schema/validate.js';
import { parseArgs } from './args.js';
import { type Lang, pickLang, TEXT, USAGE } from './text.js';
import { isWordFile, readWord, wordToPolicy, writeImages } from './word.js';

const args = parseArgs(process.argv.slice(2));
const lang: Lang = pickLang(args.lang, process.env) ?? 'en';
const t = TEXT[lang];
const other: Lang = lang === 'en' ? 'zh-Hans' : 'en';
const err = (line: string) => process.stderr.write(`${line}\n`);

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function usage(problem?: string): never {
  if (problem) err(problem);
  err(USAGE[lang]);
  throw new Exit(2);
}

/** Prints every problem (both languages for bundle problems) and stops with status 1. */
function report(problems: AuthoringProblem[], both = false): void {
  for (const p of problems) {
    err(formatProblem(p, lang));
    if (both && !p.warning) err(`    ${p.message[other]}`);
  }
  if (problems.some((p) => !p.warning)) throw new Exit(1);
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(code === 'ENOENT' ? t.notFound(file) : t.unreadable(file, code ?? (e as Error).message));
    throw new Exit(1);
  }
}

function readBundle(file: string): unknown {
  const bytes = readBytes(file);
  let text: string;
  try {
    text = decodeText(file, bytes);
  } catch (e) {
    report([(e as { problem: AuthoringProblem }).problem]);
    throw new Exit(1);
  }
  const parsed = parseJson(file, text);
  if (parsed.ok) return parsed.value;
  report([parsed.problem]);
  throw new Exit(1);
}

/** Indented for people, except the search index: one line, a third of the size. */
function toJson(bundle: Bundle): string {
  const { searchIndex, ...rest } = bundle;
  const json = JSON.stringify(searchIndex ? { ...rest, searchIndex: '\u0000' } : rest, null, 2);
  return `${searchIndex ? json.replace('"\\u0000"', () => JSON.stringify(searchIndex)) : json}\n`;
}

function output(bundle: Bundle): void {
  emit(toJson(bundle));
}

/** To stdout, or to the file of `-o`. */
function emit(json: string): void {
  if (!args.output) {
    process.stdout.write(json);
    return;
  }
  try {
    writeFileSync(args.output, json);
  } catch (e) {
    err(t.unreadable(args.output, (e as NodeJS.ErrnoException).code ?? String(e)));
    throw new Exit(1);
  }
  err(t.wrote(args.output));
}

function verbose(notes: { en: string; 'zh-Hans': string }[]): void {
  if (args.verbose) for (const n of notes) err(`  · ${n[lang]}`);
}

async function parse(file: string): Promise<void> {
  const bytes = readBytes(file);
  const word = isWordFile(file, bytes) ? await readWord(file, bytes) : undefined;
  const result = word ?? parseDocument(bytes, file);
  verbose(result.notes);
  report(result.problems, true);
  for (const path of writeImages(word?.images ?? [], args.output)) err(t.wrote(path));
  output(result.bundle as Bundle);
}

async function build(path: string): Promise<void> {
  if (!existsSync(path)) {
    err(t.notFound(path));
    throw new Exit(1);
  }
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  let policy = statSync(path).isDirectory() ? join(path, 'policy.md') : path;
  // A folder may hold the document as Word: policy.docx.
  if (!existsSync(policy) && existsSync(join(path, 'policy.docx'))) policy = join(path, 'policy.docx');
  if (!existsSync(policy)) {
    err(t.noPolicy(dir));
    throw new Exit(1);
  }
  let source = readBytes(policy);
  if (isWordFile(policy, source)) {
    const word = await wordToPolicy(policy, source);
    verbose(word.notes);
    report(word.problems, true);
    for (const p of writeImages(word.images, args.output)) err(t.wrote(p));
    source = new TextEncoder().encode(word.markdown);
  }
  const files: Record<string, Uint8Array> = { 'policy.md': source };
  for (const f of AUTHORING_FILES.slice(1)) if (existsSync(join(dir, f))) files[f] = readBytes(join(dir, f));
  const prev = args.previous === undefined ? undefined : await previousVersion(args.previous);
  const previous = prev && { clauses: prev.clauses, revisionOf: prev.revisionOf };
  const result = buildBundle(files, {
    dir,
    fallbackId: basename(dir === '.' ? process.cwd() : dir),
    searchIndex: args.searchIndex,
    ...(previous ? { previous } : {}),
  });
  verbose(result.notes);
  report(result.problems, true);
  const bundle = args.html && result.bundle ? withRenderedHtml(result.bundle) : (result.bundle as Bundle);
  const a = result.anchoring;
  if (a) {
    const landed = (list: object[]) => String(list.filter((x) => !('orphan' in x)).length);
    err(t.anchored(landed(a.notes), landed(a.qa), landed(a.graphics)));
    err(t.orphans(String(a.orphans.length)));
    for (const o of a.orphans) {
      const what =
        o.kind === 'note'
          ? `$.interpretations[${o.index}]`
          : `$.${o.kind === 'qa' ? 'qa' : 'graphics'}[${o.index}].clauses[${o.link}]`;
      err(t.orphan(what, `${o.orphan.reason}: ${o.orphan.message[lang]}`));
    }
  }
  // Notes are never carried over unasked (a drafter building a folder gets the notes it holds):
  // say how, when the previous version has notes and this one none.
  if (prev?.notes && !bundle.interpretations?.length) err(t.previousNotes(args.previous!, prev.notes));
  output(bundle);
}

function validateFile(file: string): Bundle {
  const result = validate(readBundle(file));
  if (result.ok) return result.value;
  err(t.invalid(file, String(result.problems.length)));
  report(
    result.problems.map((p) => ({ file, path: p.path, message: p.message })),
    true,
  );
  throw new Exit(1);
}

function checkFile(file: string): void {
  const bundle = validateFile(file);
  const results = check(bundle, { anchoring: anchor(bundle), renderMarkdown: markdownToHtml, comparisonUnits });
  const mark = { pass: '✓', warn: '!', fail: '✗' } as const;
  for (const r of results) process.stdout.write(`${mark[r.level]} ${r.id}: ${r.message[lang]}\n`);
  const n = (level: string) => String(results.filter((r) => r.level === level).length);
  process.stdout.write(`${t.checkSummary(n('pass'), n('warn'), n('fail'))}\n`);
  if (results.some((r) => r.level === 'fail')) throw new Exit(1);
}

/** A version to compare: a bundle (.json) as it is, else the document read as `parse` reads it (Word too). */
async function readVersion(file: string): Promise<{ bundle: Bundle; clauses: readonly Clause[] }> {
  let bundle: Bundle;
  if (/\.json$/i.test(file)) bundle = validateFile(file);
  else {
    const bytes = readBytes(file);
    const result = isWordFile(file, bytes) ? await readWord(file, bytes) : parseDocument(bytes, file);
    report(result.problems, true);
    bundle = result.bundle as Bundle;
  }
  const clauses = clausesOf(bundle);
  if (clauses.length === 0) {
    err(t.noClauses(file));
    throw new Exit(1);
  }
  return { bundle, clauses };
}

/** `build --previous FILE`: the clauses to compare with, and the version named by its bundle. */
async function previousVersion(file: string) {
  const { bundle, clauses } = await readVersion(file);
  const date = bundle.meta.published;
  return {
    clauses,
    revisionOf: { id: bundle.id, ...(date ? { date } : {}) },
    notes: bundle.interpretations?.length ?? 0,
  };
}

function summaryLines(c: Comparison): string {
  const s = c.summary;
  const lines = [t.diffSummary(s.modified, s.added, s.removed, s.renumbered, s.unchanged)];
  // Column width as a terminal shows it: a Chinese character takes two cells.
  const cells = (k: string) => [...k].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const width = Math.max(...Object.values(t.kind).map(cells)) + 2;
  for (const x of c.changes) {
    if (x.kind === 'unchanged') continue;
    const numbers =
      x.from && x.to && x.from.number !== x.to.number ? `${x.from.number} → ${x.to.number}` : (x.to ?? x.from)!.number;
    const kind = t.kind[x.kind] as string;
    lines.push(`  ${kind}${' '.repeat(width - cells(kind))}${numbers}${x.moved ? ` (${t.moved})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function diff(oldFile: string, newFile: string | undefined): Promise<void> {
  if (!newFile) usage(t.diffNeedsTwo());
  if (args.json && args.html) usage(t.diffOneFormat());
  const before = await readVersion(oldFile);
  const after = await readVersion(newFile);
  const comparison = compareTexts(before.clauses, after.clauses);
  if (args.json) emit(`${JSON.stringify(comparison, null, 2)}\n`);
  else if (args.html)
    emit(
      comparisonHtml(comparison, {
        lang,
        title: after.bundle.meta.title,
        fromLabel: basename(oldFile),
        toLabel: basename(newFile),
      }),
    );
  else emit(summaryLines(comparison));
}

/**
 * `reanchor PREV NEW`: the new version (a bundle, or a document read as `parse` reads it) with
 * PREV's notes carried over; a note NEW already has (same id) is NEW's. Uncertain places are
 * written as `target.pending`, which readers show as not placed and the workbench asks about.
 */
async function reanchor(prevFile: string, newFile: string | undefined): Promise<void> {
  if (!newFile) usage(t.reanchorNeedsTwo());
  const prev = validateFile(prevFile);
  const notes = prev.interpretations ?? [];
  if (notes.length === 0) {
    err(t.reanchorNoNotes(prevFile));
    throw new Exit(1);
  }
  const next = await readVersion(newFile);
  const own = next.bundle.interpretations ?? [];
  const ids = new Set(own.map((n) => n.id).filter((id) => id !== undefined));
  const carried = notes.filter((n) => n.id === undefined || !ids.has(n.id));
  const placements = reanchorNotes(carried, clausesOf(prev), next.clauses);
  const date = prev.meta.published;
  const bundle = {
    ...next.bundle,
    clauses: [...next.clauses],
    interpretations: [...own, ...carryNotes(carried, placements)],
    revisionOf: next.bundle.revisionOf ?? { id: prev.id, ...(date ? { date } : {}) },
  };
  const checked = validate(bundle);
  if (!checked.ok) {
    report(
      checked.problems.map((p) => ({ file: newFile, path: p.path, message: p.message })),
      true,
    );
    throw new Exit(1);
  }
  const count = (s: string) => placements.filter((p) => p.status === s).length;
  err(t.reanchorSummary(count('placed'), count('pending'), count('lost'), notes.length - carried.length));
  for (const p of placements) {
    const id = p.id ?? `$.interpretations[${own.length + p.index}]`;
    const from = p.previous.number ?? `“${p.previous.text.slice(0, 16)}”`;
    if (p.status === 'pending' && p.reason === 'quote-not-found') err(t.reanchorGone(id, from, p.candidate.number));
    else if (p.status === 'pending')
      err(t.reanchorPending(id, from, p.candidate.number, Math.round(p.confidence * 100)));
    if (p.status === 'lost') err(t.reanchorLost(id, from));
  }
  output(checked.value);
}

async function main(): Promise<void> {
  if (args.lang !== undefined && !pickLang(args.lang, {})) usage(t.badLang(args.lang));
  if (args.help) {
    process.stdout.write(`${USAGE[lang]}\n`);
    return;
  }
  if (!args.command) usage();
  const commands: Record<string, (file: string) => void | Promise<void>> = {
    parse,
    build,
    validate: (f) => {
      validateFile(f);
      process.stdout.write(`${t.valid(f)}\n`);
    },
    check: checkFile,
    diff: (f) => diff(f, args.file2),
    reanchor: (f) => reanchor(f, args.file2),
  };
  const run = commands[args.command as string];
  if (!run) usage(t.unknownCommand(args.command as string));
  if (args.unknown.length > 0) usage(t.badOption(args.unknown[0] as string));
  // Options that only one command reads are refused elsewhere rather than silently ignored.
  if (args.json && args.command !== 'diff') usage(t.badOption('--json'));
  if (args.previous !== undefined && args.command !== 'build') usage(t.badOption('--previous'));
  if (args.previous === '') usage(t.missingArg('--previous'));
  if (!args.file)
    usage(
      args.command === 'diff'
        ? t.diffNeedsTwo()
        : args.command === 'reanchor'
          ? t.reanchorNeedsTwo()
          : t.missingArg(args.command as string),
    );
  await run(args.file as string);
}

try {
  await main();
} catch (e) {
  if (!(e instanceof Exit)) throw e;
  process.exitCode = e.code;
}
