import type { Orphan } from './types.js';

const short = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

export function clauseNotFound(id: string): Orphan {
  return {
    reason: 'clause-not-found',
    message: { 'zh-Hans': `文中没有条款“${id}”`, en: `clause "${id}" is not in the document` },
  };
}

export function quoteNotFound(quote: string): Orphan {
  return {
    reason: 'quote-not-found',
    message: {
      'zh-Hans': `文中找不到引文“${short(quote)}”，该段落可能已删除`,
      en: `the quoted passage "${short(quote)}" is not in the document; it may have been removed`,
    },
  };
}

/** `candidates` are clause ids; `labels` the same clauses as a reader names them (第九十五条). */
export function quoteAmbiguous(quote: string, candidates: string[], labels = candidates): Orphan {
  const list = labels.join('、');
  return {
    reason: 'quote-ambiguous',
    candidates,
    message: {
      'zh-Hans': `引文“${short(quote)}”出现在多处（${list}），请补充条款编号或前后文`,
      en: `the quoted passage "${short(quote)}" occurs in several places (${list}); add a clause id, prefix or suffix`,
    },
  };
}

export function lowScore(quote: string, score: number, nearest: string, min: number, nearestLabel = nearest): Orphan {
  const pct = (x: number) => Math.round(x * 100);
  return {
    reason: 'low-score',
    score,
    nearest,
    message: {
      'zh-Hans': `引文“${short(quote)}”最接近的段落在${nearestLabel}，相似度 ${pct(score)}%，低于 ${pct(min)}%，未自动关联`,
      en: `the closest passage to "${short(quote)}" is in ${nearestLabel}, ${pct(score)}% similar, below the ${pct(min)}% needed; not attached`,
    },
  };
}

/** A note carried over from the previous version whose new place a drafter has not confirmed. */
export function pendingPlacement(number: string | undefined): Orphan {
  const was = number ? { zh: `（原${number}）`, en: ` (formerly ${number})` } : { zh: '', en: '' };
  return {
    reason: 'pending',
    message: {
      'zh-Hans': `原文已修订，这条解读${was.zh}在新文本中的位置尚待起草部门确认`,
      en: `the text was revised; the new place of this note${was.en} awaits confirmation by the drafting office`,
    },
  };
}
