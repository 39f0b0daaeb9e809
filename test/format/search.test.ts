import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  buildBundleIndex,
  createSearchIndex,
  loadSearchIndex,
  type SearchHit,
  searchIndex,
  serializeSearchIndex,
  suggest,
} from '@gongkai/format';

const body = readFileSync(
  new URL('../fixtures/regulations/beijing-business-environment-2024.md', import.meta.url),
  'utf8',
);
const qa = [
  {
    id: 'q1',
    question: '企业注销登记需要满足哪些条件？',
    answer: '符合第二十八条规定情形的，市场监督管理部门应当办理注销登记。',
  },
  {
    id: 'q2',
    question: '什么是政务服务好差评制度？',
    answer: '经营主体可以对政务服务事项的办理情况进行评价。',
    category: '政务服务',
  },
  { id: 'q3', question: '破产管理人可以查询哪些信息？', answer: '注册登记材料、社会保险费用缴纳情况等。' },
];
const index = buildBundleIndex({ body, qa });
const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
const marked = (hit: SearchHit, field: string, text: string) =>
  (hit.highlights[field] ?? []).map(([a, b]) => text.slice(a, b));

describe('search: ranking', () => {
  test('a question that says what the reader typed comes first', () => {
    const hits = searchIndex(index, '好差评');
    assert.equal(hits[0]?.id, 'qa:q2');
    assert.ok(ids(hits).includes('clause:a58'), 'the article on 好差评 is found too');
  });

  test('documents holding the whole phrase rank above those holding only its parts', () => {
    const hits = searchIndex(index, '注销登记', { limit: 5 });
    assert.ok(hits.length > 0);
    const top = index.texts[index.ids.indexOf(hits[1]!.id)]!.join('');
    assert.match(top, /注销登记/);
    assert.ok(ids(hits).includes('qa:q1'));
  });

  test('limit caps the results, and scores come in descending order', () => {
    const hits = searchIndex(index, '营商环境', { limit: 4 });
    assert.equal(hits.length, 4);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  });

  test('a query whose terms are nowhere returns nothing rather than noise', () => {
    assert.deepEqual(searchIndex(index, '外星人入侵地球'), []);
    assert.deepEqual(searchIndex(index, '  ，。 '), []);
  });
});

describe('search: tolerant matching', () => {
  test('traditional characters find simplified text', () => {
    const hits = searchIndex(index, '註銷登記');
    assert.ok(ids(hits).includes('qa:q1'));
    const q1 = hits.find((h) => h.id === 'qa:q1')!;
    assert.deepEqual(marked(q1, 'question', qa[0]!.question), ['注销登记']);
  });

  test('full-width letters and digits match half-width ones, and the other way round', () => {
    const docs = [
      { id: 'a', fields: { text: '推行ＡＰＰ掌上办理，2018年底前完成' } },
      { id: 'b', fields: { text: '其他内容' } },
    ];
    const small = createSearchIndex(docs);
    assert.deepEqual(ids(searchIndex(small, 'app掌上')), ['a']);
    assert.deepEqual(ids(searchIndex(small, '２０１８年')), ['a']);
  });

  test('a one-character query finds that character', () => {
    const small = createSearchIndex([
      { id: 'a', fields: { text: '甲乙丙' } },
      { id: 'b', fields: { text: '丁戊' } },
    ]);
    const hits = searchIndex(small, '乙');
    assert.deepEqual(ids(hits), ['a']);
    assert.deepEqual(hits[0]!.highlights, { text: [[1, 2]] });
  });
});

describe('search: highlights', () => {
  test('ranges are offsets into the original field text and cover the matched words', () => {
    const hits = searchIndex(index, '破产管理人 查询');
    const q3 = hits.find((h) => h.id === 'qa:q3')!;
    assert.deepEqual(marked(q3, 'question', qa[2]!.question), ['破产管理人', '查询']);
    const a84 = hits.find((h) => h.id === 'clause:a84');
    assert.ok(a84, 'the article on 破产管理人 is found');
    const text = index.texts[index.ids.indexOf('clause:a84')]![index.fields.indexOf('text')]!;
    const parts = marked(a84, 'text', text);
    assert.ok(parts.includes('破产管理人'));
    // Every highlight is made of what was typed (adjacent matches merge: 破产管理人查询破产).
    for (const part of parts) assert.match(part, /^[破产管理人查询]{2,}$/);
  });

  test('a highlight does not run across punctuation or line breaks', () => {
    const small = createSearchIndex([{ id: 'a', fields: { text: '加强监管。\n监管执法' } }]);
    const hit = searchIndex(small, '监管')[0]!;
    assert.deepEqual(marked(hit, 'text', '加强监管。\n监管执法'), ['监管', '监管']);
  });
});

describe('search: serialisation and suggestions', () => {
  test('the index survives JSON and gives the same results', () => {
    const json = JSON.parse(JSON.stringify(serializeSearchIndex(index)));
    const loaded = loadSearchIndex(json);
    for (const q of ['好差评', '破产 管理人', '條例', '条']) {
      assert.deepEqual(searchIndex(loaded, q), searchIndex(index, q), q);
    }
  });

  test('loading something else fails with a message saying what is wrong', () => {
    assert.throws(() => loadSearchIndex({ format: 'x' }), /not a Gongkai search index/);
    const json = serializeSearchIndex(index);
    assert.throws(() => loadSearchIndex({ ...json, version: 2 }), /unsupported version 2/);
  });

  test('when nothing matches, suggest offers the closest questions', () => {
    assert.deepEqual(searchIndex(index, '差评怎么弄'), []);
    const s = suggest(index, '差评怎么弄', { limit: 2 });
    assert.equal(s[0]?.id, 'qa:q2');
    assert.equal(s[0]?.text, qa[1]!.question);
    assert.deepEqual(suggest(index, '，'), []);
  });
});
