// Labelled form fields shared by the steps: a visible label, an optional hint, and the
// self-check's problems for the field, all tied to the control for screen readers.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { issuesAt, type WorkbenchContext } from './context.js';

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Bundle path whose problems are shown under the field. */
  path?: string;
  hint?: string;
  type?: 'text' | 'password' | 'url';

  /** A textarea of this many rows. */
  rows?: number;
  required?: boolean;
  /** Id of a <datalist>. */
  list?: string;
  placeholder?: string;
  autocomplete?: string;
  /** A marker of the field's language (e.g. `lang="zh-Hans"` for the document's text). */
  lang?: string;
  /** Extra content after the control (e.g. a "use this" list). */
  after?: TemplateResult;
}

export function field(ctx: WorkbenchContext, o: FieldOptions) {
  const problems = o.path ? issuesAt(ctx, o.path) : [];
  const hintId = o.hint ? `${o.id}-hint` : '';
  const errorId = problems.length ? `${o.id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control =
    o.rows !== undefined
      ? html`<textarea
          id=${o.id}
          rows=${o.rows}
          .value=${live(o.value)}
          ?required=${o.required}
          lang=${ifDefined(o.lang)}
          placeholder=${ifDefined(o.placeholder)}
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${problems.length ? 'true' : 'false'}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${o.id}
          type=${o.type ?? 'text'}
          .value=${live(o.value)}
          ?required=${o.required}
          lang=${ifDefined(o.lang)}
          list=${ifDefined(o.list)}
          placeholder=${ifDefined(o.placeholder)}
          autocomplete=${o.autocomplete ?? 'off'}
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${problems.length ? 'true' : 'false'}
          @input=${onInput}
        />`;
  return html`<div class="field">
    <label for=${o.id}>${o.label}${o.required ? html`<span class="required">${ctx.msg('required')}</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint" id=${hintId}>${o.hint}</p>` : nothing}
    ${control}
    ${
      problems.length
        ? html`<p class="field-error" id=${errorId}>${problems.map((p) => p.message[ctx.formatLang]).join('；')}</p>`
        : nothing
    }
    ${o.after ?? nothing}
  </div>`;
}

export function select<V extends string>(
  ctx: WorkbenchContext,
  o: {
    id: string;
    label: string;
    value: V;
    options: readonly { value: V; label: string }[];
    onChange: (value: V) => void;
    path?: string;
    hint?: string;
  },
) {
  const problems = o.path ? issuesAt(ctx, o.path) : [];
  const hintId = o.hint ? `${o.id}-hint` : '';
  const errorId = problems.length ? `${o.id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="hint" id=${hintId}>${o.hint}</p>` : nothing}
    <select
      id=${o.id}
      aria-describedby=${ifDefined(describedBy)}
      aria-invalid=${problems.length ? 'true' : 'false'}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value as V)}
    >
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
    ${
      problems.length
        ? html`<p class="field-error" id=${errorId}>${problems.map((p) => p.message[ctx.formatLang]).join('；')}</p>`
        : nothing
    }
  </div>`;
}

/** Check boxes for the clauses an item is linked to, in a box that scrolls. */
export function clausePicker(
  ctx: WorkbenchContext,
  o: { id: string; legend: string; chosen: readonly string[]; onChange: (ids: string[]) => void; path?: string },
) {
  const chosen = new Set(o.chosen);
  const problems = o.path ? issuesAt(ctx, o.path) : [];
  const toggle = (id: string, on: boolean) => {
    const next = ctx.clauses.map((c) => c.id).filter((c) => (c === id ? on : chosen.has(c)));
    // Links to clauses no longer in the text stay until the drafter removes them.
    o.onChange([...next, ...o.chosen.filter((c) => !ctx.clauses.some((x) => x.id === c) && c !== id)]);
  };
  const missing = o.chosen.filter((c) => !ctx.clauses.some((x) => x.id === c));
  return html`<fieldset class="clause-picker" id=${o.id} aria-invalid=${problems.length ? 'true' : 'false'}>
    <legend>${o.legend}</legend>
    ${
      missing.length
        ? html`<p class="field-error">${ctx.msg('linkMissing', { ids: missing.join('、') })}
          <button type="button" class="gk-link-button" @click=${() => o.onChange(o.chosen.filter((c) => !missing.includes(c)))}>
            ${ctx.msg('linkRemoveMissing')}
          </button></p>`
        : nothing
    }
    ${
      ctx.clauses.length
        ? html`<ul>
          ${ctx.clauses.map(
            (c, i) => html`<li class="level-${Math.min(c.level, 4)}">
              <input
                type="checkbox"
                id="${o.id}-${i}"
                .checked=${live(chosen.has(c.id))}
                @change=${(e: Event) => toggle(c.id, (e.target as HTMLInputElement).checked)}
              />
              <label for="${o.id}-${i}">${c.number} ${c.title.slice(0, 30)}</label>
            </li>`,
          )}
        </ul>`
        : html`<p class="hint">${ctx.msg('noClausesYet')}</p>`
    }
    ${
      problems.length
        ? html`<p class="field-error">${problems.map((p) => p.message[ctx.formatLang]).join('；')}</p>`
        : nothing
    }
  </fieldset>`;
}
