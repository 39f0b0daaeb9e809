import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type Clause, type Segmentation, type SegmentFormat, segment, segmentDocument } from '@gongkai/format';

/** mulberry32: a small seeded generator, so failures replay. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

const shared = new URL('../fixtures/', import.meta.url);
const SOURCES = [
  'seeds/ezhou-2016-plan.txt',
  'seeds/guiyang-eco-2017-plan.txt',
  'seeds/wenshang-epb-2017-pilot.txt',
  'regulations/beijing-business-environment-2020.md',
].map((p) => readFileSync(new URL(p, shared), 'utf8'));

// Tokens that stress the recognisers: markers, brackets, tags, entities, markdown, whitespace.
const TOKENS = [
  ...'一二三四五六七八九十百零〇两第章节条編節條之、，。；：:;.．()（）[]〔〕【】①②⑨⑩⑳㉑⑴⒈0123456789０１２|｜<>&#/!-—“”《》规的年月日号'.split(
    '',
  ),
  ...['\n', '\n\n', ' ', '\u3000', '\t', '\u00a0', '\r\n', '\u2028'],
  ...[
    '<p>',
    '</p>',
    '<br>',
    '<br/>',
    '<div class="a>b">',
    '</div>',
    '<td>',
    '<tr>',
    '<script>',
    '</script>',
    '<style>',
    '<!--',
    '-->',
    '<head>',
    '<h1>',
    '</h1>',
    '<footer>',
    '<关于',
  ],
  ...['&nbsp;', '&amp;', '&#12289;', '&#x4e00;', '&#0;', '&#xd800;', '&bogus;', '&ldquo'],
  ...['# ', '## ', '> ', '- ', '**', '\\.', '[a](b)', '```'],
  ...[
    '一、',
    '（一）',
    '(1)',
    '1.',
    '2)',
    '二)',
    '第一章',
    '第二条',
    '第三条规定',
    '第一节',
    '第十条之一',
    '附件',
    '的通知',
    '2017年11月10日',
    '某某局',
  ],
  ...['总体要求', '指导思想', '全面推进政务公开。', '责任单位:市政府', '(此件公开发布)', '【打印本页】', '|||'],
];

function randomInput(r: ReturnType<typeof rng>): string {
  const n = r.int(300);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.next() < 0.1 ? String.fromCharCode(r.int(0x10000)) : r.pick(TOKENS));
  return out.join('');
}

/** A real document with lines dropped, duplicated, cut and spliced together. */
function garbled(r: ReturnType<typeof rng>): string {
  const lines = r.pick(SOURCES).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const x = r.next();
    if (x < 0.1) continue;
    if (x < 0.15) out.push(line, line);
    else if (x < 0.25) out.push(line.slice(r.int(line.length + 1)));
    else if (x < 0.3 && out.length) out[out.length - 1] += ` ${line}`;
    else if (x < 0.35) out.push(line + r.pick(TOKENS));
    else out.push(line);
  }
  return out.join(r.next() < 0.2 ? '<br>' : '\n');
}

const nonWs = (s: string) => s.replace(/\s+/g, '');

