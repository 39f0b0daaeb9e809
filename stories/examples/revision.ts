// 修改对照 examples: the real revision pair (北京市优化营商环境条例 2020 → 2024), the newer text
// carrying its comparison as `gongkai build --previous` derives it, and the same as an enhanced
// CMS article whose interpretation file names the previous version's bundle.
import { type Bundle, compareTexts, segment } from '@gongkai/format';
import { regulation2020, regulation2024 } from './regulation.js';

const previousClauses = segment(regulation2020.body!);
const clauses = segment(regulation2024.body!);

/** The 2024 text compared with the 2020 text it revises. */
export const regulationRevised: Bundle = {
  ...regulation2024,
  clauses,
  revisionOf: { label: '2020年版', date: '2020-03-27', id: regulation2020.id },
  comparison: compareTexts(previousClauses, clauses),
};

/** The 2020 bundle, for a story that serves it as the previous version of an enhanced article. */
export const regulationPrevious: Bundle = { ...regulation2020, clauses: previousClauses };

/** A comparison left over from an earlier draft: it no longer matches the text (readers see a notice). */
export const regulationStaleComparison: Bundle = {
  ...regulationRevised,
  comparison: {
    ...regulationRevised.comparison!,
    changes: regulationRevised.comparison!.changes.map((c) =>
      c.to?.id === 'a1' ? { ...c, kind: 'modified', ops: [[0, '第一条 一段早已改写的文字。']] } : c,
    ),
  },
};

/** The 2024 text's paragraphs, as the CMS article shows them (enhance mode). */
export const regulation2024Paragraphs = regulation2024
  .body!.split(/\n\s*\n/)
  .map((p) => p.replace(/^#+\s*/, '').trim())
  .filter(Boolean);
