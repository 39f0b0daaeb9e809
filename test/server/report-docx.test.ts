// The 意见采纳情况说明 as a Word document: a package that Word and WPS open without a repair prompt
// (every part typed, every relationship's target present, the XML well-formed), laid out as a
// 公文 attachment (A4, 版心 156 × 225 mm, the fonts named in every slot, 页码 at the outer
// bottom), and saying what report.html says for the same consultation, read back with mammoth.
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { after, describe, test } from 'node:test';
import { nodeDocxEnv } from '@gongkai/format/docx/node';
import { createToken } from '@gongkai/server';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, type Role, setup } from './helpers.js';

after(closeDatabases);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const policy = {
  schemaVersion: 1,
  id: 'plan',
  meta: { title: '示例实施方案（征求意见稿）', status: 'draft' },
  clauses: [
    { id: '1', number: '一、', level: 1, parent: null, title: '总体要求', text: '一、总体要求' },
    { id: '1.3', number: '（三）', level: 2, parent: '1', title: '工作目标', text: '（三）工作目标。' },
    { id: 'a12', number: '第十二条', level: 1, parent: null, title: '', text: '第十二条 主动公开。' },
  ],
};
const DECISIONS = ['adopted', 'adopted', 'adopted', 'not-adopted', 'not-adopted', 'partly-adopted', 'out-of-scope'];
const LABELS: Record<string, string> = {
  adopted: '采纳',
  'not-adopted': '不予采纳',
  'partly-adopted': '部分采纳',
  'out-of-scope': '不属于本次征求意见范围',
};

/**
 * `size` comments on `id` (every seventh on `other`): by n % 10, 0 removed as 广告, 1 awaiting
 * moderation, 2 undecided, 3–9 decided as DECISIONS[k - 3], 6–9 with one of four reasons; every
 * fifth in one of three campaigns.
 */
async function fill(ctx: Ctx, id: string, other: string, size: number) {
  await ctx.db.query(
    `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, name, moderation,
       decision, reason, removal_reason, group_id)
     SELECT CASE WHEN n % 7 = 0 THEN $2 ELSE $1 END, 'R' || n, 'k' || n, 'h',
       (ARRAY[NULL, '1.3', 'a12'])[n % 3 + 1], '第' || n || '条<b>意见</b> & "引号" 电话13900001234',
       CASE WHEN n % 2 = 0 THEN '张三' END,
       CASE WHEN n % 10 = 0 THEN 'rejected' WHEN n % 10 = 1 THEN 'pending' ELSE 'approved' END,
       CASE WHEN n % 10 >= 3 THEN ($3::text[])[n % 10 - 2] END,
       CASE WHEN n % 10 >= 6 THEN '理由<i>' || (n % 4) END,
       CASE WHEN n % 10 = 0 THEN '广告' END,
       CASE WHEN n % 5 = 0 THEN 900000 + n % 3 END
     FROM generate_series(1, $4::int) AS n`,
    [id, other, DECISIONS, size],
  );
  const ours = Array.from({ length: size }, (_, i) => i + 1).filter((n) => n % 7 !== 0);
  return { ours, listed: ours.filter((n) => n % 10 >= 3) };
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Every table of an HTML page as a reader sees it: rows of cell texts, head row included. */
const tablesOf = (html: string) =>
  [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1]!).trim()),
    ),
  );