function checkInvariants(doc: Segmentation, label: string) {
  // The parts are the paragraphs, in order, cut at clause starts.
  const joined = doc.paragraphs.map(() => [] as string[]);
  let prev = 0;
  for (const p of doc.parts) {
    assert.ok(p.paragraph >= prev, `${label}: parts out of order`);
    prev = p.paragraph;
    joined[p.paragraph]?.push(p.text);
  }
  doc.paragraphs.forEach((para, i) => {
    assert.equal(nonWs((joined[i] as string[]).join('')), nonWs(para), `${label}: paragraph ${i}`);
  });
  // A clause's text is its parts, in order; ids are unique and well-formed; the tree is sound.
  const texts = new Map<string, string[]>();
  const starts = new Map<string, number>();
  for (const p of doc.parts) {
    if (p.clause === null) continue;
    texts.set(p.clause, [...(texts.get(p.clause) ?? []), p.text]);
    if (p.start) starts.set(p.clause, (starts.get(p.clause) ?? 0) + 1);
  }
  const seen = new Map<string, Clause>();
  for (const c of doc.clauses) {
    assert.match(c.id, /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, label);
    assert.ok(c.id.length <= 128, label);
    assert.ok(!seen.has(c.id), `${label}: duplicate ${c.id}`);
    const parent = c.parent === null ? undefined : seen.get(c.parent);
    assert.equal(c.level, parent ? parent.level + 1 : 1, `${label}: level of ${c.id}`);
    if (c.parent !== null) assert.ok(parent, `${label}: parent of ${c.id} comes first`);
    assert.equal(c.text, (texts.get(c.id) ?? []).join('\n'), `${label}: text of ${c.id}`);
    assert.equal(starts.get(c.id), 1, `${label}: one start piece for ${c.id}`);
    assert.ok(c.text.startsWith(c.number), `${label}: ${c.id} text starts with its number`);
    seen.set(c.id, c);
  }
}

const FORMATS: Array<SegmentFormat | undefined> = [undefined, 'text', 'markdown', 'html'];

describe('segment: properties', () => {
  test('never throws, and the invariants hold, on random input in every format', () => {
    const r = rng(20240601);
    for (let i = 0; i < 400; i++) {
      const input = randomInput(r);
      for (const format of FORMATS) {
        const label = `random #${i} ${format ?? 'auto'}`;
        let doc: Segmentation | undefined;
        assert.doesNotThrow(() => {
          doc = segmentDocument(input, format ? { format } : undefined);
        }, label);
        checkInvariants(doc as Segmentation, label);
      }
    }
  });

  test('never throws, and the invariants hold, on garbled real documents', () => {
    const r = rng(7);
    for (let i = 0; i < 120; i++) {
      const input = garbled(r);
      const doc = segmentDocument(input);
      checkInvariants(doc, `garbled #${i}`);
    }
  });

  test('plain text: parts cover every non-whitespace character of the input, in order', () => {
    const r = rng(42);
    const inputs = [
      ...SOURCES,
      ...Array.from({ length: 200 }, () => randomInput(r)),
      ...Array.from({ length: 50 }, () => garbled(r)),
    ];
    for (const [i, input] of inputs.entries()) {
      const doc = segmentDocument(input, { format: 'text' });
      assert.equal(nonWs(doc.parts.map((p) => p.text).join('')), nonWs(input), `input #${i}`);
      // Clause texts (split into their `\n`-separated pieces) and the text outside clauses,
      // interleaved in document order, give back the input.
      const pieces = new Map(doc.clauses.map((c) => [c.id, c.text.split('\n')]));
      const covered = doc.parts.map((p) => (p.clause === null ? p.text : (pieces.get(p.clause)?.shift() ?? '')));
      assert.ok(
        [...pieces.values()].every((rest) => rest.length === 0),
        `input #${i}: clause pieces left over`,
      );
      assert.equal(nonWs(covered.join('')), nonWs(input), `input #${i} (clause texts)`);
    }
  });

  test('pathological inputs stay linear', () => {
    const cases = [
      '<a '.repeat(40000),
      '<head>'.repeat(20000),
      `${'['.repeat(60000)}](`,
      `一、\n${'1.甲\n'.repeat(20000)}`,
      '。 (1)a'.repeat(20000),
      `${'一'.repeat(100000)}、`,
      ' '.repeat(100000),
      `<p title="${'x'.repeat(100000)}`,
    ];
    for (const input of cases) {
      const t0 = performance.now();
      for (const format of FORMATS) segment(input, format ? { format } : undefined);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `${JSON.stringify(input.slice(0, 12))}: ${ms.toFixed(0)} ms`);
    }
  });
});
