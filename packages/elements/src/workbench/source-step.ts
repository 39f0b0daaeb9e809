// Step 1: the document, pasted or uploaded (text, markdown, the CMS's HTML or a Word .docx),
// read with @gongkai/format's `parseDocument` (the same as `gongkai parse`): meta from the text,
// clauses from the numbering. A file that is not UTF-8 is refused with a message a drafter can
// act on; whatever was pasted stays in the box. A .docx becomes markdown in the box (its
// automatic numbers as printed, its 公文 layout as meta) by a chunk loaded only then.
import {
  type Clause,
  detectFormat,
  findPageJunk,
  formatProblem,
  type Lang,
  type Message,
  type PageJunk,
  parseDocument,
  withoutPageJunk,
} from '@gongkai/format';
import { html, nothing } from 'lit';
import { loadCarryOver } from './carry-loader.js';
import type { WorkbenchContext } from './context.js';
import { field, select } from './fields.js';
import {
  clausesOf,
  emptyMeta,
  followClauses,
  holdNotes,
  META_DATE_FIELDS,
  META_TEXT_FIELDS,
  type MetaDraft,
  type SourceFormat,
  type Unsettled,
} from './model.js';
import { idFromDocNumber } from './page-id.js';
import { forgetWord, isWordFile, readWord, renderWord } from './word-source.js';

export const ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,.doc,.wps,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Larger than any policy document; a bigger file is probably not one. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A Word file carries its images: a few photographs make it larger. */
export const MAX_WORD_BYTES = 40 * 1024 * 1024;
const EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};
// Not ASCII on purpose: parseDocument then takes the id from the 文号 (doc-2016-40), not the name.
const NAMES: Record<Exclude<SourceFormat, 'auto'>, string> = {
  text: '粘贴.txt',
  markdown: '粘贴.md',
  html: '粘贴.html',
};