/** The paragraphs' texts (outside tables). */
const paragraphsOf = (html: string) =>
  [...html.replace(/<table>[\s\S]*?<\/table>/g, '').matchAll(/<(p|h\d)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    decode(m[2]!),
  );

/** The package's parts, checked as Word checks them before it would offer to repair the file. */
function openPackage(bytes: Uint8Array) {
  assert.equal(strFromU8(bytes.subarray(0, 2)), 'PK', 'a zip');
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const text = (name: string) => {
    assert.ok(files[name], `${name} is in the package`);
    return strFromU8(files[name]!);
  };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (_name, _path, _leaf, attribute) => !attribute,
  });
  const xml = (name: string) => {
    const source = text(name);
    assert.equal(XMLValidator.validate(source), true, `${name} is well-formed XML`);
    return { source, tree: parser.parse(source) };
  };
  // Every part is well-formed and has a content type, by override or by its extension.
  for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) xml(name);
  const types = xml('[Content_Types].xml').tree.Types[0];
  const overrides = new Map<string, string>(
    types.Override.map((o: Record<string, string>) => [o['@PartName'], o['@ContentType']]),
  );
  const defaults = new Set<string>(
    types.Default.map((d: Record<string, string>) => String(d['@Extension']).toLowerCase()),
  );
  for (const name of names.filter((n) => n !== '[Content_Types].xml')) {
    const ext = name.split('.').pop()!.toLowerCase();
    assert.ok(overrides.has(`/${name}`) || defaults.has(ext), `${name} has a content type`);
  }
  for (const part of overrides.keys()) assert.ok(files[part.slice(1)], `${part}, typed, is in the package`);
  assert.equal(overrides.get('/word/document.xml'), `${DOCX.replace('.document', '.document.main')}+xml`);
  // Every internal relationship points at a part that is there.
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const source = posix.dirname(posix.dirname(rels)); // word/_rels/document.xml.rels → word
    for (const r of xml(rels).tree.Relationships[0].Relationship ?? []) {
      if (r['@TargetMode'] === 'External') continue;
      const target = r['@Target'].startsWith('/') ? r['@Target'].slice(1) : posix.join(source, r['@Target']);
      assert.ok(files[target], `${rels}: ${r['@Id']} → ${target} exists`);
    }
  }
  return { files, text, xml };
}

/** The run fonts of a style (or the document defaults with 'defaults'): each slot's name. */
function fontsOf(styles: string, id: string) {
  const block =
    id === 'defaults'
      ? /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0]
      : new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
  assert.ok(block, `style ${id}`);
  const fonts = /<w:rFonts ([^>]*)\/>/.exec(block)![1]!;
  const attr = (a: string) => new RegExp(`w:${a}="([^"]*)"`).exec(fonts)?.[1];
  const size = /<w:sz w:val="(\d+)"/.exec(block)?.[1];
  return { ascii: attr('ascii'), eastAsia: attr('eastAsia'), hAnsi: attr('hAnsi'), hint: attr('hint'), size, block };
}

const docxOf = async (ctx: Ctx, id: string, as?: Role) =>
  ctx.staff({ url: `/api/v1/consultations/${id}/report.docx` }, as);
const mammothHtml = async (bytes: Buffer) =>
  (await nodeDocxEnv.mammoth.convertToHtml(nodeDocxEnv.input(bytes) as never, {})).value;

