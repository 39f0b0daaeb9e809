import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { extractMeta, toIsoDate, toStatus } from '@gongkai/format';

const shared = new URL('../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, shared), 'utf8');

describe('extractMeta: seeds', () => {
  test('ezhou: the 索引号 table of the page', () => {
    assert.deepEqual(extractMeta(read('seeds/ezhou-2016-plan.txt')), {
      title: '市人民政府办公室印发《关于全面推进政务公开工作实施方案》的通知',
      docNumber: '鄂州政办发〔2016〕40号',
      issuer: '鄂州市政府',
      indexNumber: '011217651/2016-17811',
      published: '2016-07-21',
      status: 'valid',
      category: '鄂州政办发',
    });
  });

  test('wenshang: no table; issuer and date from the signature, not the 《方案》 it cites', () => {
    assert.deepEqual(extractMeta(read('seeds/wenshang-epb-2017-pilot.txt')), {
      title: '汶上县环境保护局关于印发《开展基层政务公开标准化规范化试点工作实施方案》的通知',
      issuer: '汶上县环境保护局',
      published: '2017-11-10',
    });
  });

  test('guiyang: breadcrumb skipped, 日期:2017/4/28', () => {
    assert.deepEqual(extractMeta(read('seeds/guiyang-eco-2017-plan.txt')), {
      title: '贵阳市生态文明建设委员2017年政务公开工作实施方案',
      published: '2017-04-28',
    });
  });

  test('regulation markdown: the # title; 自…起施行 gives the effective date', () => {
    assert.deepEqual(extractMeta(read('regulations/beijing-business-environment-2020.md')), {
      title: '北京市优化营商环境条例',
      effective: '2020-04-28',
    });
  });
});

describe('extractMeta: fields', () => {
  test('文号 with 〔〕 [] ［］ () （） brackets, on a line of its own or labelled', () => {
    const cases: Array<[string, string]> = [
      ['青发改办〔2017〕455号', '青发改办〔2017〕455号'],
      ['京政发[2020]1号', '京政发[2020]1号'],
      ['国办发［2016］80号', '国办发［2016］80号'],
      ['筑府办函(2014)208号', '筑府办函(2014)208号'],
      ['黔府发（2016）30号', '黔府发（2016）30号'],
    ];
    for (const [line, expected] of cases) {
      assert.equal(extractMeta(`关于做好政务公开工作的通知\n${line}\n一、总体要求`).docNumber, expected, line);
      assert.equal(
        extractMeta(`发文字号：${line}　　成文日期：2017年06月01日\n一、总体要求`).docNumber,
        expected,
        line,
      );
    }
    // A number cited inside a sentence is not this document's.
    assert.equal(extractMeta('根据《通知》(汶政办发〔2017〕96号)要求,制定本方案。\n一、总体要求').docNumber, undefined);
  });

  test('validity: 有效 失效 废止 已修订 征求意见稿', () => {
    const status = (v: string) => extractMeta(`标题：关于某事的通知\n有效性：${v}\n一、甲`).status;
    assert.equal(status('有效'), 'valid');
    assert.equal(status('失效'), 'repealed');
    assert.equal(status('已废止'), 'repealed');
    assert.equal(status('已修订'), 'amended');
    assert.equal(status('征求意见稿'), 'draft');
    assert.equal(extractMeta('某某市政务公开管理办法（征求意见稿）\n一、甲').status, 'draft');
    assert.equal(extractMeta('时效性：现行有效\n一、甲').status, 'valid');
  });

  test('dates: 2016年07月21日, 2016-07-21, 2016/7/21 → ISO; 发布日期 wins over 成文日期', () => {
    assert.equal(toIsoDate('2016年07月21日'), '2016-07-21');
    assert.equal(toIsoDate('2016年7月1日'), '2016-07-01');
    assert.equal(toIsoDate('2016-07-21'), '2016-07-21');
    assert.equal(toIsoDate('2017/4/28'), '2017-04-28');
    assert.equal(toIsoDate('2017年13月1日'), undefined);
    assert.equal(toIsoDate('无'), undefined);
    assert.deepEqual(
      extractMeta('成文日期：2016-07-17 发布日期：2016-07-21 生效日期：2016年8月1日 失效日期：2021年8月1日\n一、甲'),
      {
        published: '2016-07-21',
        effective: '2016-08-01',
        expires: '2021-08-01',
      },
    );
  });

  test('statuses map', () => {
    assert.equal(toStatus('全文失效'), 'repealed');
    assert.equal(toStatus('有效'), 'valid');
    assert.equal(toStatus('未知'), undefined);
  });

  test('a CMS metadata table in HTML, labels spaced out', () => {
    const html = `<table><tr><td>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>11370800004/2017-00123</td><td>文&nbsp;&nbsp;&nbsp;&nbsp;号：</td><td>青发改办〔2017〕455号</td></tr>
      <tr><td>发布机构：</td><td>青海省发展和改革委员会</td><td>发布日期：</td><td>2017年06月01日</td></tr>
      <tr><td>名　　称：</td><td>关于做好2017年政务公开工作的通知</td><td>有效性：</td><td>有效</td></tr></table>
      <p>一、总体要求</p><p>（一）指导思想</p>`;
    assert.deepEqual(extractMeta(html), {
      title: '关于做好2017年政务公开工作的通知',
      docNumber: '青发改办〔2017〕455号',
      issuer: '青海省发展和改革委员会',
      indexNumber: '11370800004/2017-00123',
      published: '2017-06-01',
      status: 'valid',
    });
  });

  test('nothing found, nothing returned; never throws', () => {
    assert.deepEqual(extractMeta(''), {});
    assert.deepEqual(extractMeta('一、甲'), {});
    assert.deepEqual(extractMeta(null as unknown as string), {});
  });
});
