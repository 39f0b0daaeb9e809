// 因意见修改 in the staff console (issue 19): an adopted comment is linked to the changes of the next
// version it led to. A chunk of its own, loaded when an adopted comment is first opened: the
// server's candidates first (the clause commented on, then shared wording), each with its redline,
// the version's other changes folded away, and the campaign's other copies linked at once.
import { type Change, type CommentChanges, changeKey } from '@gongkai/format';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { runStyles } from '../changes/changes.styles.js';
import { renderRuns } from '../changes/redline.js';
import { type ChangesMessages, changesMessages } from '../i18n/changes.js';
import { type ChangeLinkMessages, changeLinkMessages } from '../i18n/review/changes.js';
import type { UiLang } from '../i18n/types.js';
import { ApiError } from '../internal/api.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { defineElement } from '../internal/define.js';
import { fill } from '../internal/localize.js';
import type { StaffSession } from './session.js';

type Traced = NonNullable<CommentChanges['changes']>;

/** `PUT …/comments/:comment/changes` answer: the keys now linked and how many comments got them. */
export interface LinkAnswer {
  version: number;
  changes: string[];
  comments: number;
}

/** Only these decisions can have led to a change (the server answers 409 for the others). */
export const ADOPTED_DECISIONS: readonly string[] = ['adopted', 'partly-adopted'];

/**
 * The changes an adopted comment led to, chosen from the next version's: the suggestions first,
 * each with why (所评条款 / 内容相近), its clause as printed and its redline, then the others in
 * a folded list; a checkbox each, an option for the whole campaign, and 保存关联.
 *
 * @tagname gk-change-links
 * @summary Staff link an adopted comment (or its group) to the changes of the next version.
 * @csspart panel - The panel.
 */
