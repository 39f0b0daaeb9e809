import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Bundle, type CheckResult, check, chinaDate, chinaDayStart, validate, validityAt } from '@gongkai/format';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('validityAt: the badge on the calendar of China time', () => {
  const meta = { status: 'valid' as const, effective: '2024-01-01', expires: '2024-06-30' };

  test('not yet in force until midnight China time (16:00 UTC the day before), then in force', () => {
    const before = validityAt(meta, at('2023-12-31T15:59:59.999Z'));
    assert.equal(before.validity, 'not-yet-effective');
    assert.equal(iso(before.changesAt), '2023-12-31T16:00:00.000Z');
    const after = validityAt(meta, at('2023-12-31T16:00:00.000Z'));
    assert.equal(after.validity, 'valid');
    assert.equal(iso(after.changesAt), '2024-06-30T16:00:00.000Z');
  });

  test('expires is the last day in force: expired from the next China midnight, and then for good', () => {
    assert.equal(validityAt(meta, at('2024-06-30T15:59:59.999Z')).validity, 'valid');
    const lapsed = validityAt(meta, at('2024-06-30T16:00:00.000Z'));
    assert.deepEqual([lapsed.validity, lapsed.changesAt], ['expired', null]);
    assert.equal(chinaDate(lapsed.until), '2024-07-01');
    assert.equal(validityAt(meta, new Date('2030-01-01')).validity, 'expired');
  });

  test('a status of valid never hides an expiry; no status follows the dates as well', () => {
    const { status: _s, ...dates } = meta;
    assert.equal(validityAt(dates, at('2024-03-01T00:00:00Z')).validity, 'valid');
    assert.equal(validityAt(dates, at('2025-03-01T00:00:00Z')).validity, 'expired');
  });

  test('repealed, amended and draft override the dates and never change', () => {
    for (const status of ['repealed', 'amended', 'draft'] as const) {
      const r = validityAt({ ...meta, status }, at('2024-03-01T00:00:00Z'));
      assert.deepEqual([r.validity, r.changesAt], [status, null], status);
    }
  });

  test('a bundle that states neither status nor dates has no validity to show', () => {
    assert.equal(validityAt({}).validity, null);
    const open = validityAt({ status: 'valid', effective: '2017-05-02' }, at('2024-01-01T00:00:00Z'));
    assert.deepEqual([open.validity, open.changesAt], ['valid', null]);
  });

  test('dates that contradict each other never show the text in force', () => {
    const wrong = { effective: '2025-01-01', expires: '2024-06-30' };
    const early = validityAt(wrong, at('2024-03-01T00:00:00Z'));
    assert.equal(early.validity, 'not-yet-effective');
    assert.equal(iso(early.changesAt), '2024-06-30T16:00:00.000Z');
    assert.equal(validityAt(wrong, at('2024-12-01T00:00:00Z')).validity, 'expired');
    assert.equal(validityAt(wrong, at('2025-06-01T00:00:00Z')).validity, 'expired');
  });

  test('a timestamp with an offset is that instant; one without is China time', () => {
    assert.equal(iso(chinaDayStart('2024-06-30')), '2024-06-29T16:00:00.000Z');
    assert.equal(iso(chinaDayStart('2024-06-30T10:00')), '2024-06-29T16:00:00.000Z');
    assert.equal(iso(chinaDayStart('2024-06-30T20:00:00Z')), '2024-06-30T16:00:00.000Z'); // 07-01 04:00 in China
    assert.equal(iso(chinaDayStart('2024-06-30 23:30+0800')), '2024-06-29T16:00:00.000Z');
    assert.equal(iso(chinaDayStart('2024-06-30T12:00:00-05:00')), '2024-06-30T16:00:00.000Z');
  });
});

/** A valid policy in force from 2024-01-01 to 2026-06-30. */
function policy(meta: Partial<Bundle['meta']> = {}): Bundle {
  const r = validate({
    schemaVersion: 1,
    id: 'dates-test',
    meta: {
      title: '关于规范行政规范性文件有效期的通知',
      status: 'valid',
      published: '2023-12-20',
      effective: '2024-01-01',
      expires: '2026-06-30',
      ...meta,
    },
    body: '一、本通知自2024年1月1日起施行。',
  });
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.problems));
  return r.ok ? r.value : (undefined as never);
}

const rule = (results: CheckResult[], id: string) => results.find((r) => r.id === id);

