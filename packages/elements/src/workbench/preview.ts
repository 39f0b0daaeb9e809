// The live preview: the real gk-policy, fed the valid part of the work, as citizens will see it.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { GkDocument } from '../document/document.js';
import '../policy/define.js';
import type { WorkbenchContext } from './context.js';

/** What the preview scrolls to: a clause (the note being written) or the Q&A section. */
export type PreviewTarget = { clause: string } | { section: 'qa' } | null;

export function renderPreview(
  ctx: WorkbenchContext,
  target: PreviewTarget = null,
  pick?: { picking: boolean; onClick: (e: MouseEvent) => void },
) {
  const t = ctx.msg;
  const a = ctx.analysis;
  const omitted = a?.omitted ?? [];
  return html`<section class="preview" part="preview" aria-labelledby="preview-h">
    <h4 id="preview-h">${t('previewHeading')}</h4>
    <p class="hint">${t('previewIntro')}</p>
    ${pick?.picking ? html`<p class="notice warn" role="status">${t('notePickHint')}</p>` : nothing}
    ${omitted.length ? html`<p class="notice warn">${t('previewOmitted', { n: omitted.length })}</p>` : nothing}
    ${
      a?.preview
        ? html`<div
            class="preview-pane ${pick?.picking ? 'picking' : ''}"
            tabindex="0"
            role="region"
            aria-label=${t('previewPane')}
            lang=${ifDefined(a.preview.lang ?? 'zh-Hans')}
            @gk-ready=${() => scrollPreviewTo(ctx.host, target)}
            @click=${{ handleEvent: (e: MouseEvent) => pick?.onClick(e), capture: true }}
          >
          <gk-policy .bundle=${a.preview}></gk-policy>
        </div>`
        : html`<p class="notice warn">${a ? t('previewUnavailable') : t('checking')}</p>`
    }
  </section>`;
}

/** Scrolls the preview pane (only it, not the page) to a clause or the Q&A. */
export function scrollPreviewTo(host: HTMLElement, target: PreviewTarget): void {
  if (!target) return;
  const pane = host.shadowRoot?.querySelector<HTMLElement>('.preview-pane');
  const policy = pane?.querySelector('gk-policy')?.shadowRoot;
  const marker =
    'clause' in target
      ? policy?.querySelector<GkDocument>('gk-document')?.clauseMarker(target.clause)
      : policy?.querySelector<HTMLElement>('.qa');
  if (!pane || !marker) return;
  const top = marker.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
  pane.scrollTop = Math.max(0, top - 16);
}
