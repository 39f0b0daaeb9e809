// The publication self-check (`gongkai check`) and the schema problems, each finding next to a
// button that opens the field it is about.
import type { CheckResult, Problem } from '@gongkai/format';
import { html, nothing } from 'lit';
import { pathOfCheck, pathOfOrphan } from './analysis.js';
import { clauseName, type WorkbenchContext } from './context.js';
import type { StepName } from './model.js';
import { junkInBody, removeJunk, renderJunkList } from './source-step.js';

export interface Place {
  step: StepName;
  /** Which item to open first. */
  select?: { list: 'note' | 'qa' | 'graphic'; index: number };
  /** Id of the element to focus in the step. */
  focus: string;
}

const NOTE_FIELDS: Record<string, string> = {
  target: 'note-clause',
  body: 'note-body',
  author: 'note-author',
  role: 'note-role',
  date: 'note-date',
};
const QA_FIELDS: Record<string, string> = {
  question: 'qa-question',
  answer: 'qa-answer',
  clauses: 'qa-clauses',
  category: 'qa-category',
};
const GRAPHIC_FIELDS: Record<string, string> = {
  kind: 'graphic-kind',
  caption: 'graphic-caption',
  description: 'graphic-description',
  clauses: 'graphic-clauses',
  chart: 'graphic-table',
  items: 'graphic-item-0',
  before: 'graphic-before-title',
  after: 'graphic-after-title',
};
const META_FIELDS = [
  'title',
  'docNumber',
  'issuer',
  'indexNumber',
  'category',
  'published',
  'effective',
  'expires',
  'status',
];

/** The step and field a bundle path is about; null when the workbench does not edit it. */
export function placeOf(path: string): Place | null {
  const item = /^\$\.(interpretations|qa|graphics)(?:\[(\d+)\](?:\.(\w+))?)?/.exec(path);
  if (item) {
    const [, list, index, field = ''] = item;
    if (list === 'interpretations')
      return index === undefined
        ? { step: 'notes', focus: 'notes-add' }
        : { step: 'notes', select: { list: 'note', index: Number(index) }, focus: NOTE_FIELDS[field] ?? 'note-body' };
    if (list === 'qa')
      return index === undefined
        ? { step: 'qa', focus: 'qa-add' }
        : { step: 'qa', select: { list: 'qa', index: Number(index) }, focus: QA_FIELDS[field] ?? 'qa-question' };
    return index === undefined
      ? { step: 'graphics', focus: 'graphic-add' }
      : {
          step: 'graphics',
          select: { list: 'graphic', index: Number(index) },
          focus: GRAPHIC_FIELDS[field] ?? 'graphic-caption',
        };
  }
  const meta = /^\$\.meta(?:\.(\w+))?/.exec(path);
  if (meta) return { step: 'meta', focus: `meta-${META_FIELDS.includes(meta[1] ?? '') ? meta[1] : 'title'}` };
  if (path === '$.id' || path.startsWith('$.id.')) return { step: 'meta', focus: 'doc-id' };
  if (path === '$.lang') return { step: 'meta', focus: 'doc-lang' };
  if (path === '$' || path.startsWith('$.body') || path.startsWith('$.clauses'))
    return { step: 'clauses', focus: 'step-heading' };
  return null;
}

/** "解读 2（一、（一）指导思想）", "文件信息：标题" — what a path is about, in the drafter's words. */
export function describePath(ctx: WorkbenchContext, path: string): string {
  const t = ctx.msg;
  const item = /^\$\.(interpretations|qa|graphics)\[(\d+)\]/.exec(path);
  if (item) {
    const index = Number(item[2]);
    if (item[1] === 'interpretations') {
      const note = ctx.draft.notes[index];
      const clause = note?.clause ? clauseName(ctx.clauses, note.clause) : t('noClause');
      return t('pathNote', { n: index + 1, clause });
    }
    if (item[1] === 'qa')
      return t('pathQa', { n: index + 1, question: ctx.draft.qa[index]?.question.slice(0, 24) ?? '' });
    return t('pathGraphic', { n: index + 1, caption: ctx.draft.graphics[index]?.caption.slice(0, 24) ?? '' });
  }
  const place = placeOf(path);
  if (place?.step === 'notes' || place?.step === 'qa' || place?.step === 'graphics')
    return t(`step_${place.step}` as const);
  if (place?.step === 'meta') {
    const key = /^\$\.meta\.(\w+)/.exec(path)?.[1] ?? '';
    const name = META_FIELDS.includes(key)
      ? t(`meta_${key}` as 'meta_title')
      : path.startsWith('$.id')
        ? t('docId')
        : path === '$.lang'
          ? t('docLang')
          : '';
    return name ? `${t('pathMeta')}：${name}` : t('pathMeta');
  }
  if (place?.step === 'clauses') return t('pathDocument');
  return t('pathOther');
}

