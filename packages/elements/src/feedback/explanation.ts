// gk-feedback's 修改说明 part (因意见修改), loaded only for feedback or a receipt that names
// changes: the changes of the later version that comments led to, each with the comments and
// reasons behind it and its redline on demand; the "因此修改" line under a comment, linking there;
// and the changes a receipt's comment led to. Everything here comes from the service: checked
// before it is shown, and shown as text only.
import {
  type Change,
  type ChangeExplanation,
  type ExplainedChange,
  type FeedbackComment,
  type ReceiptLookup,
  validateComparison,
} from '@gongkai/format';
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { runStyles } from '../changes/changes.styles.js';
import { renderRuns } from '../changes/redline.js';
import { changesMessages } from '../i18n/changes.js';
import { type FeedbackChangesMessages, feedbackChangesMessages } from '../i18n/feedback-changes.js';
import type { UiLang } from '../i18n/types.js';
import { fill } from '../internal/localize.js';

type Host = ReactiveControllerHost & HTMLElement;
/** What the part needs of the element's render: the language and its number format. */
export interface PartContext {
  lang: UiLang;
  n(value: number): string;
}

type Read = { ok: true; value: ChangeExplanation; index: Map<string, number> } | { ok: false; problem: string };

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isCount = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
const RECEIPT_ID = 'gk-receipt-redline-';
const NO_SUMMARY = { added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 0 };
/** The first problem of changes by the format's own rule (a comparison's shape), with its path. */
function changesProblem(summary: unknown, changes: unknown[], path: (i: number) => string): string | null {
  const checked = validateComparison({ summary, changes });
  if (checked.ok) return null;
  const p = checked.problems[0]!;
  const at = /^\$\.changes\[(\d+)\](.*)$/.exec(p.path);
  return `${at ? `${path(Number(at[1]))}${at[2]}` : p.path.replace(/^\$/, 'changes')}: ${p.message.en}`;
}

/** The first thing wrong with a 修改说明 from outside, by its path; null when it can be shown. */
function problemOf(x: unknown): string | null {
  if (!isObject(x)) return 'changes: expected an object';
  if (!Number.isInteger(x.version)) return 'changes.version: expected a whole number';
  if (!Number.isInteger(x.from)) return 'changes.from: expected a whole number';
  if (x.label != null && typeof x.label !== 'string') return 'changes.label: expected a string or null';
  if (!Array.isArray(x.items)) return 'changes.items: expected an array';
  for (const [i, item] of x.items.entries()) {
    const at = `changes.items[${i}]`;
    if (!isObject(item) || typeof item.key !== 'string') return `${at}.key: expected a string`;
    if (!isCount(item.comments) || !isCount(item.campaigns)) return `${at}: expected counts of comments and campaigns`;
    const reasons = item.reasons;
    if (
      !Array.isArray(reasons) ||
      !reasons.every((r) => isObject(r) && typeof r.reason === 'string' && isCount(r.count))
    )
      return `${at}.reasons: expected a list of { reason, count }`;
  }
  const items = x.items as Record<string, unknown>[];
  return changesProblem(
    x.summary,
    items.map((item) => item.change),
    (i) => `changes.items[${i}].change`,
  );
}

/** A change's clause number(s) as printed: 第三条, 新增第五条, 删除原第五条, 第五条（原第四条）. */
function nameOf(change: Change, t: (key: keyof FeedbackChangesMessages, p?: Record<string, string>) => string) {
  const to = change.to?.number ?? '';
  const from = change.from?.number ?? '';
  if (change.kind === 'added' || !change.from) return t('nameAdded', { number: to });
  if (change.kind === 'removed' || !change.to) return t('nameRemoved', { number: from });
  return from && from !== to ? t('nameMoved', { number: to, from }) : to;
}

