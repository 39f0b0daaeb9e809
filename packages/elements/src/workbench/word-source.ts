// Step 1 with a Word file: read by the docx chunk (loaded now, not before), put in the box as
// markdown and read like any text; images the file holds are kept in the body and offered for
// download, and an image without a text alternative stops the reading until one is written.

import type { Message } from '@gongkai/format';
import type { DocxImage, DocxResult } from '@gongkai/format/docx';
import { html, nothing } from 'lit';
import type { WorkbenchContext } from './context.js';
import { loadDocxEngine } from './docx-loader.js';

const WORD_NAME = /\.(?:docx|docm|dotx|doc|dot|wps|wpt)$/i;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** By name, or by content: an OLE compound file (.doc, .wps) under any name. */
export function isWordFile(name: string, bytes?: Uint8Array): boolean {
  return WORD_NAME.test(name) || (bytes !== undefined && OLE.every((b, i) => bytes[i] === b));
}

/** What step 1 does with text once it is in the box (given, so this file imports no step). */
export interface SourceHooks {
  read(ctx: WorkbenchContext): void;
  note(ctx: WorkbenchContext, note: Message): string;
}

interface WordState {
  hooks: SourceHooks;
  name: string;
  bytes: Uint8Array;
  busy: boolean;
  /** Images still without a text alternative, and what the drafter has typed for them. */
  missing: Pick<DocxImage, 'name' | 'after'>[];
  alts: Record<string, string>;
  /** The file's images, as object URLs to download. */
  images: { name: string; src: string; alt: string; url: string }[];
}

// Per workbench element: what the last Word file left to show (not saved with the draft).
const states = new WeakMap<object, WordState>();

/** Drops the last Word file's state (another file was chosen). */
export function forgetWord(ctx: WorkbenchContext): void {
  const state = states.get(ctx.host);
  for (const image of state?.images ?? []) URL.revokeObjectURL(image.url);
  states.delete(ctx.host);
}

function fail(ctx: WorkbenchContext, text: string, detail: string[] = []): void {
  ctx.ui.notice = { step: 'source', kind: 'error', text, detail };
  ctx.refresh();
  ctx.announce(text);
}

/** Reads a Word file into the box; `alts` are text alternatives the drafter wrote here. */
export async function readWord(
  ctx: WorkbenchContext,
  name: string,
  bytes: Uint8Array,
  hooks: SourceHooks,
  alts: Record<string, string> = {},
): Promise<void> {
  const t = ctx.msg;
  forgetWord(ctx);
  const state: WordState = { hooks, name, bytes, busy: true, missing: [], alts: { ...alts }, images: [] };
  states.set(ctx.host, state);
  ctx.ui.notice = null;
  ctx.refresh();
  ctx.announce(t('wordReading', { name }));
  let result: DocxResult;
  try {
    const engine = await loadDocxEngine();
    result = await engine.readDocx(bytes, name, { alts });
  } catch {
    state.busy = false;
    return fail(ctx, t('wordEngine', { name }));
  }
  state.busy = false;
  const detail = result.problems.map((p) => p.message[ctx.formatLang]);
  if (!result.markdown) return fail(ctx, t(isWordFile('', bytes) ? 'wordOld' : 'wordDamaged', { name }), detail);
  const missing = result.images.filter((i) => !i.alt);
  if (missing.length) {
    state.missing = missing.map(({ name, after }) => ({ name, after }));
    fail(ctx, t('wordNeedsAlt', { name, n: missing.length }));
    // Straight to the first field to fill in.
    await ctx.host.updateComplete;
    ctx.host.shadowRoot?.getElementById('word-alt-0')?.focus();
    return;
  }
  const markdown = result.markdown;
  ctx.edit(() => {
    ctx.draft.source = { text: markdown, name, format: 'markdown' };
  });
  hooks.read(ctx);
  state.images = result.images.map((i) => ({
    name: i.name,
    src: i.src,
    alt: i.alt,
    url: URL.createObjectURL(new Blob([i.bytes.slice()], { type: i.contentType })),
  }));
  const notice = ctx.ui.notice as WorkbenchContext['ui']['notice'];
  if (notice?.step === 'source' && notice.kind !== 'error') {
    // What the Word reader found (the 公文 layout, its numbers) and its warnings come first.
    notice.detail = [
      ...result.notes.map((n) => hooks.note(ctx, n)),
      ...result.problems.filter((p) => p.warning).map((p) => p.message[ctx.formatLang]),
      ...(notice.detail ?? []).filter((d) => !result.notes.some((n) => hooks.note(ctx, n) === d)),
    ];
  }
  ctx.refresh();
}

/** The text alternatives asked for, or the images kept, under the step's message. */
export function renderWord(ctx: WorkbenchContext) {
  const state = states.get(ctx.host);
  if (!state) return nothing;
  const t = ctx.msg;
  if (state.busy) return html`<p class="hint" role="status">${t('wordReading', { name: state.name })}</p>`;
  if (state.missing.length)
    return html`<fieldset class="word-alts" part="word-alts">
      <legend>${t('wordAltLegend')}</legend>
      <p class="hint">${t('wordAltWhy')}</p>
      ${state.missing.map(
        (image, i) => html`<div class="field">
          <label for=${`word-alt-${i}`}>${
            image.after
              ? t('wordAltLabel', { name: image.name, after: image.after })
              : t('wordAltLabelAlone', { name: image.name })
          }</label>
          <input
            id=${`word-alt-${i}`}
            type="text"
            lang="zh-Hans"
            .value=${state.alts[image.name] ?? ''}
            @input=${(e: Event) => {
              state.alts[image.name] = (e.target as HTMLInputElement).value;
            }}
          />
        </div>`,
      )}
      <p class="actions">
        <button
          type="button"
          class="gk-button primary"
          id="word-alts-read"
          @click=${() => {
            const empty = state.missing.filter((m) => !state.alts[m.name]?.trim());
            if (empty.length) {
              fail(ctx, t('wordAltEmpty', { n: empty.length }));
              const index = state.missing.indexOf(empty[0] as (typeof state.missing)[number]);
              ctx.host.shadowRoot?.getElementById(`word-alt-${index}`)?.focus();
              return;
            }
            void readWord(ctx, state.name, state.bytes, state.hooks, state.alts);
          }}
        >${t('wordAltRead')}</button>
      </p>
    </fieldset>`;
  if (!state.images.length) return nothing;
  return html`<div class="notice ok word-images" part="word-images">
    <p>${t('wordImages', { n: state.images.length })}</p>
    <ul>
      ${state.images.map((i) => html`<li><a href=${i.url} download=${i.name}>${i.src}</a>：${i.alt}</li>`)}
    </ul>
  </div>`;
}