const LIST_NAMES = { interpretations: 'plainNote', qa: 'plainQa', graphics: 'plainGraphic' } as const;

/**
 * A message of @gongkai/format said without its data paths: `$.meta.effective` → 施行日期,
 * `$.interpretations[2]` → 解读 3, 有效性（status） → 有效性.
 */
export function plainText(ctx: WorkbenchContext, text: string): string {
  const t = ctx.msg;
  return text
    .replace(
      /\$\.(interpretations|qa|graphics)\[(\d+)\](?:\.[\w.[\]]+)?/g,
      (_, list: keyof typeof LIST_NAMES, i: string) => t(LIST_NAMES[list], { n: Number(i) + 1 }),
    )
    .replace(/\$\.meta\.(\w+)/g, (whole, key: string) =>
      META_FIELDS.includes(key) ? `“${t(`meta_${key}` as 'meta_title')}”` : whole,
    )
    .replace(/\$\.id\b/g, `“${t('docId')}”`)
    .replace(/\$\.lang\b/g, `“${t('docLang')}”`)
    .replace(/\s*[（(][a-z][\w /]*[）)]/g, '');
}

/** A finding with its "go there" button; the button names the place for screen readers. */
export function renderFinding(ctx: WorkbenchContext, path: string | null, text: string, level?: CheckResult['level']) {
  const t = ctx.msg;
  const where = path ? describePath(ctx, path) : '';
  const place = path ? placeOf(path) : null;
  return html`<li class="finding ${level ?? 'fail'}">
    ${level ? html`<span class="badge ${level}">${t(`level_${level}` as const)}</span>` : nothing}
    ${where ? html`<strong class="where">${where}</strong>` : nothing}
    <span class="text">${plainText(ctx, text)}</span>
    ${
      place
        ? html`<button type="button" class="gk-link-button go" @click=${() => ctx.jump(path as string)}>
          ${t('goThere')}<span class="sr-only">：${where}</span>
        </button>`
        : nothing
    }
  </li>`;
}

export function renderProblems(ctx: WorkbenchContext, problems: readonly Problem[]) {
  return html`<ul class="findings">
    ${problems.map((p) => renderFinding(ctx, p.path, p.message[ctx.formatLang]))}
  </ul>`;
}

export function renderCheckStep(ctx: WorkbenchContext) {
  const t = ctx.msg;
  const a = ctx.analysis;
  if (!a) return html`<p role="status">${t('checking')}</p>`;
  const count = (level: CheckResult['level']) => a.checks.filter((c) => c.level === level).length;
  const junk = junkInBody(ctx);
  return html`
    <p>${t('checkIntro')}</p>
    <p><button type="button" class="gk-button" @click=${() => rerun(ctx)}>${t('checkAgain')}</button></p>
    ${
      junk.length
        ? html`<section class="notice warn" aria-labelledby="h-junk">
          <h4 id="h-junk">${t('junkInBody', { n: junk.length })}</h4>
          <p>${t('junkKeptWhy')}</p>
          ${renderJunkList(ctx, junk)}
          <p><button type="button" class="gk-button" id="junk-remove" @click=${() => removeJunk(ctx)}>${t('junkRemove')}</button></p>
        </section>`
        : nothing
    }
    ${
      a.problems.length
        ? html`<section class="check-group" aria-labelledby="h-problems">
          <h4 id="h-problems">${t('problemsHeading', { n: a.problems.length })}</h4>
          <p>${t('problemsIntro')}</p>
          ${renderProblems(ctx, a.problems)}
        </section>`
        : html`<p class="gk-ok" role="status">${t('schemaOk')}</p>`
    }
    ${
      a.valid
        ? html`<section class="check-group" aria-labelledby="h-checks">
          <h4 id="h-checks">${t('checksHeading')}</h4>
          <p role="status">${t('checkSummary', { fail: count('fail'), warn: count('warn'), pass: count('pass') })}</p>
          <ul class="findings">
            ${a.checks.map((c) =>
              renderFinding(
                ctx,
                c.level === 'pass' ? null : pathOfCheck(c, a.bundle),
                c.message[ctx.formatLang],
                c.level,
              ),
            )}
            ${a.orphans
              .filter((o) => o.kind !== 'note')
              .map((o) => renderFinding(ctx, pathOfOrphan(o), o.orphan.message[ctx.formatLang], 'warn'))}
          </ul>
        </section>`
        : html`<p>${t('checkNeedsValid')}</p>`
    }
  `;
}

function rerun(ctx: WorkbenchContext): void {
  ctx.ui.checked = true;
  ctx.recheck();
  ctx.announce(ctx.msg('checkRerun'));
}
