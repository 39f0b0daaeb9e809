import type { Clause } from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { workbenchMessages } from '../i18n/workbench.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { LocalizeController } from '../internal/localize.js';
import { WidthController } from '../internal/width.js';
import { type Analysis, analyse } from './analysis.js';
import { placeOf, renderCheckStep } from './check-step.js';
import { renderClausesStep } from './clauses-step.js';
import type { WorkbenchContext, WorkbenchUi } from './context.js';
import { DraftStore } from './draft-store.js';
import { fromBundle } from './from-bundle.js';
import { renderGraphicsStep } from './graphics-step.js';
import { renderMetaStep } from './meta-step.js';
import {
  clausesOf,
  emptyDraft,
  isEmpty,
  pendingNotes,
  STEPS,
  type StepName,
  type toBundle,
  type WorkbenchDraft,
} from './model.js';
import { renderNotesStep } from './notes-step.js';
import { renderQaStep } from './qa-step.js';
import { loadQueue } from './queue-loader.js';
import { renderSaveStep, SaveStep } from './save-step.js';
import { renderSourceStep } from './source-step.js';
import { workbenchStyles } from './workbench.styles.js';

/** How long after the last keystroke the preview and the self-check catch up. */
const ANALYSE_DELAY = 350;
/** Below this width: one column, the preview under the editor. */
const WIDE = 1000;

type Banner =
  /** A draft kept from last time, not yet restored or set aside. */
  | { kind: 'found'; draft: WorkbenchDraft }
  /** A draft set aside (one step back), which can be brought back. */
  | { kind: 'set-aside'; draft: WorkbenchDraft }
  | null;

const FOCUSABLE = 'input, select, textarea, button, [tabindex]';

/**
 * The drafter's workbench (起草处室): paste or upload a policy document, check and fix the
 * clauses found, fill in its metadata, write the interpretation notes, Q&A and 图解 with a live
 * preview in the real gk-policy and gk-graphic, run the publication self-check, and save the
 * bundle to the server (`PUT {endpoint}/policies/:id`, staff token) or download bundle.json —
 * then copy the two lines a site editor pastes into the CMS. The work is autosaved to
 * localStorage and offered back on the next visit.
 *
 * Ships in the staff bundle (gongkai-staff.js), not in the citizens' gongkai.js.
 *
 * @tagname gk-workbench
 * @summary Write a policy's interpretation, Q&A and graphics, check them and publish the bundle.
 * @event gk-save - The bundle was saved; `detail` is `{ id, via: 'server' | 'download', url }`.
 * @csspart header - The title bar with the autosave status and "start over".
 * @csspart banner - The offer to restore the draft kept from last time.
 * @csspart steps - The list of steps.
 * @csspart panel - The current step.
 * @csspart preview - The live preview (gk-policy) beside the notes and Q&A.
 * @csspart save - The "save to server" button.
 * @csspart download - The "download bundle.json" button.
 * @csspart copy - The button that copies the two lines for the CMS.
 * @csspart error - The message of a failed save.
 * @cssproperty [--gk-color-accent=#b42318] - The current step and primary buttons.
 * @cssproperty [--gk-color-border=#d0d7de] - Borders of fields and panels.
 * @cssproperty [--gk-color-subtle=#f6f8fa] - Background of the steps and notices.
 * @attr narrow - Set by the element itself below 1000 px: one column, the preview under the editor.
 */
export class GkWorkbench extends LitElement {
  static override styles = [baseStyles, buttonStyles, srOnly, workbenchStyles];

  /** Base URL of the Gongkai API; the bundle is saved to `{endpoint}/policies/{id}`. */
  @property({ reflect: true }) accessor endpoint = '/api/v1';
  /** URL of gongkai.js, for the `<script>` line given to the site editor. */
  @property({ reflect: true }) accessor script = '/gongkai.js';
  /** Name under which the work in progress is autosaved (one per document being drafted). */
  @property({ attribute: 'draft-key', reflect: true }) accessor draftKey = 'default';
  /** The step shown: source, clauses, meta, notes, qa, graphics, check or save. */
  @property({ reflect: true }) accessor step: StepName = 'source';
  /** An existing bundle to revise; it becomes the work in progress. */
  @property({ attribute: false }) accessor bundle: unknown = undefined;

