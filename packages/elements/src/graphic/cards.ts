// The body of each 图解 card, by kind (the card's caption, text alternative and clauses are
// around it, in graphic.ts).
import type { Graphic } from '@gongkai/format';
import { html, nothing, type TemplateResult } from 'lit';

type Msg = (key: 'graphicStep', params: Record<string, string | number>) => string;

export function renderCardBody(
  graphic: Graphic,
  format: (value: number) => string,
  msg: Msg,
  chartTag: (g: Graphic) => TemplateResult,
) {
  switch (graphic.kind) {
    case 'figures':
      return html`<ul class="figures" part="figures">
        ${graphic.items.map(
          (item) => html`<li>
            <span class="value">${typeof item.value === 'number' ? format(item.value) : item.value}${
              item.unit ? html`<span class="unit">${item.unit}</span>` : nothing
            }</span>
            <span class="label">${item.label}</span>
          </li>`,
        )}
      </ul>`;
    case 'steps':
      return html`<ol class="steps" part="steps">
        ${graphic.items.map(
          (item, i) => html`<li>
            <span class="marker" aria-hidden="true">${i + 1}</span>
            <div>
              <strong class="title"><span class="sr-only">${msg('graphicStep', { n: i + 1 })} </span>${item.title}</strong>
              ${item.body ? html`<p>${item.body}</p>` : nothing}
            </div>
          </li>`,
        )}
      </ol>`;
    case 'timeline':
      return html`<ol class="timeline" part="timeline">
        ${graphic.items.map(
          (item) => html`<li>
            <span class="marker" aria-hidden="true"></span>
            <div>
              <time>${item.date}</time>
              <strong class="title">${item.title}</strong>
              ${item.body ? html`<p>${item.body}</p>` : nothing}
            </div>
          </li>`,
        )}
      </ol>`;
    case 'compare':
      return html`<div class="compare" part="compare">
        <section class="before">
          <h4>${graphic.before.title}</h4>
          <p>${graphic.before.body}</p>
        </section>
        <span class="arrow" aria-hidden="true"></span>
        <section class="after">
          <h4>${graphic.after.title}</h4>
          <p>${graphic.after.body}</p>
        </section>
      </div>`;
    case 'chart':
      return chartTag(graphic);
  }
}
