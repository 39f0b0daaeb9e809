// Generated revisions of a regulation with notes on it, each note's fate known: for the
// re-anchoring tests and for measuring REANCHOR_MIN_CONFIDENCE (README). Seeded, so a failure
// replays. Articles are made of the real sentences of 北京市优化营商环境条例 (2020).
import { readFileSync } from 'node:fs';
import type { Interpretation } from '@gongkai/format';

export { chinese, type Rng, rng } from './seeded.js';

import { chinese, type Rng, rng } from './seeded.js';

const regulation = readFileSync(
  new URL('../fixtures/regulations/beijing-business-environment-2020.md', import.meta.url),
  'utf8',
);

/** Real sentences of the regulation, each used once, so articles read like law and differ. */
export const SENTENCES = [
  ...new Set(
    regulation
      .split('\n')
      .filter((l) => /^第.+条/.test(l))
      .flatMap((l) => l.replace(/^第[^条]+条\s*/, '').split(/(?<=。)/))
      .filter((s) => s.length >= 20),
  ),
];

const PHRASES = ['经营主体', '有关部门', '依法', '及时', '数字化', '按照规定', '进一步'];

/** `edits` small edits (a phrase replaced, inserted, or a few characters deleted). */
export function reword(text: string, r: Rng, edits: number): string {
  let t = text;
  for (let k = edits; k > 0; k--) {
    const at = r.int(Math.max(1, t.length - 4));
    const len = 1 + r.int(4);
    const phrase = PHRASES[r.int(PHRASES.length)]!;
    const edit = r.int(3);
    t =
      edit === 0
        ? t.slice(0, at) + phrase + t.slice(at + len)
        : edit === 1
          ? t.slice(0, at) + phrase + t.slice(at)
          : t.slice(0, at) + t.slice(at + len);
  }
  return t;
}

/**
 * What became of a noted sentence: `kept` (its article may move or be renumbered), `reworded`
 * (a few words changed: 1–3 edits), `heavy` (6–10 edits: for measuring only, no right answer),
 * `rewritten` (replaced by another sentence: the passage is gone), `removed` (with its article).
 */
export type Fate = 'kept' | 'reworded' | 'heavy' | 'rewritten' | 'removed';

export interface GeneratedNote {
  note: Interpretation;
  fate: Fate;
  /** The article (a12) of the new text that holds the passage, or null when it is gone. */
  holder: string | null;
  /** The sentence as the new text has it (reworded or not), when it survived. */
  now: string | null;
}

interface Article {
  origin: number;
  sentences: string[];
}

const render = (articles: readonly Article[]) =>
  articles.map((a, i) => `第${chinese(i + 1)}条 ${a.sentences.join('')}`).join('\n\n');

/** An old text, a revision of it, and one note per noted sentence with what became of it. */
export function generateRevision(seed: number, fates: readonly Fate[] = ['kept', 'reworded', 'rewritten', 'removed']) {
  const r = rng(seed);
  const pool = [...SENTENCES];
  const take = () => pool.splice(r.int(pool.length), 1)[0]!;
  const size = 15 + r.int(20);
  const old: Article[] = Array.from({ length: size }, (_, i) => ({
    origin: i,
    sentences: Array.from({ length: 1 + r.int(3) }, take),
  }));
  const noted = new Map<number, { sentence: number; fate: Fate; text: string }>();
  for (const a of old)
    if (r.next() < 0.6) {
      const sentence = r.int(a.sentences.length);
      noted.set(a.origin, { sentence, fate: fates[r.int(fates.length)]!, text: a.sentences[sentence]! });
    }
  const next: Article[] = [];
  const now = new Map<number, string>();
  for (const a of old) {
    const n = noted.get(a.origin);
    // Articles come and go around the noted ones, so that numbers change.
    if (r.next() < 0.15) next.push({ origin: -1, sentences: [take()] });
    if (n?.fate === 'removed' || (!n && r.next() < 0.1)) continue;
    const sentences = [...a.sentences];
    if (n?.fate === 'reworded') sentences[n.sentence] = reword(n.text, r, 1 + r.int(3));
    if (n?.fate === 'heavy') sentences[n.sentence] = reword(n.text, r, 6 + r.int(5));
    if (n?.fate === 'rewritten') sentences[n.sentence] = take();
    if (n && n.fate !== 'rewritten') now.set(a.origin, sentences[n.sentence]!);
    next.push({ origin: a.origin, sentences });
  }
  const notes: GeneratedNote[] = [];
  for (const a of old) {
    const n = noted.get(a.origin);
    if (!n) continue;
    const at = next.findIndex((b) => b.origin === a.origin);
    const gone = n.fate === 'rewritten' || n.fate === 'removed';
    notes.push({
      note: {
        id: `n${a.origin + 1}`,
        target: { clause: `a${a.origin + 1}`, quote: { exact: n.text } },
        body: '解读',
      },
      fate: n.fate,
      holder: gone || at < 0 ? null : `a${at + 1}`,
      now: gone ? null : (now.get(a.origin) ?? null),
    });
  }
  return { oldText: render(old), newText: render(next), notes };
}