/** Pasted lines must not turn into markdown lists, headings or quotes when rendered. */
function escapeMarkdown(body: string): string {
  return body
    .split('\n\n')
    .map((p) => p.replace(/^([#>*+-]|\d+[.)](?=\s))/, '\\$1'))
    .join('\n\n');
}

const ASCII_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const FIELDS: readonly string[] = [...META_TEXT_FIELDS, ...META_DATE_FIELDS, 'status'];

/** "meta.title 取自正文：…" said as a drafter would: 标题取自正文：…. */
export function plainNote(ctx: WorkbenchContext, note: Message): string {
  const found = /^meta\.(\w+) taken from the document text: ([\s\S]*)$/.exec(note.en);
  if (found && FIELDS.includes(found[1] ?? ''))
    return ctx.msg('sourceFoundMeta', { field: ctx.msg(`meta_${found[1]}` as 'meta_title'), value: found[2] ?? '' });
  return note[ctx.formatLang];
}

/** The page address a new document starts from: the file's name when it is one, else from the 文号. */
export function autoId(docNumber: string, fileName: string, parsed: string): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  if (base && ASCII_ID.test(base) && parsed === base) return parsed;
  return idFromDocNumber(docNumber) ?? 'policy';
}

/** The body as paragraphs, and the page junk among them (the title only when one was found). */
function junkOf(body: string, title: string): { paragraphs: string[]; junk: PageJunk[] } {
  const paragraphs = body.split(/\n{2,}/);
  return { paragraphs, junk: findPageJunk(paragraphs, title ? { title } : {}) };
}

/**
 * Reads the pasted or uploaded text into the work; what was written before is kept. What the
 * CMS page put around the document (当前位置, the title again, 日期:, 分享到) is taken out and
 * listed, unless `keepJunk`.
 */
export function readDocument(ctx: WorkbenchContext, keepJunk = false): void {
  const t = ctx.msg;
  const source = ctx.draft.source;
  if (!source.text.trim()) {
    ctx.ui.notice = { step: 'source', kind: 'error', text: t('sourceEmpty') };
    ctx.refresh();
    return;
  }
  const format = source.format === 'auto' ? detectFormat(source.text) : source.format;
  const given = source.format === 'auto' || !source.name ? NAMES[format] : source.name;
  // A Word file's text is markdown: read as such, under its own name.
  const name =
    format === 'markdown' && !/\.(?:md|markdown)$/i.test(given) ? `${given.replace(/\.[^.]*$/, '')}.md` : given;
  const result = parseDocument(source.text, name);
  if (!result.bundle) {
    ctx.ui.notice = {
      step: 'source',
      kind: 'error',
      text: t('sourceProblems'),
      detail: result.problems.map((p) => formatProblem(p, ctx.formatLang)),
    };
    ctx.refresh();
    return;
  }
  const bundle = result.bundle;
  // No title in the text: parseDocument used the file name; a drafter should write the real one.
  const untitled = bundle.meta.title === name.split(/[\\/]/).pop();
  const { paragraphs, junk } = junkOf(bundle.body ?? '', untitled ? '' : bundle.meta.title);
  const text = keepJunk ? (bundle.body ?? '') : withoutPageJunk(paragraphs, junk).join('\n\n');
  const body = format === 'markdown' ? text : escapeMarkdown(text);
  const before: readonly Clause[] = ctx.clauses;
  const kept = ctx.draft.notes.length + ctx.draft.qa.length + ctx.draft.graphics.length;
  let lost = 0;
  let unsettled: Unsettled[] = [];
  ctx.edit(() => {
    const old = ctx.draft.doc;
    const meta: MetaDraft = emptyMeta();
    for (const key of Object.keys(meta) as (keyof MetaDraft)[]) {
      const found =
        key === 'title' && untitled ? '' : ((bundle.meta as unknown as Record<string, string | undefined>)[key] ?? '');
      // What the drafter already filled in wins over what is read from a new text.
      meta[key] = (old?.meta[key] || found) as never;
    }
    const auto = !old?.id || old.idAuto === true;
    ctx.draft.doc = {
      id: auto ? autoId(meta.docNumber, name, bundle.id) : (old?.id ?? ''),
      idAuto: auto,
      lang: (old?.lang || bundle.lang || '') as Lang | '',
      meta,
      body,
      ...(bundle.consultation
        ? { consultation: bundle.consultation }
        : old?.consultation
          ? { consultation: old.consultation }
          : {}),
    };
    if (old) {
      // Notes by the clause's text, never by its number (a revision renumbers); the rest as before.
      unsettled = holdNotes(ctx.draft, before, clausesOf(body));
      lost = followClauses(ctx.draft, before, clausesOf(body), false);
    }
  });
  if (unsettled.length) void placeNotes(ctx, unsettled, before, clausesOf(body));
  const count = clausesOf(body).length;
  const detail = result.notes.map((n) => plainNote(ctx, n));
  if (kept) detail.push(t('sourceKept', { n: kept }));
  if (lost) detail.push(t('sourceLostLinks', { n: lost }));

  ctx.ui.notice = {
    step: 'source',
    kind: count ? 'ok' : 'warn',
    text: count ? t('sourceRead', { n: count }) : t('sourceNoClauses'),
    detail,
    ...(junk.length ? { junk: { lines: junk.map((j) => ({ kind: j.kind, text: j.text })), kept: keepJunk } } : {}),
  };
  ctx.refresh();
  ctx.announce(
    junk.length
      ? `${ctx.ui.notice.text} ${t(keepJunk ? 'junkKept' : 'junkRemoved', { n: junk.length })}`
      : ctx.ui.notice.text,
  );
}

/**
 * Places the notes whose clauses changed with the new text (a chunk loaded now). Those not placed
 * for sure stay pending, and the notice of the reading says how many; if the chunk cannot be
 * loaded, they all stay pending: nothing is attached by a guess.
 */
async function placeNotes(
  ctx: WorkbenchContext,
  unsettled: Unsettled[],
  before: readonly Clause[],
  after: readonly Clause[],
): Promise<void> {
  let pending = unsettled.length;
  try {
    const { carryOver } = await loadCarryOver();
    ctx.edit(() => {
      pending = carryOver(unsettled, before, after).pending;
    });
  } catch (error) {
    console.warn('[gongkai] <gk-workbench>: the notes could not be carried over; they wait for the drafter', error);
  }
  const notice = ctx.ui.notice;
  if (!pending || notice?.step !== 'source') return ctx.refresh();
  ctx.ui.notice = {
    ...notice,
    kind: 'warn',
    detail: [...(notice.detail ?? []), ctx.msg('reanchorMoved', { n: pending })],
  };
  ctx.refresh();
  ctx.announce(ctx.msg('reanchorMoved', { n: pending }));
}

/** The page junk still in the body (kept on purpose, or from a bundle taken up). */
export function junkInBody(ctx: WorkbenchContext): PageJunk[] {
  const doc = ctx.draft.doc;
  return doc ? junkOf(doc.body, doc.meta.title).junk : [];
}

/** Takes the page junk out of the body; clause links follow their clauses. */
export function removeJunk(ctx: WorkbenchContext): number {
  const doc = ctx.draft.doc;
  if (!doc) return 0;
  const { paragraphs, junk } = junkOf(doc.body, doc.meta.title);
  if (!junk.length) return 0;
  const before = ctx.clauses;
  const old = doc.body;
  ctx.edit(() => {
    doc.body = withoutPageJunk(paragraphs, junk).join('\n\n');
    followClauses(ctx.draft, before, clausesOf(doc.body));
  });
  ctx.ui.undo = {
    label: ctx.msg('junkRemoved', { n: junk.length }),
    run: () => {
      const now = ctx.clauses;
      ctx.edit(() => {
        doc.body = old;
        followClauses(ctx.draft, now, clausesOf(old));
      });
    },
  };
  ctx.announce(ctx.msg('junkRemoved', { n: junk.length }));
  return junk.length;
}

/** The list of page junk, each line with what it is ("网页导航：当前位置 : 首页 >> …"). */
export function renderJunkList(ctx: WorkbenchContext, lines: readonly { kind: PageJunk['kind']; text: string }[]) {
  return html`<ul class="junk">
    ${lines.map(
      (j) =>
        html`<li><strong>${ctx.msg(`junk_${j.kind}` as const)}</strong>：<q>${j.text.length > 40 ? `${j.text.slice(0, 40)}…` : j.text}</q></li>`,
    )}
  </ul>`;
}

function renderJunk(ctx: WorkbenchContext, junk: { lines: { kind: PageJunk['kind']; text: string }[]; kept: boolean }) {
  const t = ctx.msg;
  return html`<div class="notice warn junk-notice" part="junk">
    <p><strong>${t(junk.kept ? 'junkKept' : 'junkRemoved', { n: junk.lines.length })}</strong>
      ${t(junk.kept ? 'junkKeptWhy' : 'junkRemovedWhy')}</p>
    ${renderJunkList(ctx, junk.lines)}
    <p><button type="button" class="gk-button" id="junk-toggle" @click=${() => readDocument(ctx, !junk.kept)}>
      ${t(junk.kept ? 'junkRemove' : 'junkPutBack')}
    </button></p>
  </div>`;
}

/** A chosen file: decoded as UTF-8 (strictly), else a message saying what it looks like. */
export async function readFile(ctx: WorkbenchContext, file: File): Promise<void> {
  const t = ctx.msg;
  const fail = (text: string, detail: string[] = []) => {
    ctx.ui.notice = { step: 'source', kind: 'error', text, detail };
    ctx.refresh();
    ctx.announce(text);
  };
  const ext = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const format = EXTENSIONS[ext];
  const word = isWordFile(file.name);
  if (!format && !word) return fail(t('fileType', { name: file.name }));
  if (file.size > (word ? MAX_WORD_BYTES : MAX_FILE_BYTES))
    return fail(t('fileTooLarge', { name: file.name, size: Math.round(file.size / 1024) }));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail(t('fileUnreadable', { name: file.name }));
  }
  // A .doc saved as .txt is still a Word file: the Word reader says what to do with it.
  if (word || isWordFile(file.name, bytes))
    return readWord(ctx, file.name, bytes, { read: (c) => readDocument(c), note: plainNote });
  forgetWord(ctx);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    // parseDocument says what the bytes look like (GBK, UTF-16) and where they stop being UTF-8.
    const problem = parseDocument(bytes, file.name).problems[0];
    const detail = problem ? [problem.message[ctx.formatLang]] : [];
    const en = problem?.message.en ?? '';
    if (/GBK/.test(en)) return fail(t('fileGbk', { name: file.name }), detail);
    if (/UTF-16/.test(en)) return fail(t('fileUtf16', { name: file.name }), detail);
    return fail(t('fileNotUtf8', { name: file.name }), detail);
  }
  ctx.edit(() => {
    ctx.draft.source = { text, name: file.name, format: format ?? 'text' };
  });
  readDocument(ctx);
}

/** A file dropped on the step is read as if chosen. */
function onDrop(ctx: WorkbenchContext, e: DragEvent): void {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  void readFile(ctx, file);
}

export function renderSourceStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const source = ctx.draft.source;
  const notice = ctx.ui.notice?.step === 'source' ? ctx.ui.notice : null;
  // A file dropped anywhere on the step (the box included) is read as if chosen.
  return html`<div
    class="source-step"
    @dragover=${(e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    }}
    @drop=${(e: DragEvent) => onDrop(ctx, e)}
  >
    <p>${t('sourceIntro')}</p>
    ${field(ctx, {
      id: 'source-text',
      label: t('sourceText'),
      hint: t('sourceTextHint'),
      value: source.text,
      rows: 12,
      lang: ctx.draft.doc?.lang || 'zh-Hans',
      onInput: (v) =>
        ctx.edit(() => {
          ctx.draft.source = { ...ctx.draft.source, text: v, name: '' };
        }),
    })}
    <div class="row">
      <div class="field drop">
        <label for="source-file">${t('sourceFile')}</label>
        <p class="hint" id="source-file-hint">${t('sourceFileHint')}</p>
        <input
          id="source-file"
          type="file"
          accept=${ACCEPT}
          aria-describedby="source-file-hint"
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void readFile(ctx, file);
          }}
        />
      </div>
      ${select<SourceFormat>(ctx, {
        id: 'source-format',
        label: t('sourceFormat'),
        value: source.format,
        options: (['auto', 'text', 'markdown', 'html'] as const).map((f) => ({
          value: f,
          label: t(`format_${f}` as const),
        })),
        onChange: (v) =>
          ctx.edit(() => {
            ctx.draft.source = { ...ctx.draft.source, format: v };
          }),
      })}
    </div>
    <p class="actions">
      <button type="button" class="gk-button primary" id="source-read" @click=${() => readDocument(ctx)}>
        ${ctx.draft.doc ? t('sourceReread') : t('sourceReadButton')}
      </button>
      ${source.name ? html`<span class="hint">${t('sourceFrom', { name: source.name })}</span>` : nothing}
    </p>
    ${
      notice
        ? html`<div class="notice ${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'}>
          <p>${notice.text}</p>
          ${notice.detail?.length ? html`<ul>${notice.detail.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
          ${
            notice.kind !== 'error' && ctx.draft.doc
              ? html`<p><button type="button" class="gk-button" @click=${() => ctx.go('clauses')}>${t('nextClauses')}</button></p>`
              : nothing
          }
        </div>
        ${notice.junk ? renderJunk(ctx, notice.junk) : nothing}`
        : nothing
    }
    ${renderWord(ctx)}
  </div>`;
}
