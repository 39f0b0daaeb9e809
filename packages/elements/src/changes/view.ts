// The 修改对照 mode of gk-document: a chunk of its own, loaded only for a bundle that has a
// comparison with its previous version (or names that version's bundle, to compare here).
import type { Change, Clause, Comparison, DocumentBundle, DocumentPartial } from '@gongkai/format';
import { type ChangesMessages, changesMessages } from '../i18n/changes.js';
import type { ClauseDom } from '../internal/clause-dom.js';
import { tagFor } from '../internal/define.js';
import { reportBundleError } from '../internal/error-view.js';
import { BundleError, type Msg } from '../internal/load-bundle.js';
import { closestLang, coreMessages, fill, uiLang } from '../internal/localize.js';
import { contrastSheet, textSheet } from './changes.styles.js';
import { checkComparison, unitsOf } from './check.js';
import type { GkChangeMark } from './mark.js';
import type { GkChangeRedline } from './redline.js';
import type { GkChangeSummary } from './summary.js';

/** What the mode needs of gk-document (its public API, and the clause map it hands over). */
export interface DocumentHost extends HTMLElement {
  readonly clauses: readonly Clause[];
  clauseMarker(id: string): HTMLElement | undefined;
}

type Loaded = DocumentBundle | DocumentPartial;
type ChangesMsg = (key: keyof ChangesMessages, params?: Record<string, string | number>) => string;

const views = new WeakMap<DocumentHost, ChangeView>();
const adopted = new WeakMap<Document | ShadowRoot, Set<string>>();