for (const { name, fresh } of databases) {
  describe(`the 意见采纳情况说明 as .docx on ${name}`, () => {
    test('is a package Word and WPS open as it is, laid out as a 公文 attachment', async () => {
      const ctx = await setup(fresh, { jobs: false });
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/plan', payload: policy });
      const id = await consultation(ctx, { policyId: 'plan' });
      await fill(ctx, id, await consultation(ctx), 140);
      const res = await docxOf(ctx, id);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], DOCX);
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="${id}-report.docx"; filename*=UTF-8''${encodeURIComponent('示例实施方案（征求意见稿）意见采纳情况说明.docx')}`,
      );
      assert.equal(res.headers['cache-control'], 'no-store');
      const { text, xml } = openPackage(res.rawPayload);

      // The page: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (twips: 1 mm = 56.7), 22 lines.
      const document = text('word/document.xml');
      const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)![0];
      assert.match(sect, /<w:pgSz w:w="11906" w:h="16838"/);
      const margin = Object.fromEntries(
        [.../(top|right|bottom|left)="(\d+)"/g[Symbol.matchAll](/<w:pgMar [^>]*>/.exec(sect)![0])].map((m) => [
          m[1],
          Number(m[2]),
        ]),
      );
      const mm = (twips: number) => (twips * 25.4) / 1440;
      assert.equal(Math.round(mm(margin.top!)), 37);
      assert.equal(Math.round(mm(margin.left!)), 28);
      assert.equal(Math.round(mm(11906 - margin.left! - margin.right!)), 156);
      assert.equal(Math.round(mm(16838 - margin.top! - margin.bottom!)), 225);
      const pitch = Number(/<w:docGrid [^>]*w:linePitch="(\d+)"/.exec(sect)![1]);
      assert.equal(Math.floor((16838 - margin.top! - margin.bottom!) / pitch), 22, '22 lines a page');

      // Fonts, named in every slot (the east-Asian one is what Chinese text is set in).
      const styles = text('word/styles.xml');
      const expect = (id: string, font: string, size: string) => {
        const f = fontsOf(styles, id);
        assert.deepEqual([f.ascii, f.eastAsia, f.hAnsi, f.hint, f.size], [font, font, font, 'eastAsia', size], id);
        return f.block;
      };
      assert.match(expect('defaults', '仿宋_GB2312', '32'), /<w:lang [^>]*w:eastAsia="zh-CN"/);
      assert.match(expect('Title', '方正小标宋简体', '44'), /<w:jc w:val="center"\/>/);
      expect('Heading1', '黑体', '32');
      expect('Heading2', '楷体_GB2312', '32');
      expect('GkPageNumber', '宋体', '28');
      // What stands in for each where it is not installed.
      const fontTable = text('word/fontTable.xml');
      for (const [font, alt] of [
        ['方正小标宋简体', '宋体'],
        ['仿宋_GB2312', '仿宋'],
        ['楷体_GB2312', '楷体'],
        ['仿宋', 'FangSong'],
        ['黑体', 'SimHei'],
      ]) {
        assert.match(
          fontTable,
          new RegExp(`<w:font w:name="${font}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`),
        );
      }
      // 页码 "— 1 —" at the outer bottom: right on odd pages, left on even ones.
      assert.match(xml('word/settings.xml').source, /<w:evenAndOddHeaders\/>/);
      const footer = (type: string) => {
        const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(sect)![1];
        const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text('word/_rels/document.xml.rels'))?.[1];
        return text(`word/${target}`);
      };
      for (const [type, side] of [
        ['default', 'right'],
        ['even', 'left'],
      ]) {
        const f = footer(type!);
        assert.match(f, new RegExp(`<w:jc w:val="${side}"/>`));
        assert.match(
          f,
          /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/,
        );
      }
      // The title is Word's Title style, the headings its Heading 1 and 2 (the navigation pane lists them).
      assert.match(
        document,
        /<w:pStyle w:val="Title"\/>[\s\S]*?<w:t[^>]*>【草稿】关于《示例实施方案（征求意见稿）》征求意见采纳情况的说明<\/w:t>/,
      );
      assert.match(document, /<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t[^>]*>一、总体情况<\/w:t>/);
      assert.match(document, /<w:pStyle w:val="Heading2"\/>[\s\S]*?<w:t[^>]*>（一）意见处理情况<\/w:t>/);
      await ctx.close();
    });

    test('says what report.html says: figures, clauses, campaigns, reasons and, when few, every comment', async () => {
      const ctx = await setup(fresh, { jobs: false });
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/plan', payload: policy });
      const id = await consultation(ctx, { policyId: 'plan' });
      const { ours, listed } = await fill(ctx, id, await consultation(ctx), 300);
      const html = (await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` })).body;
      const read = await mammothHtml((await docxOf(ctx, id)).rawPayload);
      const [htmlTables, docxTables] = [tablesOf(html), tablesOf(read)];
      assert.deepEqual(docxTables, htmlTables);
      assert.equal(htmlTables.length, 5, 'figures, clauses, campaigns, reasons, every comment');
      const paragraphs = paragraphsOf(read);
      // The captions and the opening paragraph, word for word.
      const captions = [...html.matchAll(/<caption>(.*?)<\/caption>/g)].map((m) => decode(m[1]!));
      assert.deepEqual(
        paragraphs.filter((p) => /^表\d/.test(p)),
        [...captions, '表5　逐条说明'],
      );
      const intro = decode(/<p>(本次征求意见自.*?)<\/p>/.exec(html)![1]!);
      assert.ok(paragraphs.includes(intro), intro);
      assert.ok(paragraphs.some((p) => p.startsWith('草稿：征求意见尚未截止；')));

      // And what they both say is what the comments hold (counted here another way).
      const [figures, clauses, campaigns, reasons, rows] = docxTables;
      assert.deepEqual(figures![1], ['收到意见', String(ours.length)]);
      assert.deepEqual(
        figures!.find((r) => r[0] === '其中：不予采纳'),
        ['其中：不予采纳', String(listed.filter((n) => DECISIONS[(n % 10) - 3] === 'not-adopted').length)],
      );
      assert.deepEqual(
        clauses!.map((r) => r[0]),
        ['条款', '全文', '一、（三）工作目标', '第十二条'],
      );
      const bySize = new Map<number, number>();
      for (const n of listed.filter((n) => n % 5 === 0)) bySize.set(n % 3, (bySize.get(n % 3) ?? 0) + 1);
      assert.deepEqual(
        campaigns!.slice(1).map((r) => Number(r[1])),
        [...bySize.values()].sort((a, b) => b - a),
      );
      const byReason = new Map<string, number>();
      for (const n of listed.filter((n) => n % 10 >= 6)) {
        const k = `${LABELS[DECISIONS[(n % 10) - 3]!]}|理由<i>${n % 4}`;
        byReason.set(k, (byReason.get(k) ?? 0) + 1);
      }
      assert.deepEqual(
        reasons!
          .slice(1)
          .map((r) => [`${r[1]}|${r[2]}`, Number(r[3])])
          .sort(),
        [...byReason].sort(),
      );
      assert.ok(
        reasons!.slice(2).every((r, i) => Number(r[3]) <= Number(reasons![i + 1]![3])),
        'most frequent first',
      );
      assert.equal(rows!.length, listed.length + 1);
      assert.deepEqual(rows![1]!.slice(2), ['第3条<b>意见</b> & "引号" 电话［电话已隐去］', '', '采纳', '']);
      assert.doesNotMatch(read, /13900001234|张三/);
      await ctx.close();
    });

    test('at size it is the 说明 without the comments, pointing to the CSV', async () => {
      const ctx = await setup(fresh, { jobs: false });
      const id = await consultation(ctx);
      const { listed } = await fill(ctx, id, await consultation(ctx), 4500);
      assert.ok(listed.length > 1000);
      const html = (await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` })).body;
      const res = await docxOf(ctx, id);
      assert.ok(res.rawPayload.length < 40_000, `${res.rawPayload.length} bytes`);
      openPackage(res.rawPayload);
      const read = await mammothHtml(res.rawPayload);
      const docxTables = tablesOf(read);
      assert.deepEqual(docxTables, tablesOf(html).slice(0, 4));
      assert.ok(
        paragraphsOf(read).includes(
          `本次列出意见${listed.length}条，篇幅所限，不在本说明中逐条列出。各条意见的内容、处理结果和理由见同时导出的意见清单（${id}-comments.csv），表3中的“首份意见编号”即清单中的“编号”。`,
        ),
      );
      // The first comment of each campaign named in it is the one the CSV lists under that 编号.
      const csv = (await ctx.staff({ url: `/api/v1/consultations/${id}/export.csv` })).body;
      for (const [, , first] of docxTables[2]!.slice(1)) {
        const line = csv.split('\r\n').find((l) => l.startsWith(`"${first}",`))!;
        const n = Number(/"第(\d+)条/.exec(line)![1]);
        assert.equal(n % 5, 0, 'in a campaign');
      }
      await ctx.close();
    });

    test('long comments are left to the CSV too, and a few short ones listed', async () => {
      const ctx = await setup(fresh, { jobs: false });
      const id = await consultation(ctx);
      // Comments from+1 … from+count, of 5,000 characters each.
      const insert = (from: number, count: number) =>
        ctx.db.query(
          `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision)
           SELECT $1, 'R' || n, 'k' || n, 'h', repeat('意', 5000), 'approved', 'adopted'
           FROM generate_series($2::int + 1, $2::int + $3::int) AS n`,
          [id, from, count],
        );
      await insert(0, 30); // 150,000 characters: listed
      let read = await mammothHtml((await docxOf(ctx, id)).rawPayload);
      assert.equal(tablesOf(read).at(-1)!.length, 31);
      await insert(30, 11); // 205,000: a document of some 200 pages of table, left to the CSV
      read = await mammothHtml((await docxOf(ctx, id)).rawPayload);
      assert.equal(tablesOf(read).length, 2, 'the figures and the clauses');
      assert.ok(paragraphsOf(read).some((p) => p.startsWith('本次列出意见41条，篇幅所限，不在本说明中逐条列出。')));
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      assert.deepEqual(
        log.filter((e: { action: string }) => e.action === 'export.report').map((e: { after: unknown }) => e.after),
        [
          { comments: 30, format: 'docx' },
          { comments: 0, format: 'docx' },
        ],
      );
      await ctx.close();
    });

    test('needs the report permission for the consultation, and is audited', async () => {
      const ctx = await setup(fresh, { jobs: false });
      const id = await consultation(ctx);
      const other = await consultation(ctx);
      await fill(ctx, id, other, 50);
      const url = `/api/v1/consultations/${id}/report.docx`;
      assert.equal((await ctx.app.inject({ url })).statusCode, 401);
      const elsewhere = (await createToken(ctx.db, 'reviewer', { consultations: [other] })).token;
      const refused = await ctx.app.inject({ url, headers: { authorization: `Bearer ${elsewhere}` } });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error, 'out-of-scope');
      assert.equal((await ctx.staff({ url: `/api/v1/consultations/nope/report.docx` })).statusCode, 404);
      // Every staff role may export, as it may print the report.
      for (const role of ['reviewer', 'editor', 'checker', 'signer'] as const) {
        assert.equal((await docxOf(ctx, id, role)).statusCode, 200, role);
      }
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      const exports = log.filter((e: { action: string }) => e.action === 'export.report');
      assert.equal(exports.length, 4);
      assert.deepEqual(exports[0].after, {
        comments: Array.from({ length: 50 }, (_, i) => i + 1).filter((n) => n % 7 !== 0 && n % 10 >= 3).length,
        format: 'docx',
      });
      assert.deepEqual(exports.map((e: { actor: string }) => e.actor.split(':')[0]).sort(), [
        'checker',
        'editor',
        'reviewer',
        'signer',
      ]);
      await ctx.close();
    });

    test("the interpretation as .docx: notes clause by clause in the text's order with their passage, Q&A, graphics described; the same package checks", async () => {
      const ctx = await setup(fresh, { jobs: false });
      const interpreted = {
        ...policy,
        id: 'plan-jd',
        interpretations: [
          {
            target: { clause: 'a12' },
            body: '主动公开的范围包括：\n\n1. 规范性文件\n2. 财政预算，详见[公开目录](https://example.gov.cn/ml)。',
            author: '王明',
            role: 'principal',
          },
          {
            target: { clause: '1.3', quote: { exact: '工作目标' } },
            body: '**工作目标**分三年实现。',
            date: '2030-05-01',
          },
        ],
        qa: [{ id: 'q1', question: '哪些文件要主动公开？', answer: '见第十二条。' }],
        graphics: [
          {
            id: 'g1',
            kind: 'steps',
            caption: '公开流程',
            description: '起草、审核、公开三个步骤。',
            items: [{ title: '起草' }, { title: '审核' }, { title: '公开' }],
          },
        ],
      };
      assert.equal(
        (await ctx.staff({ method: 'PUT', url: '/api/v1/policies/plan-jd', payload: interpreted })).statusCode,
        200,
      );
      const res = await ctx.app.inject('/api/v1/policies/plan-jd/interpretation.docx');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], DOCX);
      assert.match(
        String(res.headers['content-disposition']),
        /filename="plan-jd-interpretation.docx"; filename\*=UTF-8''/,
      );
      openPackage(res.rawPayload);
      const text = paragraphsOf(await mammothHtml(res.rawPayload));
      const at = (line: string) => {
        const i = text.indexOf(line);
        assert.ok(i >= 0, `${line} in ${JSON.stringify(text)}`);
        return i;
      };
      at('《示例实施方案（征求意见稿）》解读');
      // 一、(三)工作目标 comes before 第十二条, as in the text, whatever order the notes were written in.
      assert.ok(at('一、逐条解读') < at('一、（三）工作目标'));
      assert.ok(at('一、（三）工作目标') < at('第十二条'));
      at('原文：“工作目标”');
      at('工作目标分三年实现。');
      at('（2030-05-01）');
      at('1. 规范性文件');
      at('2. 财政预算，详见公开目录（https://example.gov.cn/ml）。');
      at('（王明，主要负责人）');
      assert.ok(at('二、问答') < at('（一）哪些文件要主动公开？'));
      at('见第十二条。');
      assert.ok(at('三、图解说明') < at('起草、审核、公开三个步骤。'));
      assert.equal((await ctx.app.inject('/api/v1/policies/nope/interpretation.docx')).statusCode, 404);
      assert.equal((await ctx.app.inject('/api/v1/policies/plan-jd/interpretation.docx?version=9')).statusCode, 404);
      await ctx.close();
    });
  });
}