  @state() private accessor draft: WorkbenchDraft = emptyDraft();
  @state() private accessor analysis: Analysis | null = null;
  @state() private accessor banner: Banner = null;
  @state() private accessor announcement = '';
  @state() private accessor confirmStartOver = false;
  /** What was wrong with the `bundle` given, shown until the drafter goes on. */
  @state() private accessor given: { kind: 'not-bundle' } | { kind: 'problems'; n: number } | null = null;

  private readonly i18n = new LocalizeController(this, workbenchMessages);
  private readonly store = new DraftStore(
    this,
    () => this.draftKey,
    () => this.draft,
  );
  private readonly save = new SaveStep();
  // Reflects `narrow` on the host (see workbench.styles.ts).
  protected readonly width = new WidthController(this, WIDE);
  private ui: WorkbenchUi = freshUi('source');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cache: { body: string | null; clauses: Clause[] } = { body: null, clauses: [] };
  private started = false;

  /** The bundle the work makes now (not validated; `getBundle` says what is wrong). */
  getBundle(): { bundle: ReturnType<typeof toBundle>; problems: Analysis['problems'] } {
    const a = analyse(this.draft, this.clauses);
    return { bundle: a.bundle, problems: a.problems };
  }

  private get clauses(): Clause[] {
    const body = this.draft.doc?.body ?? '';
    if (this.cache.body !== body) this.cache = { body, clauses: clausesOf(body) };
    return this.cache.clauses;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.started) {
      this.started = true;
      const kept = this.store.load();
      if (kept) this.banner = { kind: 'found', draft: kept };
    }
    if (changed.has('bundle') && this.bundle !== undefined) this.takeUp(this.bundle);
    if (changed.has('step') && this.ui.step !== this.step) {
      this.ui.step = STEPS.includes(this.step) ? this.step : 'source';
      if (this.ui.step === 'check' || this.ui.step === 'save') this.ui.checked = true;
    }
    if (this.analysis === null && this.draft.doc) this.recheck(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A bundle given to revise: what it holds becomes the work; its problems are said, not fixed. */
  private takeUp(input: unknown): void {
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      this.given = { kind: 'not-bundle' };
      console.warn('[gongkai] <gk-workbench>: .bundle is not a bundle object; nothing was loaded', input);
      return;
    }
    if (!isEmpty(this.draft) && this.banner?.kind !== 'found') this.store.setAside(this.draft);
    this.replace(fromBundle(input), false);
    const problems = this.analysis?.problems ?? [];
    this.given = problems.length ? { kind: 'problems', n: problems.length } : null;
    if (problems.length) console.warn('[gongkai] <gk-workbench>: the bundle given has problems', problems);
  }

  /** Makes `draft` the work in progress, with fresh selections. */
  private replace(draft: WorkbenchDraft, write = true): void {
    this.draft = draft;
    this.ui = freshUi(this.ui.step);
    this.save.state = { kind: 'idle' };
    this.analysis = null;
    this.recheck(false);
    if (write) this.store.save();
  }

