import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validate } from '@gongkai/format';

const minimal = {
  schemaVersion: 1,
  id: 'qh-fgw-2017-455',
  meta: { title: '关于做好政务公开工作的通知' },
  body: '一、总体要求',
};

describe('validate', () => {
  test('accepts a minimal bundle', () => {
    const result = validate(minimal);
    assert.equal(result.ok, true);
  });

  test('names the path of every problem', () => {
    const result = validate({ ...minimal, meta: { title: '' }, qa: [{ id: 'q1', question: '?', answer: 1 }] });
    assert.equal(result.ok, false);
    const paths = result.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['$.meta.title', '$.qa[0].answer']);
  });

  test('an unknown schemaVersion says which versions are supported', () => {
    const result = validate({ ...minimal, schemaVersion: 2 });
    assert.equal(result.ok, false);
    assert.match(result.problems[0]?.message.en ?? '', /supported versions: 1/);
    assert.match(result.problems[0]?.message['zh-Hans'] ?? '', /支持的版本/);
  });
});