describe('check: validity from the dates', () => {
  test('passes with what readers see today and when it changes (check takes the day as now)', () => {
    const r = rule(check(policy(), { now: at('2024-03-01T00:00:00Z') }), 'validity-dates');
    assert.equal(r?.level, 'pass');
    assert.equal(r?.message['zh-Hans'], '按北京时间，读者今日看到“有效”，自 2026-07-01 起为“已失效”');
    assert.match(r?.message.en ?? '', /"in force" today .*"expired" from 2026-07-01/);
  });

  test('warns when the status says valid but the text has lapsed', () => {
    const r = rule(check(policy(), { now: new Date('2026-07-01T00:00:00+08:00') }), 'validity-dates');
    assert.equal(r?.level, 'warn');
    assert.match(r?.message['zh-Hans'] ?? '', /有效期至 2026-06-30，已于 2026-07-01 失效，读者看到的是“已失效”/);
    assert.match(r?.message.en ?? '', /\$\.meta\.status/);
    // The day before, China time, it is still in force.
    const eve = rule(check(policy(), { now: new Date('2026-06-30T23:59:59+08:00') }), 'validity-dates');
    assert.equal(eve?.level, 'pass');
  });

  test('warns when the status says valid before the text comes into force', () => {
    const r = rule(check(policy(), { now: at('2023-12-25T00:00:00Z') }), 'validity-dates');
    assert.equal(r?.level, 'warn');
    assert.match(r?.message['zh-Hans'] ?? '', /将于 2024-01-01 起施行/);
  });

  test('warns when effective is after expires, whatever the status', () => {
    for (const status of ['valid', 'repealed'] as const) {
      const b = policy({ status, effective: '2026-07-01' });
      const r = rule(check(b, { now: at('2024-03-01T00:00:00Z') }), 'validity-dates');
      assert.equal(r?.level, 'warn', status);
      assert.match(r?.message['zh-Hans'] ?? '', /施行日期（2026-07-01）晚于有效期截止日期（2026-06-30）/);
    }
  });

  test('a repealed text with dates in the future is not a contradiction: the status says so', () => {
    const b = policy({ status: 'repealed' });
    const r = rule(check(b, { now: at('2024-03-01T00:00:00Z') }), 'validity-dates');
    assert.equal(r?.level, 'pass');
    assert.match(r?.message['zh-Hans'] ?? '', /“已废止”/);
    assert.equal(rule(check(b, { now: at('2026-05-01T00:00:00Z') }), 'validity-review'), undefined);
  });

  test('warns from six months before the text lapses, with the review the rules ask for', () => {
    const before = rule(check(policy(), { now: new Date('2025-12-31T23:59:59+08:00') }), 'validity-review');
    assert.equal(before?.level, 'pass');
    assert.equal(before?.message['zh-Hans'], '本文件将于 2026-07-01 失效，2026-01-01 起进入评估/清理期');
    const r = rule(check(policy(), { now: new Date('2026-01-01T00:00:00+08:00') }), 'validity-review');
    assert.equal(r?.level, 'warn');
    assert.equal(r?.message['zh-Hans'], '本文件有效期至 2026-06-30，将于 2026-07-01 失效，请按规定开展评估/清理');
    assert.match(r?.message.en ?? '', /lapses on 2026-07-01 .*\$\.meta\.expires/);
    // Once lapsed there is nothing to review: validity-dates says what is wrong.
    assert.equal(rule(check(policy(), { now: at('2026-07-02T00:00:00Z') }), 'validity-review'), undefined);
  });

  test('six calendar months: a text lapsing on 08-31 is reviewed from the end of February', () => {
    const b = policy({ expires: '2026-08-30' });
    const r = rule(check(b, { now: at('2026-01-01T00:00:00Z') }), 'validity-review');
    assert.match(r?.message['zh-Hans'] ?? '', /2026-02-28 起进入评估\/清理期/);
  });

  test('no dates, no date rules; without now the current time is used', () => {
    const b = policy({ effective: undefined, expires: undefined, status: 'repealed' });
    const ids = check(b).map((r) => r.id);
    assert.ok(!ids.includes('validity-dates') && !ids.includes('validity-review'), ids.join());
    const lapsed = policy({ effective: '2000-01-01', expires: '2000-12-31' });
    assert.equal(rule(check(lapsed), 'validity-dates')?.level, 'warn');
  });
});
