import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { digitRuns, maskText, publicName } from '../../packages/server/src/lib/mask.js';

const EMAIL = '［邮箱已隐去］';
const ID = '［身份证号已隐去］';
const PHONE = '［电话已隐去］';
const QQ = '［QQ号已隐去］';

/** `unit` repeated and cut to exactly `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('maskText', () => {
  test('masks e-mails, phones, ID and QQ numbers as people type them', () => {
    for (const [typed, published] of [
      ['邮箱zhang@qq。com，谢谢', `邮箱${EMAIL}，谢谢`],
      ['邮箱zhang＠qq．com。', `邮箱${EMAIL}。`],
      ['邮箱ｚｈａｎｇ＠ｑｑ．ｃｏｍ', `邮箱${EMAIL}`],
      ['请致电(027)87654321。', `请致电${PHONE}。`],
      ['请致电（０２７）８７６５４３２１。', `请致电${PHONE}。`],
      ['办公室027-8765-4321', `办公室${PHONE}`],
      ['手机138.0013.8000', `手机${PHONE}`],
      ['手机138 0013 8000', `手机${PHONE}`],
      ['手机 +86 138 0013 8000', `手机 ${PHONE}`],
      ['手机8613800138000', `手机${PHONE}`],
      ['两个号码13800138000 13900139000', `两个号码${PHONE} ${PHONE}`],
      ['身份证4201 0519 9001 0112 34。', `身份证${ID}。`],
      ['身份证420105 1990 0101 123X', `身份证${ID}`],
      ['我的QQ号 123456789', `我的${QQ}`],
      ['加qq：123456789', `加${QQ}`],
      ['QQ 12345 联系', `${QQ} 联系`],
    ] as const) {
      assert.equal(maskText(typed), published, typed);
    }
  });

  test('keeps everything around what it masks exactly as written', () => {
    const typed =
      '第十二条（二）：建议删除“１２３”。邮箱ｚｈａｎｇ＠ｑｑ．ｃｏｍ。电话（０２７）８７６５４３２１！　谢谢．';
    assert.equal(maskText(typed), `第十二条（二）：建议删除“１２３”。邮箱${EMAIL}。电话${PHONE}！　谢谢．`);
  });

  test('still masks what it masked before', () => {
    for (const [typed, published] of [
      ['电话13812345678，身份证110105199001011234，邮箱 zhang@example.com', `电话${PHONE}，身份证${ID}，邮箱 ${EMAIL}`],
      ['+86 138-1234-5678', PHONE],
      ['１３８１２３４５６７８', PHONE],
      ['11010519900101123X', ID],
      ['110105 19900101 123x', ID],
      ['110105900101123', ID],
      ['027-87654321', PHONE],
      ['0712 1234567', PHONE],
      ['first.last+tag@mail.example.com.cn', EMAIL],
    ] as const) {
      assert.equal(maskText(typed), published, typed);
    }
  });

  test('leaves dates, article numbers, money, percentages, years and short numbers alone', () => {
    const text =
      '自2024-01-05起，2024年1月5日施行，2024.01.05公布；第十二条、第12条；补贴1,000,000元；' +
      '覆盖率85.5%；2023年；共123456户；QQ群人数 1234；编号 123 456';
    assert.equal(maskText(text), text);
  });

  test('masks organisation names but only abbreviates people', () => {
    assert.equal(publicName('individual', '张三丰'), '张**');
    assert.equal(publicName('organization', '某公司 电话 027-8765-4321'), `某公司 电话 ${PHONE}`);
    assert.equal(publicName('anonymous', '张三'), null);
  });
});

// Inputs that made the old patterns backtrack quadratically: long runs with no @, digit runs,
// separators, repeated a@. Each is checked at 5,000 and 50,000 characters.
const adversarial: { name: string; unit: string; masked: (input: string) => string }[] = [
  { name: 'letters', unit: 'a', masked: (s) => s },
  { name: 'letters and digits', unit: 'a1', masked: (s) => s },
  { name: 'letters and dots', unit: 'ab.', masked: (s) => s },
  { name: 'digits', unit: '1', masked: (s) => s },
  { name: 'digits and dashes', unit: '1-', masked: (s) => s },
  { name: 'digits and dots', unit: '12.', masked: (s) => s },
  { name: 'digit groups', unit: '1234 ', masked: (s) => s },
  { name: 'separators', unit: '1 - . ', masked: (s) => s },
  { name: 'a@', unit: 'a@', masked: (s) => s },
  { name: 'full-width a＠', unit: 'ａ＠', masked: (s) => s },
  { name: 'a@b.', unit: 'a@b.', masked: (s) => s },
  { name: 'e-mails', unit: 'ab@cd.cn, ', masked: (s) => s.replaceAll('ab@cd.cn', EMAIL) },
  { name: 'phones', unit: '13800138000 ', masked: (s) => s.replaceAll('13800138000', PHONE) },
];

describe('maskText on adversarial comments', () => {
  for (const { name, unit, masked } of adversarial) {
    test(`${name}: masked correctly at 5,000 and 50,000 characters`, () => {
      for (const length of [5_000, 50_000]) {
        const input = fill(unit, length);
        assert.equal(maskText(input), masked(input), `${length} characters`);
      }
    });
  }

  test('long digit runs are flagged whole, at 50,000 characters too', () => {
    const digits = fill('1', 50_000);
    assert.deepEqual(digitRuns(maskText(digits)), [digits]);
    const dashed = fill('1-', 50_000);
    assert.deepEqual(digitRuns(maskText(dashed)), [dashed.slice(0, -1)]);
  });

  // Not a timing assertion: a ratio. Linear masking takes about as long for one 50,000-character
  // comment as for ten of 5,000; quadratic masking takes ten times as long.
  test('masking time grows linearly with the length of a comment', () => {
    const best = (run: () => void) => {
      let min = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 7; round++) {
        const start = performance.now();
        run();
        min = Math.min(min, performance.now() - start);
      }
      return min;
    };
    for (const { name, unit } of adversarial) {
      const short = fill(unit, 5_000);
      const long = fill(unit, 50_000);
      const tenShort = best(() => {
        for (let i = 0; i < 10; i++) maskText(short);
      });
      const oneLong = best(() => maskText(long));
      assert.ok(oneLong < 2 * tenShort + 1, `${name}: ${oneLong.toFixed(2)} ms vs ${tenShort.toFixed(2)} ms`);
    }
  });
});

describe('digitRuns', () => {
  test('lists the runs of 7 or more digits that masking left, as written', () => {
    const text = maskText('订单号1234567，座机 ８７６５ ４３２１，奖金10000000元。手机13800138000，编号 12.345.678。');
    assert.deepEqual(digitRuns(text), ['1234567', '８７６５ ４３２１', '10000000', '12.345.678']);
  });

  test('ignores short numbers, money with commas and dates', () => {
    assert.deepEqual(
      digitRuns('共123456户，补贴1,000,000元，2024-01-05至2024.12.31，2024年1月5日，第十二条，85%，12 34 5'),
      [],
    );
  });
});