export class GkChangeLinks extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    srOnly,
    runStyles,
    css`
      :host {
        margin-block: 1em 0;
      }
      h4,
      h5 {
        margin: 0 0 0.25em;
      }
      p {
        margin: 0 0 0.5em;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75em;
        min-inline-size: 0;
      }
      legend {
        font-weight: 700;
        padding: 0;
        margin-block-end: 0.25em;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5em;
      }
      li {
        border: 1px solid var(--gk-color-border, #8c959f);
        border-radius: var(--gk-radius, 6px);
        padding: 0.5em 0.75em;
      }
      label {
        display: flex;
        align-items: baseline;
        gap: 0.5em;
        cursor: pointer;
      }
      input[type='checkbox'] {
        inline-size: 1.1em;
        block-size: 1.1em;
        flex: none;
      }
      .why {
        border: 1px solid currentColor;
        border-radius: var(--gk-radius, 6px);
        padding: 0 0.35em;
        font-size: 0.875em;
        color: var(--gk-color-muted, #57606a);
      }
      .text {
        margin: 0.35em 0 0;
        white-space: pre-wrap;
        padding: 0.35em 0.5em;
        background: var(--gk-color-subtle, #f6f8fa);
        border-radius: var(--gk-radius, 6px);
      }
      details {
        margin-block-end: 0.75em;
      }
      summary {
        cursor: pointer;
        min-block-size: 2em;
        padding-block: 0.25em;
      }
      .foot {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75em;
      }
      .gk-button.primary {
        background: var(--gk-color-link, #0b57d0);
        border-color: var(--gk-color-link, #0b57d0);
        color: #fff;
      }
      .gk-button:disabled,
      .gk-button[aria-disabled='true'] {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .muted {
        color: var(--gk-color-muted, #57606a);
      }
      .error {
        color: var(--gk-color-danger, #b42318);
        font-weight: 700;
      }
      .error::before {
        content: '⚠ ';
      }
    `,
  ];

  /** The signed-in staff session that reads and saves the links. */
  @property({ attribute: false }) accessor session: StaffSession | null = null;
  @property() accessor consultation = '';
  /** The comment's id. */
  @property({ type: Number }) accessor comment = 0;
  /** Its near-duplicate group, when it has one: the whole campaign can be linked at once. */
  @property({ attribute: false }) accessor group: number | null = null;
  /** The token may link (the `decide` permission); others read what is linked. */
  @property({ attribute: false }) accessor canDecide = true;
  /** The role in words, for the note shown when it may not link. */
  @property({ attribute: false }) accessor roleName = '';
  @property({ attribute: false }) accessor uiLang: UiLang = 'zh-Hans';
  /** Says what went wrong in the console's words (gk-review's describeError). */
  @property({ attribute: false }) accessor describe: (error: unknown) => string = (error) => String(error);

  @state() private accessor traced: Traced | null | undefined = undefined;
  @state() private accessor loadError: string | null = null;
  /** The keys ticked, not necessarily saved. */
  @state() private accessor chosen = new Set<string>();
  @state() private accessor wholeGroup = false;
  @state() private accessor busy = false;
  @state() private accessor saved: string | null = null;
  @state() private accessor saveError: string | null = null;
  private loading = 0;

  private t(key: keyof ChangeLinkMessages, params?: Record<string, string | number>) {
    return fill(changeLinkMessages[this.uiLang][key], params);
  }

  private readonly runs = (key: keyof ChangesMessages, params?: Record<string, string | number>) =>
    fill(changesMessages[this.uiLang][key], params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('comment') || changed.has('consultation') || changed.has('session')) void this.load();
  }

  private path() {
    return `/consultations/${encodeURIComponent(this.consultation)}/comments/${this.comment}/changes`;
  }

  private async load(): Promise<void> {
    const ticket = ++this.loading;
    this.traced = undefined;
    this.loadError = null;
    this.saved = null;
    this.saveError = null;
    this.wholeGroup = false;
    // A save still under way belongs to the comment shown before: its answer is dropped.
    this.busy = false;
    if (!this.session || !this.comment) return;
    try {
      const answer = await this.session.call<CommentChanges>(this.path());
      if (ticket !== this.loading) return;
      this.traced = answer.changes;
      this.chosen = new Set(answer.changes?.linked ?? []);
    } catch (error) {
      if (ticket !== this.loading) return;
      // A server without 因意见修改 has no such route (fastify's "Route GET:… not found"): nothing to link.
      if (error instanceof ApiError && error.status === 404 && error.body.message?.startsWith('Route ')) {
        this.traced = null;
      } else this.loadError = this.t('cl_failed', { detail: this.describe(error) });
    }
  }

  private async save(): Promise<void> {
    if (!this.session || !this.traced || this.busy) return;
    const ticket = this.loading;
    this.busy = true;
    this.saved = null;
    this.saveError = null;
    const changes = [...this.chosen].sort();
    try {
      const answer = await this.session.call<LinkAnswer>(
        this.path(),
        {
          method: 'PUT',
          body: { version: this.traced.version, changes, ...(this.wholeGroup ? { group: true } : {}) },
        },
        'decide',
      );
      if (ticket !== this.loading) return;
      this.traced = { ...this.traced, linked: answer.changes };
      this.saved = this.t(answer.changes.length ? 'cl_saved' : 'cl_unlinked', { count: answer.comments });
    } catch (error) {
      // The choice stays as it was ticked: correct it or try again.
      if (ticket === this.loading) this.saveError = this.t('cl_failedSave', { detail: this.describe(error) });
    } finally {
      if (ticket === this.loading) this.busy = false;
    }
  }

  private toggle(key: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(key);
    else next.delete(key);
    this.chosen = next;
    this.saved = null;
  }

  /** The clause as printed in both versions: 二、（一）1.，or the new number with the old one. */
  private number(change: Change): string {
    const { from, to } = change;
    if (!to) return this.runs('was', { number: from?.number ?? '' });
    if (from && from.number !== to.number) return this.t('cl_renumbered', { to: to.number, from: from.number });
    return to.number;
  }

  private renderChange(change: Change, why?: 'clause' | 'text') {
    const key = changeKey(change);
    const id = `change-${key}`;
    const kind = this.runs(change.moved ? 'kind_moved' : (`kind_${change.kind}` as keyof ChangesMessages));
    return html`<li data-change=${key}>
      <label>
        <input
          type="checkbox"
          data-key=${key}
          aria-describedby="${id}-text"
          .checked=${this.chosen.has(key)}
          ?disabled=${!this.canDecide || this.busy}
          @change=${(e: Event) => this.toggle(key, (e.target as HTMLInputElement).checked)}
        />
        <span>
          <strong class="number">${this.t('cl_change', { number: this.number(change), kind })}</strong>
          ${why ? html` <span class="why" data-why=${why}>${this.t(`cl_why_${why}`)}</span>` : nothing}
        </span>
      </label>
      <p class="text" id="${id}-text">${renderRuns(change.ops ?? [], this.runs)}</p>
    </li>`;
  }

  protected override render() {
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError}</p>`;
    if (this.traced === undefined) return html`<p class="muted" role="status">${this.t('cl_loading')}</p>`;
    const traced = this.traced;
    if (!traced) return nothing;
    const suggested = new Set(traced.suggestions.map((s) => s.key));
    const others = traced.items.filter((c) => !suggested.has(changeKey(c)));
    // Others already linked open the fold: what is saved is never hidden.
    const open = others.some((c) => this.chosen.has(changeKey(c)));
    const label = traced.label ?? this.t('cl_version', { version: traced.version });
    return html`<section part="panel" aria-labelledby="cl-title">
      <h4 id="cl-title">${this.t('cl_title')}</h4>
      <p>${this.t('cl_against', { label })}</p>
      ${this.canDecide ? nothing : html`<p class="muted">${this.t('cl_readOnly', { role: this.roleName })}</p>`}
      ${
        traced.items.length
          ? html`<fieldset class="suggested">
              <legend>${this.t('cl_suggested')}</legend>
              ${
                traced.suggestions.length
                  ? html`<ul>
                      ${traced.suggestions.map((s) => this.renderChange(s.change, s.why))}
                    </ul>`
                  : html`<p class="muted">${this.t('cl_noSuggestion')}</p>`
              }
            </fieldset>
            ${
              others.length
                ? html`<details class="others" ?open=${open}>
                    <summary>${this.t('cl_others', { count: others.length })}</summary>
                    <fieldset>
                      <legend class="sr-only">${this.t('cl_others', { count: others.length })}</legend>
                      <ul>
                        ${others.map((c) => this.renderChange(c))}
                      </ul>
                    </fieldset>
                  </details>`
                : nothing
            }`
          : html`<p class="muted">${this.t('cl_none')}</p>`
      }
      ${
        this.group !== null && traced.items.length
          ? html`<p>
              <label>
                <input
                  type="checkbox"
                  data-group
                  aria-describedby="cl-group-hint"
                  .checked=${this.wholeGroup}
                  ?disabled=${!this.canDecide || this.busy}
                  @change=${(e: Event) => {
                    this.wholeGroup = (e.target as HTMLInputElement).checked;
                    this.saved = null;
                  }}
                />
                ${this.t('cl_group')}
              </label>
              <span class="muted" id="cl-group-hint">${this.t('cl_groupHint', { group: this.group })}</span>
            </p>`
          : nothing
      }
      ${
        traced.items.length
          ? html`<div class="foot">
              <button
                type="button"
                class="gk-button primary"
                data-action="link-changes"
                ?disabled=${!this.canDecide}
                aria-disabled=${this.busy ? 'true' : 'false'}
                @click=${() => void this.save()}
              >
                ${this.busy ? this.t('cl_saving') : this.t('cl_save')}
              </button>
              <span class="muted">${this.t('cl_chosen', { count: this.chosen.size })}</span>
              <span role="status" class="saved">${this.saved ?? ''}</span>
            </div>`
          : nothing
      }
      ${this.saveError ? html`<p class="error" role="alert">${this.saveError}</p>` : nothing}
    </section>`;
  }
}

/** Registers the panel (called once its chunk is loaded). */
export function defineChangeLinks(): void {
  defineElement('gk-change-links', GkChangeLinks);
}

declare global {
  interface HTMLElementTagNameMap {
    'gk-change-links': GkChangeLinks;
  }
}