function adopt(root: Document | ShadowRoot, text: string): void {
  const seen = adopted.get(root) ?? new Set<string>();
  if (seen.has(text)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  adopted.set(root, seen.add(text));
}

/** A block a clause's panel goes after; inside a table cell or list item, at its end. */
function placeAfter(block: Element, node: Element): void {
  if (/^(TD|TH|LI|DD|DT)$/.test(block.tagName)) block.append(node);
  else block.after(node);
}

/** Shown by "只看修改的条文": its text changed, it is new, or it moved among its neighbours. */
const isShown = (c: Change) => c.kind === 'modified' || c.kind === 'added' || c.moved === true;
const blockKind = (c: Change) => (c.moved ? 'moved' : c.kind);

/** The mode on one gk-document: the summary, the toggle, and what it adds to the text. */
class ChangeView {
  private readonly t: ChangesMsg;
  private readonly coreMsg: Msg;
  /** The UI's language (the document element's), and the text's (the article's). */
  private readonly lang: string;
  private contentLang = '';
  private readonly abort = new AbortController();
  private summary: GkChangeSummary | null = null;
  private toggle: HTMLButtonElement | null = null;
  private comparison: Comparison | null = null;
  private readonly marks = new Map<string, GkChangeMark>();
  private readonly redlines = new Map<string, GkChangeRedline>();
  private readonly removed: GkChangeRedline[] = [];
  /** Each changed clause's blocks and how it changed (the rule beside them). */
  private readonly changedBlocks = new Map<Element, string>();
  /** The blocks "只看修改的条文" hides. */
  private hideable: Element[] = [];
  private unitBlocks = new Map<string, Element[]>();
  private shownCount = 0;
  private on = false;
  private filter = false;
  private readonly onReady = () => {
    // The document was annotated again (another bundle): this view's markers are gone.
    const [id, marker] = this.probe ?? [];
    if (id !== undefined && this.doc.clauseMarker(id) !== marker) this.remove();
  };
  private readonly onBeforePrint = () => this.forPrint(true);
  private readonly onAfterPrint = () => this.forPrint(false);
  private readonly probe: [string, HTMLElement] | undefined;

  constructor(
    private readonly doc: DocumentHost,
    private readonly map: ClauseDom,
    private readonly loaded: Loaded,
  ) {
    const lang = uiLang(closestLang(doc) || document.documentElement.lang);
    this.lang = lang;
    const own = changesMessages[lang];
    this.t = (key, params) => fill(own[key], params);
    const core = coreMessages(doc);
    this.coreMsg = (key, params) => fill(core[key], params);
    this.probe = [...map.markers][0];
  }

  async start(): Promise<void> {
    const root = this.doc.shadowRoot;
    if (!root) return;
    adopt(root, contrastSheet);
    adopt(root, textSheet);
    const first = [...this.map.blocks.values()][0]?.[0];
    const textRoot = first?.getRootNode();
    this.contentLang = (first && closestLang(first)) || '';
    if (textRoot instanceof Document || textRoot instanceof ShadowRoot) adopt(textRoot, textSheet);
    const summary = document.createElement(tagFor('gk-change-summary')) as GkChangeSummary;
    // Inside the article, whose lang is the text's: the mode's words are in the UI's language.
    summary.lang = this.lang;
    summary.revisionOf = this.loaded.revisionOf;
    summary.onFilter = () => this.setFilter(!this.filter);
    this.summary = summary;
    const controls = root.querySelector('[part="controls"]');
    if (controls) controls.after(summary);
    else root.querySelector('article')?.prepend(summary);
    this.doc.addEventListener('gk-ready', this.onReady);
    try {
      this.comparison = await this.read();
    } catch (error) {
      if (this.abort.signal.aborted) return;
      summary.error = reportBundleError(this.doc, error, this.coreMsg);
      return;
    }
    if (this.abort.signal.aborted) return;
    summary.comparison = this.comparison;
    this.place(this.comparison);
    this.addToggle(controls);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  /** The stored comparison, checked; or one computed here from the previous version's bundle. */
  private async read(): Promise<Comparison> {
    const source = this.doc.getAttribute('src') || '<gk-document>.bundle';
    if (this.loaded.comparison !== undefined) return checkComparison(this.loaded, this.doc.clauses, source, this.t);
    const url = this.loaded.revisionOf?.url ?? '';
    const { compareWithPrevious } = await import('./compute.js');
    try {
      return await compareWithPrevious(url, this.doc.clauses, this.coreMsg, this.abort.signal);
    } catch (error) {
      if (error instanceof BundleError) throw new BundleError(this.t('previousFailed'), error.detail, error.problems);
      throw error;
    }
  }

  private addToggle(controls: Element | null): void {
    if (!controls) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'gk-button';
    button.textContent = this.t('toggle');
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => this.setOn(!this.on));
    controls.append(button);
    this.toggle = button;
  }

  /** Marks every changed clause, and puts each deleted clause where it stood (hidden until the mode is on). */
  private place(comparison: Comparison): void {
    const ids = new Set(comparison.changes.flatMap((c) => (c.to ? [c.to.id] : [])));
    const { byId, unitOf } = unitsOf(this.doc.clauses, ids);
    const headings: Clause[] = [];
    for (const clause of this.doc.clauses) {
      const unit = unitOf(clause);
      if (!unit) {
        headings.push(clause);
        continue;
      }
      const list = this.unitBlocks.get(unit) ?? [];
      for (const block of this.map.blocks.get(clause.id) ?? []) if (!list.includes(block)) list.push(block);
      this.unitBlocks.set(unit, list);
    }
    const keep = new Set<Element>();
    const keepHeadings = new Set<string>();
    const keepAbove = (id: string | undefined) => {
      for (
        let c = id === undefined ? undefined : byId.get(id);
        c;
        c = c.parent === null ? undefined : byId.get(c.parent)
      )
        keepHeadings.add(c.id);
    };
    const firstBlock = this.unitBlocks.get(comparison.changes.find((c) => c.to)?.to?.id ?? '')?.[0];
    let after: Element | null = null;
    let previousUnit: string | undefined;
    for (const change of comparison.changes) {
      if (!change.to) {
        const removed = this.makeRedline(change, true);
        if (after) placeAfter(after, removed);
        else firstBlock?.before(removed);
        after = removed;
        this.removed.push(removed);
        keepAbove(previousUnit);
        this.shownCount++;
        continue;
      }
      const id = change.to.id;
      const blocks = this.unitBlocks.get(id) ?? [];
      after = blocks.at(-1) ?? after;
      previousUnit = id;
      if (isShown(change)) {
        for (const block of blocks) keep.add(block);
        keepAbove(id);
        this.shownCount++;
      }
      if (change.kind === 'unchanged') continue;
      for (const block of blocks) this.changedBlocks.set(block, blockKind(change));
      const marker = this.doc.clauseMarker(id);
      if (!marker) continue;
      const mark = document.createElement(tagFor('gk-change-mark')) as GkChangeMark;
      mark.lang = this.lang;
      mark.kind = change.kind;
      mark.moved = change.moved === true;
      mark.was = change.from && change.from.number !== change.to.number ? change.from.number : '';
      mark.clause = change.to.number;
      mark.expandable = change.kind === 'modified';
      mark.onToggle = () => this.toggleRedline(change);
      mark.hidden = true;
      marker.after(mark);
      this.marks.set(id, mark);
    }
    const hide = new Set<Element>();
    for (const [id, blocks] of this.unitBlocks) {
      if (!ids.has(id)) continue;
      for (const block of blocks) if (!keep.has(block)) hide.add(block);
    }
    for (const heading of headings) {
      if (keepHeadings.has(heading.id)) continue;
      for (const block of this.map.blocks.get(heading.id) ?? []) if (!keep.has(block)) hide.add(block);
    }
    this.hideable = [...hide];
  }

  private makeRedline(change: Change, removed: boolean): GkChangeRedline {
    const redline = document.createElement(tagFor('gk-change-redline')) as GkChangeRedline;
    redline.lang = this.lang;
    redline.contentLang = this.contentLang;
    redline.ops = change.ops ?? [];
    redline.fromNumber = change.from?.number ?? '';
    redline.toNumber = change.to?.number ?? '';
    redline.removed = removed;
    redline.hidden = true;
    return redline;
  }

  private redlineFor(change: Change): GkChangeRedline {
    const id = change.to!.id;
    let redline = this.redlines.get(id);
    if (!redline) {
      redline = this.makeRedline(change, false);
      const last = this.unitBlocks.get(id)?.at(-1);
      if (last) placeAfter(last, redline);
      this.redlines.set(id, redline);
    }
    return redline;
  }

  private toggleRedline(change: Change): void {
    const redline = this.redlineFor(change);
    const open = redline.hidden === true || redline.hasAttribute('data-print-only');
    redline.removeAttribute('data-print-only');
    redline.hidden = !open;
    const mark = this.marks.get(change.to!.id);
    if (mark) mark.expanded = open;
  }

  /** Printed with the changes shown, every redline is on paper (no button to press there). */
  private forPrint(printing: boolean): void {
    if (!this.on || !this.comparison) return;
    for (const change of this.comparison.changes) {
      if (change.kind !== 'modified' || !change.to) continue;
      if (printing) {
        const redline = this.redlineFor(change);
        if (redline.hidden === true) {
          redline.setAttribute('data-print-only', '');
          redline.hidden = false;
        }
      } else {
        const redline = this.redlines.get(change.to.id);
        if (redline?.hasAttribute('data-print-only')) {
          redline.removeAttribute('data-print-only');
          redline.hidden = true;
        }
      }
    }
  }

  private setOn(on: boolean): void {
    this.on = on;
    this.toggle?.setAttribute('aria-pressed', String(on));
    for (const mark of this.marks.values()) {
      mark.hidden = !on;
      mark.expanded = false;
    }
    for (const removed of this.removed) removed.hidden = !on;
    for (const redline of this.redlines.values()) redline.hidden = true;
    for (const [block, kind] of this.changedBlocks) {
      if (on) block.setAttribute('data-gk-change', kind);
      else block.removeAttribute('data-gk-change');
    }
    if (!on && this.filter) this.setFilter(false);
    if (this.summary) {
      this.summary.on = on;
      this.summary.status = on ? this.t('modeOn', { count: this.marks.size + this.removed.length }) : this.t('modeOff');
    }
  }

  private setFilter(filter: boolean): void {
    this.filter = filter;
    for (const block of this.hideable) block.toggleAttribute('data-gk-filtered', filter);
    if (!this.summary) return;
    this.summary.filter = filter;
    const hidden = this.comparison!.changes.filter((c) => c.to && !isShown(c)).length;
    this.summary.status = filter ? this.t('filtered', { shown: this.shownCount, hidden }) : this.t('unfiltered');
  }

  /** Shows the changes (if they can be) and brings the summary into view, the toggle focused. */
  reveal(): void {
    if (this.comparison && !this.on) this.setOn(true);
    this.summary?.scrollIntoView({ block: 'start' });
    this.toggle?.focus({ preventScroll: true });
  }

  /** Takes everything the mode added out of the document. */
  remove(): void {
    this.abort.abort();
    if (this.on) this.setOn(false);
    this.summary?.remove();
    this.toggle?.remove();
    for (const el of [...this.marks.values(), ...this.redlines.values(), ...this.removed]) el.remove();
    this.doc.removeEventListener('gk-ready', this.onReady);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    if (views.get(this.doc) === this) views.delete(this.doc);
  }
}

/**
 * Shows the comparison of the loaded bundle with its previous version in gk-document: called
 * by the document once its text is annotated (again for each new bundle).
 */
export function showChanges(doc: DocumentHost, map: ClauseDom, loaded: Loaded): Promise<void> {
  views.get(doc)?.remove();
  const view = new ChangeView(doc, map, loaded);
  views.set(doc, view);
  return view.start();
}

/** For gk-policy's 修改对照 entry: the document's changes shown and in view. */
export function showChangesOf(doc: DocumentHost): void {
  views.get(doc)?.reveal();
}