  private edit(change: () => void): void {
    change();
    this.draft.updated = new Date().toISOString();
    if (this.banner?.kind === 'found') {
      // Writing over the kept draft: it is set aside first, and can still be brought back.
      this.store.setAside(this.banner.draft);
      this.banner = { kind: 'set-aside', draft: this.banner.draft };
    }
    this.store.schedule();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recheck(), ANALYSE_DELAY);
    this.requestUpdate();
  }

  private recheck(render = true): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = analyse(this.draft, this.clauses);
    // The same preview object when nothing it shows changed: gk-policy then does not reload.
    const old = this.analysis?.preview;
    if (old && next.preview && JSON.stringify(old) === JSON.stringify(next.preview)) next.preview = old;
    this.analysis = next;
    if (render) this.requestUpdate();
  }

  private announce(text: string): void {
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private async go(step: StepName, focusId = 'step-heading'): Promise<void> {
    if (step !== this.ui.step) this.ui.undo = null;
    this.ui.step = step;
    this.step = step;
    if (step === 'check' || step === 'save') {
      this.ui.checked = true;
      this.recheck(false);
    }
    this.requestUpdate();
    await this.updateComplete;
    const root = this.shadowRoot;
    const found = root?.getElementById(focusId) ?? root?.getElementById('step-heading');
    const target = found?.matches(FOCUSABLE) ? found : (found?.querySelector<HTMLElement>(FOCUSABLE) ?? found);
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  private jump(path: string): void {
    const place = placeOf(path);
    if (!place) return;
    this.ui.checked = true;
    if (place.select) this.ui[place.select.list] = place.select.index;
    void this.go(place.step, place.focus);
  }

  private restore(): void {
    const banner = this.banner;
    if (!banner) return;
    const current = this.draft;
    const aside = !isEmpty(current) && this.store.setAside(current);
    this.replace(banner.draft);
    this.banner = aside ? { kind: 'set-aside', draft: current } : null;
    this.announce(this.i18n.msg('restored'));
  }

  private startOver(): void {
    const current = this.banner?.kind === 'found' ? this.banner.draft : this.draft;
    const aside = this.store.setAside(current);
    if (this.banner?.kind !== 'found') this.replace(emptyDraft());
    this.banner = aside && !isEmpty(current) ? { kind: 'set-aside', draft: current } : null;
    this.confirmStartOver = false;
    this.store.save();
    this.announce(this.i18n.msg('startedOver'));
    void this.go('source', 'source-text');
  }

  private context(): WorkbenchContext {
    const host = this;
    const lang = this.i18n.lang;
    return {
      msg: this.i18n.msg.bind(this.i18n),
      lang,
      formatLang: lang === 'en' ? 'en' : 'zh-Hans',
      draft: this.draft,
      get clauses() {
        return host.clauses;
      },
      ui: this.ui,
      analysis: this.analysis,
      edit: (change) => this.edit(change),
      refresh: () => this.requestUpdate(),
      go: (step) => void this.go(step),
      recheck: () => this.recheck(),
      jump: (path) => this.jump(path),
      announce: (text) => this.announce(text),
      host: this,
      endpoint: this.endpoint,
      script: this.script,
    };
  }

  private renderBanner() {
    const t = this.i18n.msg.bind(this.i18n);
    const banner = this.banner;
    if (!banner) return nothing;
    const d = banner.draft;
    const when = d.updated ? new Date(d.updated).toLocaleString(this.i18n.lang) : '';
    const what = d.doc?.meta.title || d.source.text.trim().slice(0, 30) || t('untitled');
    return html`<div class="banner" part="banner" role="region" aria-label=${t('bannerLabel')}>
      <p>${t(banner.kind === 'found' ? 'bannerFound' : 'bannerSetAside', { what, when })}</p>
      <p class="actions">
        <button type="button" class="gk-button primary" @click=${() => this.restore()}>
          ${t(banner.kind === 'found' ? 'restore' : 'bringBack')}
        </button>
        ${
          banner.kind === 'found'
            ? html`<button type="button" class="gk-button" @click=${() => this.startOver()}>${t('startOver')}</button>`
            : html`<button type="button" class="gk-button" @click=${() => {
                this.banner = null;
              }}>${t('dismiss')}</button>`
        }
      </p>
    </div>`;
  }

  private renderHeader() {
    const t = this.i18n.msg.bind(this.i18n);
    const saved = this.store.savedAt ? new Date(this.store.savedAt).toLocaleTimeString(this.i18n.lang) : '';
    return html`<header part="header">
      <h2>${t('heading')}</h2>
      ${
        this.store.failed
          ? html`<p class="autosave failed" role="alert">${t('autosaveFailed')}</p>`
          : html`<p class="autosave">${saved ? t('autosaved', { time: saved }) : t('autosaveOn')}</p>`
      }
      ${
        this.confirmStartOver
          ? html`<p class="actions confirm" role="group" aria-label=${t('startOver')}>
            <span>${t('startOverConfirm')}</span>
            <button type="button" class="gk-button danger" id="start-over-yes" @click=${() => this.startOver()}>${t('startOverYes')}</button>
            <button type="button" class="gk-button" @click=${() => {
              this.confirmStartOver = false;
            }}>${t('cancel')}</button>
          </p>`
          : isEmpty(this.draft)
            ? nothing
            : html`<button type="button" class="gk-link-button" @click=${async () => {
                this.confirmStartOver = true;
                await this.updateComplete;
                this.shadowRoot?.getElementById('start-over-yes')?.focus();
              }}>${t('startOver')}</button>`
      }
    </header>`;
  }

  private renderGiven() {
    const t = this.i18n.msg.bind(this.i18n);
    const given = this.given;
    if (!given) return nothing;
    if (given.kind === 'not-bundle') return html`<p class="notice error" role="alert">${t('bundleNotObject')}</p>`;
    return html`<p class="notice warn" role="status">
      ${t('bundleProblems', { n: given.n })}
      <button type="button" class="gk-link-button" @click=${() => {
        this.given = null;
        void this.go('check');
      }}>${t('toCheck')}</button>
    </p>`;
  }

  /** Notes carried over from a previous version whose place awaits the drafter (the queue is in step 4). */
  private renderMoved() {
    const n = this.ui.step === 'notes' || !this.draft.doc ? 0 : pendingNotes(this.draft.notes).length;
    if (!n) return nothing;
    // Fetched now, so that the queue is there when the drafter goes to it.
    loadQueue().catch(() => {});
    const t = this.i18n.msg.bind(this.i18n);
    return html`<p class="notice warn" role="status">
      ${t('reanchorNotice', { n })}
      <button type="button" class="gk-link-button" @click=${() => this.go('notes', 'reanchor-queue')}>${t('reanchorGoTo')}</button>
    </p>`;
  }

  private renderSteps() {
    const t = this.i18n.msg.bind(this.i18n);
    return html`<nav part="steps" aria-label=${t('stepsLabel')}>
      <ol>
        ${STEPS.map(
          (s, i) => html`<li>
            <button type="button" aria-current=${this.ui.step === s ? 'step' : 'false'} @click=${() => this.go(s)}>
              <span class="n" aria-hidden="true">${i + 1}</span> ${t(`step_${s}` as const)}
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }

  private renderStep(ctx: WorkbenchContext) {
    const t = ctx.msg;
    const step = this.ui.step;
    if (step !== 'source' && !this.draft.doc) {
      return html`<p>${t('needDocument')}</p>
        <p><button type="button" class="gk-button" @click=${() => this.go('source', 'source-text')}>${t('toSource')}</button></p>`;
    }
    switch (step) {
      case 'source':
        return renderSourceStep(ctx);
      case 'clauses':
        return renderClausesStep(ctx);
      case 'meta':
        return html`${renderMetaStep(ctx)}
          <p><button type="button" class="gk-button" @click=${() => this.go('notes')}>${t('nextNotes')}</button></p>`;
      case 'notes':
        return renderNotesStep(ctx);
      case 'qa':
        return renderQaStep(ctx);
      case 'graphics':
        return renderGraphicsStep(ctx);
      case 'check':
        return html`${renderCheckStep(ctx)}
          <p><button type="button" class="gk-button" @click=${() => this.go('save')}>${t('nextSave')}</button></p>`;
      case 'save':
        return renderSaveStep(ctx, this.save);
    }
  }

  protected override render() {
    const ctx = this.context();
    const t = ctx.msg;
    const undo = this.ui.undo;
    const index = STEPS.indexOf(this.ui.step);
    return html`
      ${this.renderHeader()} ${this.renderBanner()} ${this.renderSteps()}
      <section class="panel" part="panel" aria-labelledby="step-heading">
        <h3 id="step-heading" tabindex="-1">${t('stepHeading', { n: index + 1, name: t(`step_${this.ui.step}` as const) })}</h3>
        ${
          undo
            ? html`<p class="notice ok undo" role="status">${undo.label}
              <button type="button" class="gk-link-button" @click=${() => {
                this.ui.undo = null;
                undo.run();
                this.announce(t('undone'));
              }}>${t('undo')}</button></p>`
            : nothing
        }
        ${this.renderGiven()} ${this.renderMoved()} ${this.renderStep(ctx)}
      </section>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}

function freshUi(step: StepName): WorkbenchUi {
  return { step, note: 0, qa: 0, graphic: 0, clause: null, history: [], undo: null, notice: null, checked: false };
}
