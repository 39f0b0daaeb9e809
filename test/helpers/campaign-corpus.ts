// A generated consultation with campaigns, for grouping quality (tests) and scale (benchmark):
// a share of the comments are lightly edited copies (1–6% of characters changed, a signature
// added) of a few campaign letters of very different sizes; the rest are distinct comments
// built from real policy sentences (the regulations and plans in test/fixtures). Deterministic
// for a seed.
import { readFileSync } from 'node:fs';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/** Sentences of real policy texts, 10–120 characters each. */
export const SENTENCES: string[] = [
  'regulations/beijing-business-environment-2020.md',
  'regulations/beijing-business-environment-2024.md',
  'seeds/ezhou-2016-plan.txt',
  'seeds/guiyang-eco-2017-plan.txt',
  'seeds/wenshang-epb-2017-pilot.txt',
]
  .flatMap((f) => fixture(f).split(/[。；！？\n]/))
  .map((s) => s.replace(/^[#\s\u3000]+|<!--.*-->/g, '').trim())
  .filter((s) => s.length >= 10 && s.length <= 120);

/** xorshift32: the same corpus for the same seed, on every machine. */
export function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const OPENINGS = ['建议', '我认为', '对于', '关于', '希望', '请考虑', '本人建议', '强烈建议'];
const CLOSINGS = ['。', '，望采纳。', '，请予考虑。', '，谢谢！', '。以上意见供参考。'];
const SIGNATURES = ['一位市民', '张先生', '退休教师李某', '社区居民', '某企业员工', '王女士', '热心群众', '一名律师'];
const PLACES = [
  '我住在东城区',
  '我家在城南',
  '我在开发区',
  '我们村',
  '我所在的街道',
  '我们小区',
  '我在县城',
  '我们镇上',
  '我在新区',
  '我们社区',
];
const PEOPLE = [
  '，是一名教师',
  '，开了一家小店',
  '，退休多年',
  '，是外卖骑手',
  '，在工厂上班',
  '，是个体户',
  '，带着两个孩子',
  '，是护士',
  '，务农',
  '，刚毕业',
];
const CONCERNS = [
  '办一次证跑了',
  '等了',
  '每月要多花',
  '排队排了',
  '往返要走',
  '申请材料写了',
  '打了热线',
  '楼下停车位少了',
  '附近学校缺了',
  '补贴晚发了',
];
const UNITS = ['次', '天', '元', '个小时', '公里', '页', '遍', '个', '名学位', '个月'];
const FILLER = '的了和是在对应当有关规定进行加强完善建立健全提高保障管理服务工作';

export interface CorpusComment {
  body: string;
  /** The campaign it copies (0-based), or null for a distinct comment. */
  campaign: number | null;
}

/**
 * `size` comments: `share` of them copies of `campaigns` letters (sizes from about 40 to 3,000
 * characters, copies spread unevenly among them), the rest distinct, shuffled as they would arrive.
 */
export function campaignCorpus(size: number, { seed = 7, campaigns = 20, share = 0.3 } = {}): CorpusComment[] {
  const r = random(seed);
  // Letters and distinct comments draw on different sentences: a distinct comment that quotes a
  // letter's sentence would be a near copy of a short letter, not a distinct comment.
  const forLetters = SENTENCES.filter((_, i) => i % 2 === 0);
  const forComments = SENTENCES.filter((_, i) => i % 2 === 1);
  const letter = (chars: number) => {
    let text = r.pick(OPENINGS);
    while (text.length < chars) text += `${r.pick(forLetters)}，`;
    return `${text.slice(0, chars)}${r.pick(CLOSINGS)}`;
  };
  const letters = Array.from({ length: campaigns }, (_, i) => letter(Math.round(40 * 75 ** (i / (campaigns - 1)))));
  // Some campaigns draw far more copies than others (weights 1…campaigns).
  const weights = letters.map((_, i) => i + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const edit = (text: string) => {
    const chars = Array.from(text);
    const changes = Math.max(1, Math.round(chars.length * (0.01 + r.next() * 0.05)));
    for (let k = 0; k < changes; k++) {
      const at = r.int(chars.length);
      const kind = r.int(3);
      if (kind === 0) chars[at] = FILLER[r.int(FILLER.length)]!;
      else if (kind === 1) chars.splice(at, 1);
      else chars.splice(at, 0, FILLER[r.int(FILLER.length)]!);
    }
    const signed = r.next() < 0.7 ? `\n${r.pick(SIGNATURES)}` : '';
    return chars.join('') + signed;
  };
  const out: CorpusComment[] = [];
  const copies = Math.round(size * share);
  for (let i = 0; i < copies; i++) {
    let w = r.int(total);
    let c = 0;
    while (w >= weights[c]!) w -= weights[c++]!;
    out.push({ body: edit(letters[c]!), campaign: c });
  }
  // A distinct comment: a few clauses of policy sentences in its own order, and what the writer
  // says of themselves (where they live, what they do, a number), as people write. Whole sentences
  // alone would not do at national scale: 442 of them make the same comment again and again.
  const clauses = [...new Set(forComments.flatMap((x) => x.split(/[，、：,;；]/)))].filter((x) => x.length >= 4);
  while (out.length < size) {
    const parts = Array.from({ length: 2 + r.int(4) }, () => r.pick(clauses)).join('，');
    const self = `${r.pick(PLACES)}${r.pick(PEOPLE)}，${r.pick(CONCERNS)}${1 + r.int(2000)}${r.pick(UNITS)}`;
    const body = r.next() < 0.5 ? `${self}。${r.pick(OPENINGS)}${parts}` : `${r.pick(OPENINGS)}${parts}。${self}`;
    out.push({ body: `${body}${r.pick(CLOSINGS)}`, campaign: null });
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Precision and recall of campaign membership: each campaign is matched with the found group
 * holding most of its copies; precision is the share of that group's members that are copies
 * of it, recall the share of its copies in that group (both summed over campaigns).
 */
export function membershipQuality(corpus: readonly CorpusComment[], groupOf: (index: number) => number | null) {
  const byCampaign = new Map<number, Map<number, number>>();
  const groupSizes = new Map<number, number>();
  corpus.forEach((c, i) => {
    const g = groupOf(i);
    if (g !== null) groupSizes.set(g, (groupSizes.get(g) ?? 0) + 1);
    if (c.campaign === null || g === null) return;
    const counts = byCampaign.get(c.campaign) ?? new Map<number, number>();
    counts.set(g, (counts.get(g) ?? 0) + 1);
    byCampaign.set(c.campaign, counts);
  });
  let correct = 0;
  let claimed = 0;
  let copies = 0;
  const campaigns = new Set(corpus.flatMap((c) => (c.campaign === null ? [] : [c.campaign])));
  for (const campaign of campaigns) {
    copies += corpus.filter((c) => c.campaign === campaign).length;
    const counts = [...(byCampaign.get(campaign) ?? new Map()).entries()].sort((a, b) => b[1] - a[1]);
    const [group, inGroup] = counts[0] ?? [null, 0];
    if (group === null) continue;
    correct += inGroup;
    claimed += groupSizes.get(group)!;
  }
  return { precision: claimed ? correct / claimed : 0, recall: copies ? correct / copies : 0 };
}