const partStyles = css`
  .ch-items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .ch-item {
    border-block-start: 1px solid var(--gk-color-border, #d0d7de);
    padding-block: 0.75em;
  }
  .ch-item:focus-visible {
    outline: 3px solid var(--gk-color-focus, #c2410c);
    outline-offset: 2px;
  }
  .ch-item h4 {
    font-size: 1em;
    margin: 0;
  }
  .ch-item p,
  .ch-item ul {
    margin: 0.25em 0 0;
  }
  .ch-reasons ul {
    padding-inline-start: 1.25em;
  }
  .ch-toggle[aria-expanded='true'] {
    font-weight: 700;
  }
  .ch-redline {
    margin-block-start: 0.5em;
    border: 1px solid var(--gk-color-border, #8c959f);
    border-radius: var(--gk-radius, 6px);
    padding: 0.5em 0.75em;
    background: var(--gk-color-subtle, #f6f8fa);
  }
  .ch-text {
    white-space: pre-wrap;
  }
  .ch-receipt {
    margin-block-start: 0.75em;
  }
  :host([contrast]) {
    --gk-change-ins-bg: #fff;
    --gk-change-del-bg: #fff;
  }
  :host([theme='dark']) {
    --gk-change-ins-bg: #033a16;
    --gk-change-del-bg: #5d0f12;
  }
  @media print {
    .ch-toggle {
      display: none;
    }
    /* On paper every redline is shown: there is no button to press. */
    .ch-redline[hidden] {
      display: block;
    }
    .ch-item {
      break-inside: avoid;
    }
    .ch-redline {
      background: none;
    }
  }
`;

/**
 * The part, made once its chunk has loaded: adopts its styles into the element's shadow root and
 * keeps which redlines the reader opened.
 */
export class FeedbackChanges {
  private readonly open = new Set<string>();
  private readonly read = new WeakMap<object, Read>();
  private readonly tracedRead = new WeakMap<object, string | null>();
  private lastReceipt: ReceiptLookup | null = null;

  constructor(private readonly host: Host) {
    const root = host.shadowRoot;
    const sheets = [runStyles, partStyles].flatMap((s) => s.styleSheet ?? []);
    if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }

  private t(lang: UiLang) {
    const catalogue = feedbackChangesMessages[lang];
    return (key: keyof FeedbackChangesMessages, params: Record<string, string> = {}) => fill(catalogue[key], params);
  }

  /** The 修改说明 checked once per answer; a bad one is named in one console warning. */
  private explanation(x: unknown): Read {
    if (!isObject(x)) return { ok: false, problem: 'changes: expected an object' };
    let r = this.read.get(x);
    if (!r) {
      const problem = problemOf(x);
      if (problem) {
        console.warn(`[gongkai] <${this.host.localName}>: ${problem}`);
        r = { ok: false, problem };
      } else {
        const value = x as unknown as ChangeExplanation;
        r = { ok: true, value, index: new Map(value.items.map((item, i) => [item.key, i])) };
      }
      this.read.set(x, r);
    }
    return r;
  }

  private toggle(id: string): void {
    if (!this.open.delete(id)) this.open.add(id);
    this.host.requestUpdate();
  }

  /** The disclosure button and the redline it shows (every redline is printed). */
  private redline(id: string, change: Change, c: PartContext) {
    const t = this.t(c.lang);
    const ct = (key: keyof (typeof changesMessages)['en'], p?: Record<string, string | number>) =>
      fill(changesMessages[c.lang][key], p);
    const open = this.open.has(id);
    const name = nameOf(change, t);
    const ops = change.ops ?? [];
    return html`<button
        type="button"
        class="gk-link-button ch-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        @click=${() => this.toggle(id)}
      >
        ${t(open ? 'hide' : 'show')}<span class="sr-only">（${name}）</span>
      </button>
      <div class="ch-redline" id=${id} role="group" aria-label=${ct('redlineFor', { clause: name })} ?hidden=${!open}>
        ${
          ops.length
            ? html`<p class="hint">${t('legend')}</p>
                <p class="ch-text" lang=${c.lang === 'en' ? 'zh' : nothing}>${renderRuns(ops, ct)}</p>`
            : html`<p>${t('noText')}</p>`
        }
      </div>`;
  }

  /** The 修改说明 section; nothing for feedback without one (older servers, no later version). */
  section(x: unknown, c: PartContext) {
    if (x == null) return nothing;
    const t = this.t(c.lang);
    const r = this.explanation(x);
    const heading = html`<h3 id="changes-heading">${t('heading')}</h3>`;
    if (!r.ok) {
      return html`<section class="explanation" part="changes" aria-labelledby="changes-heading">
        ${heading}
        <p class="gk-error" role="alert">${t('invalid')}</p>
      </section>`;
    }
    const e = r.value;
    const s = e.summary;
    const n = e.items.length;
    const label = e.label?.trim() || t('versionLabel', { version: String(e.version) });
    const summary =
      t('summary', { label, modified: c.n(s.modified), added: c.n(s.added), removed: c.n(s.removed) }) +
      (n ? t('summaryOfWhich', { n: c.n(n) }) : t('summaryEnd'));
    return html`<section class="explanation" part="changes" aria-labelledby="changes-heading">
      ${heading}
      <p class="ch-lead">${n ? t('lead', { n: c.n(n) }) : t('leadNone')}</p>
      <p class="ch-summary">${summary}</p>
      ${n ? html`<ol class="ch-items">${e.items.map((item, i) => this.item(item, i, c))}</ol>` : nothing}
    </section>`;
  }

