// A standalone redline page of a comparison (`gongkai diff --html`): insertions underlined and
// deletions struck through, each also named in words for screen readers and in the legend, so
// nothing is told by colour alone. Every piece of text is escaped.
import type { Change, Comparison, DiffOp } from '../schema/comparison.js';

export interface RedlineOptions {
  lang?: 'zh-Hans' | 'zh-Hant' | 'en';
  /** The page heading, e.g. the document's title. */
  title?: string;
  /** What the two versions are called (征求意见稿, 正式稿); file names will do. */
  fromLabel?: string;
  toLabel?: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const WORDS = {
  'zh-Hans': {
    title: '修改对照',
    compared: (f: string, t: string) => `${t}与${f}相比`,
    summary: (m: number, a: number, r: number, n: number) =>
      `修改 ${m} 条，新增 ${a} 条，删除 ${r} 条，仅调整序号或位置 ${n} 条。`,
    legend: '下划线为新增文字，删除线为删除文字。',
    kind: { modified: '修改', added: '新增', removed: '删除', renumbered: '序号调整', unchanged: '未修改' },
    moved: '（位置调整）',
    ins: '新增：',
    del: '删除：',
    insEnd: '（新增结束）',
    delEnd: '（删除结束）',
    renumbered: '仅调整序号或位置的条文',
    none: '两个版本的条文相同。',
  },
  'zh-Hant': {
    title: '修改對照',
    compared: (f: string, t: string) => `${t}與${f}相比`,
    summary: (m: number, a: number, r: number, n: number) =>
      `修改 ${m} 條，新增 ${a} 條，刪除 ${r} 條，僅調整序號或位置 ${n} 條。`,
    legend: '底線為新增文字，刪除線為刪除文字。',
    kind: { modified: '修改', added: '新增', removed: '刪除', renumbered: '序號調整', unchanged: '未修改' },
    moved: '（位置調整）',
    ins: '新增：',
    del: '刪除：',
    insEnd: '（新增結束）',
    delEnd: '（刪除結束）',
    renumbered: '僅調整序號或位置的條文',
    none: '兩個版本的條文相同。',
  },
  en: {
    title: 'Changes',
    compared: (f: string, t: string) => `${t} compared with ${f}`,
    summary: (m: number, a: number, r: number, n: number) =>
      `${m} modified, ${a} added, ${r} removed, ${n} renumbered or moved only.`,
    legend: 'Underlined text was added; struck-through text was removed.',
    kind: {
      modified: 'modified',
      added: 'added',
      removed: 'removed',
      renumbered: 'renumbered',
      unchanged: 'unchanged',
    },
    moved: ' (moved)',
    ins: 'added: ',
    del: 'removed: ',
    insEnd: ' (end of addition)',
    delEnd: ' (end of removal)',
    renumbered: 'Clauses renumbered or moved, text unchanged',
    none: 'The clauses of both versions are the same.',
  },
};

type Words = (typeof WORDS)['en'];

function runs(ops: readonly DiffOp[], w: Words): string {
  return ops
    .map(([op, text]) => {
      const t = esc(text);
      if (op === 0) return t;
      const [tag, label, end] = op === 1 ? ['ins', w.ins, w.insEnd] : ['del', w.del, w.delEnd];
      return `<${tag}><span class="sr">${esc(label)}</span>${t}<span class="sr">${esc(end)}</span></${tag}>`;
    })
    .join('');
}

function heading(c: Change, w: Words): string {
  const numbers =
    c.from && c.to && c.from.number !== c.to.number
      ? `${c.from.number} → ${c.to.number}`
      : (c.to?.number ?? c.from?.number ?? '');
  return `${esc(numbers)} · ${esc(w.kind[c.kind])}${c.moved ? esc(w.moved) : ''}`;
}

export function comparisonHtml(comparison: Comparison, options: RedlineOptions = {}): string {
  const lang = options.lang ?? 'zh-Hans';
  const w = WORDS[lang];
  const { summary } = comparison;
  const title = options.title ? `${options.title} · ${w.title}` : w.title;
  const sections = comparison.changes
    .filter((c) => c.kind === 'modified' || c.kind === 'added' || c.kind === 'removed')
    .map(
      (c) =>
        `<section class="${c.kind}"><h2>${heading(c, w)}</h2><p class="text">${runs(c.ops ?? [], w)}</p></section>`,
    );
  const moved = comparison.changes.filter((c) => c.kind === 'renumbered');
  const movedList = moved.length
    ? `<h2>${esc(w.renumbered)}</h2><ul>${moved.map((c) => `<li>${heading(c, w)}</li>`).join('')}</ul>`
    : '';
  const compared =
    options.fromLabel && options.toLabel ? `<p>${esc(w.compared(options.fromLabel, options.toLabel))}</p>` : '';
  const body = sections.length || moved.length ? `${sections.join('\n')}\n${movedList}` : `<p>${esc(w.none)}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 1rem/1.8 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 0.4rem; }
.text { white-space: pre-wrap; margin: 0; }
ins { text-decoration: underline 2px; text-underline-offset: 0.2em; background: #e6f4ea; color: inherit; }
del { text-decoration: line-through 2px; background: #fdecea; color: inherit; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (forced-colors: active) { ins, del { background: none; } }
@media print { ins, del { background: none; } }
</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
${compared}
<p>${esc(w.summary(summary.modified, summary.added, summary.removed, summary.renumbered))}</p>
<p>${esc(w.legend)}</p>
${body}
</main>
</body>
</html>
`;
}