  private item(item: ExplainedChange, i: number, c: PartContext) {
    const t = this.t(c.lang);
    const zh = c.lang === 'en' ? 'zh' : nothing;
    const counts = { comments: c.n(item.comments), campaigns: c.n(item.campaigns) };
    return html`<li class="ch-item" id=${`gk-change-${i}`} tabindex="-1" data-key=${item.key}>
      <h4 class="ch-name">${nameOf(item.change, t)}</h4>
      <p class="ch-basis">${t(item.campaigns ? 'basisCampaigns' : 'basis', counts)}</p>
      ${
        item.reasons.length
          ? html`<div class="ch-reasons">
              <p>${t('reasons')}</p>
              <ul>
                ${item.reasons
                  .slice(0, 3)
                  .map(
                    (r) => html`<li><span lang=${zh}>${r.reason}</span>${t('reasonCount', { n: c.n(r.count) })}</li>`,
                  )}
              </ul>
            </div>`
          : nothing
      }
      ${this.redline(`gk-redline-${i}`, item.change, c)}
    </li>`;
  }

  /** "因此修改：第三条" under a published comment, each change a link to it in the 修改说明. */
  comment(comment: FeedbackComment, x: unknown, c: PartContext) {
    const keys = comment.changes;
    if (!Array.isArray(keys) || !keys.length || x == null) return nothing;
    const r = this.explanation(x);
    if (!r.ok) return nothing;
    const t = this.t(c.lang);
    // A key the 修改说明 does not list cannot be named: it is left out.
    const found = keys.flatMap((key) => {
      const i = r.index.get(key);
      return i === undefined ? [] : [{ i, name: nameOf(r.value.items[i]!.change, t) }];
    });
    if (!found.length) return nothing;
    return html`<p class="ch-led">
      ${t('ledTo')}${found.map(
        ({ i, name }, n) =>
          html`${n ? t('separator') : ''}<a href=${`#gk-change-${i}`} @click=${(e: MouseEvent) => this.go(e, i)}
              >${name}</a
            >`,
      )}
    </p>`;
  }

  /** Moves the reader, and the focus, to a change in the 修改说明. */
  private go(event: MouseEvent, i: number): void {
    const target = this.host.shadowRoot?.getElementById(`gk-change-${i}`);
    if (!target) return;
    event.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: 'start' });
  }

  /** The changes a receipt names, checked (a bad answer is named in one console warning); null when none. */
  private traced(r: ReceiptLookup): Change[] | null {
    const c = r.changes;
    if (!isObject(c) || !Array.isArray(c.items) || !c.items.length) return null;
    let problem = this.tracedRead.get(c);
    if (problem === undefined) {
      problem = changesProblem(NO_SUMMARY, c.items, (i) => `receipt.changes.items[${i}]`);
      if (problem) console.warn(`[gongkai] <${this.host.localName}>: ${problem}`);
      this.tracedRead.set(c, problem);
    }
    return problem ? null : c.items;
  }

  /** For a receipt whose comment led to changes: which, and the redline of each on demand. */
  receipt(r: ReceiptLookup, c: PartContext) {
    if (r !== this.lastReceipt) {
      // Another answer: its redlines start closed.
      this.lastReceipt = r;
      for (const id of this.open) if (id.startsWith(RECEIPT_ID)) this.open.delete(id);
    }
    const items = this.traced(r);
    if (!items) return nothing;
    const t = this.t(c.lang);
    const traced = r.changes!;
    const label = traced.label?.trim() || t('versionLabel', { version: String(traced.version) });
    const names = items.map((change) => nameOf(change, t)).join(t('separator'));
    // One change: its redline under the sentence that names it; more: each under its name.
    return html`<div class="ch-receipt" part="lookup-changes">
      <p class="ch-led">${t('receiptLed', { label })}${names}</p>
      ${
        items.length === 1
          ? this.redline(`${RECEIPT_ID}0`, items[0]!, c)
          : html`<ul class="ch-items">
              ${items.map(
                (change, i) => html`<li class="ch-item">
                  <p class="ch-name">${nameOf(change, t)}</p>
                  ${this.redline(`${RECEIPT_ID}${i}`, change, c)}
                </li>`,
              )}
            </ul>`
      }
    </div>`;
  }
}
