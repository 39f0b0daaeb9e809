// Every channel, one record (issue 21): comments received by letter, e-mail, meetings… entered by
// staff, one at a time or imported from e-mails and the CSV template; each with a receipt, a
// reply slip, and counted by channel and submitter type in what is published.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DirectoryStore, migrate, openDatabase } from '@gongkai/server';
import { strFromU8, unzipSync } from 'fflate';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, iso, publishAndWait, type Role, setup, signOffAll } from './helpers.js';
import { root, serverCommand } from './server-process.js';

after(closeDatabases);

const entry = (ctx: Ctx, id: string, payload: unknown, key: string, as: Role = 'editor') =>
  ctx.staff(
    {
      method: 'POST',
      url: `/api/v1/consultations/${id}/entries`,
      headers: { 'idempotency-key': key },
      payload: payload as object,
    },
    as,
  );

const importFiles = (ctx: Ctx, id: string, format: 'eml' | 'csv', files: [string, string | Buffer][], extra = {}) =>
  ctx.staff(
    {
      method: 'POST',
      url: `/api/v1/consultations/${id}/import`,
      payload: {
        format,
        files: files.map(([name, data]) => ({ name, data: Buffer.from(data).toString('base64') })),
        ...extra,
      },
    },
    'editor',
  );

const count = async (ctx: Ctx, id: string) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE consultation_id = $1', [id]))
    .rows[0]!.n;

const letter = {
  channel: 'letter',
  receivedAt: iso(0).slice(0, 10),
  submitterType: 'individual',
  body: '建议将办理时限由二十个工作日缩短为十五个工作日。',
  name: '李四',
  contact: '青海省西宁市城中区南大街1号 810000',
  originalRef: '收文〔2027〕12号',
};

/** An e-mail as a mail client saves it (.eml). */
function eml(o: { from?: string; date?: string | null; subject: string; text?: string; html?: string }): string {
  const headers = [
    `From: ${o.from ?? '=?UTF-8?B?546L5LqU?= <wangwu@example.cn>'}`,
    'To: zqyj@example.gov.cn',
    ...(o.date === null ? [] : [`Date: ${o.date ?? 'Mon, 02 Mar 2026 09:30:00 +0800'}`]),
    `Subject: =?UTF-8?B?${Buffer.from(o.subject).toString('base64')}?=`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@example.cn>`,
    'MIME-Version: 1.0',
  ];
  if (o.text !== undefined && o.html === undefined) {
    return `${headers.join('\r\n')}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(o.text).toString('base64')}\r\n`;
  }
  return `${headers.join('\r\n')}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(o.html ?? '')}\r\n`;
}

const quotedPrintable = (s: string) =>
  [...Buffer.from(s)]
    .map((b) =>
      b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('')
    .replace(/(.{70})/g, '$1=\r\n');

const CSV_HEAD = '渠道,收到日期,提交者类型,条款,意见内容,姓名或单位,联系方式,原件编号';

for (const { name, fresh } of databases) {
  describe(`comments from every channel on ${name}`, () => {
    test('a letter entered by staff: a receipt, idempotent, listed with its channel, audited without personal data', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const res = await entry(ctx, id, letter, 'letter-1');
      assert.equal(res.statusCode, 201, res.body);
      const { receipt, id: commentId, slip } = res.json();
      assert.match(receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      // The sender can look it up like any receipt.
      const lookup = await ctx.app.inject(`/api/v1/receipts/${receipt}`);
      assert.equal(lookup.statusCode, 200, lookup.body);
      assert.equal(lookup.json().status, 'received');

      // Same key and content: the same receipt, nothing new. Same key, other content: 409.
      const again = await entry(ctx, id, letter, 'letter-1');
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().receipt, receipt);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      const other = await entry(ctx, id, { ...letter, body: '另一封信。' }, 'letter-1');
      assert.equal(other.statusCode, 409, other.body);
      assert.equal(await count(ctx, id), 1);

      // The staff list shows the channel and date; names only with the contacts permission.
      const asEditor = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }, 'editor')).json().items[0];
      assert.equal(asEditor.channel, 'letter');
      assert.equal(asEditor.receivedAt, new Date(`${letter.receivedAt}T00:00:00+08:00`).toISOString());
      assert.equal(asEditor.originalRef, '收文〔2027〕12号');
      assert.equal(asEditor.name, null);
      assert.equal(asEditor.contact, null);
      const asAdmin = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` }, 'admin')).json().items[0];
      assert.equal(asAdmin.name, '李四');
      // An online comment says so.
      await ctx.comment(id, { body: '网上提交的意见。' });
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.deepEqual(
        items.map((i: { channel: string }) => i.channel),
        ['letter', 'online'],
      );

      const { rows } = await ctx.db.query<{ actor: string; after: Record<string, unknown> }>(
        "SELECT actor, after FROM audit_log WHERE action = 'comment.enter' AND comment_id = $1",
        [commentId],
      );
      assert.equal(rows.length, 1);
      assert.match(rows[0]!.actor, /^editor:/);
      assert.equal(rows[0]!.after.channel, 'letter');
      assert.equal(rows[0]!.after.name, true);
      assert.ok(!JSON.stringify(rows[0]!.after).includes('李四'), 'no name in the audit entry');

      // The reply slip: the receipt and where to look it up; the sender only for the contacts permission.
      const printed = await ctx.staff({ url: slip }, 'editor');
      assert.equal(printed.statusCode, 200, printed.body);
      assert.match(String(printed.headers['content-type']), /^text\/html/);
      assert.ok(printed.body.includes(receipt));
      assert.ok(printed.body.includes(`/api/v1/receipts/${receipt}`));
      assert.ok(printed.body.includes('信函'));
      assert.ok(!printed.body.includes('李四'));
      const withName = await ctx.staff({ url: slip }, 'admin');
      assert.ok(withName.body.includes('李四'));
      assert.ok(withName.body.includes('南大街1号'));
      const reads = await ctx.db.query(
        "SELECT 1 FROM audit_log WHERE action = 'contacts.read' AND after->>'via' = 'reply-slip'",
      );
      assert.equal(reads.rows.length, 1);
      await ctx.close();
    });

    test('a letter’s scan goes with its entry: uploaded first, linked once, staff-only; a bad token stores nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gk-scans-'));
      const ctx = await setup(fresh, { attachments: { store: new DirectoryStore(dir) } });
      try {
        const id = await consultation(ctx);
        // Letters are entered after the window has closed, when citizens can no longer upload.
        await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
        const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 0x20), Buffer.from('\n%%EOF\n')]);
        const upload = { method: 'POST', headers: { 'content-type': 'application/pdf' }, payload: scan } as const;
        const name = encodeURIComponent('来信扫描件.pdf');
        const citizen = await ctx.app.inject({
          ...upload,
          url: `/api/v1/consultations/${id}/attachments?name=${name}`,
        });
        assert.equal(citizen.statusCode, 403, citizen.body);
        const anonymous = await ctx.app.inject({
          ...upload,
          url: `/api/v1/consultations/${id}/entries/attachments?name=${name}`,
        });
        assert.equal(anonymous.statusCode, 401, anonymous.body);
        const reviewer = await ctx.staff(
          { ...upload, url: `/api/v1/consultations/${id}/entries/attachments?name=${name}` },
          'reviewer',
        );
        assert.equal(reviewer.statusCode, 403, 'needs enterComments');
        // Refused with a valid token too, the body is not read: the connection closes after the answer.
        assert.equal(reviewer.headers.connection, 'close');
        assert.equal(anonymous.headers.connection, 'close');
        const uploaded = await ctx.staff(
          { ...upload, url: `/api/v1/consultations/${id}/entries/attachments?name=${name}` },
          'editor',
        );
        assert.equal(uploaded.statusCode, 201, uploaded.body);
        const { token } = uploaded.json();

        const refused = await entry(ctx, id, { ...letter, attachments: ['x'.repeat(32)] }, 'scan-entry-bad');
        assert.equal(refused.statusCode, 422, refused.body);
        assert.equal(refused.json().error, 'attachment-unknown');
        assert.equal(await count(ctx, id), 0, 'nothing stored with a file that cannot join it');

        const first = await entry(ctx, id, { ...letter, attachments: [token] }, 'scan-entry-1');
        assert.equal(first.statusCode, 201, first.body);
        const again = await entry(ctx, id, { ...letter, attachments: [token] }, 'scan-entry-1');
        assert.equal(again.statusCode, 201, again.body);
        assert.equal(again.json().receipt, first.json().receipt);
        const listed = await ctx.staff({ url: `/api/v1/comments/${first.json().id}/attachments` }, 'reviewer');
        assert.equal(listed.statusCode, 200, listed.body);
        assert.deepEqual(
          listed
            .json()
            .items.map((a: { name: string; type: string; published: boolean }) => [a.name, a.type, a.published]),
          [['来信扫描件.pdf', 'application/pdf', false]],
        );
        const file = await ctx.staff({ url: `/api/v1/attachments/${listed.json().items[0].id}` }, 'reviewer');
        assert.deepEqual(file.rawPayload, scan);
        // Another entry cannot take the same file.
        const taken = await entry(ctx, id, { ...letter, body: '另一封来信。', attachments: [token] }, 'scan-entry-2');
        assert.equal(taken.statusCode, 422, taken.body);
        // The key replayed with other files is another request: refused, and the entry keeps its one file.
        const other = await ctx.staff(
          { ...upload, url: `/api/v1/consultations/${id}/entries/attachments?name=${name}` },
          'admin',
        );
        const added = await entry(ctx, id, { ...letter, attachments: [token, other.json().token] }, 'scan-entry-1');
        assert.equal(added.statusCode, 409, added.body);
        assert.equal(added.json().error, 'idempotency-conflict');
        const still = await ctx.staff({ url: `/api/v1/comments/${first.json().id}/attachments` }, 'reviewer');
        assert.equal(still.json().items.length, 1);
        // Uploading and attaching are acts on the record, with their actor (the file's name is not logged).
        const { rows: acts } = await ctx.db.query<{
          actor: string;
          action: string;
          comment_id: string | null;
          after: unknown;
        }>(
          `SELECT actor, action, comment_id, after FROM audit_log WHERE consultation_id = $1
             AND action IN ('attachment.upload', 'attachment.link') ORDER BY id`,
          [id],
        );
        assert.deepEqual(
          acts.map((a) => [a.actor.split(':')[0], a.action]),
          [
            ['editor', 'attachment.upload'],
            ['editor', 'attachment.link'],
            ['admin', 'attachment.upload'],
          ],
        );
        assert.equal(Number(acts[1]!.comment_id), first.json().id);
        assert.deepEqual(acts[1]!.after, { files: 1 });
        assert.ok(!JSON.stringify(acts).includes('来信扫描件'));
        // Two entries naming one scan at once: the one that links second is not stored (its
        // transaction finds the file taken), rather than stored without its scan.
        const scan2 = (
          await ctx.staff({ ...upload, url: `/api/v1/consultations/${id}/entries/attachments?name=${name}` }, 'editor')
        ).json().token;
        const files = ctx.app.attachments!;
        const before = await count(ctx, id);
        await assert.rejects(
          ctx.db.transaction(async (tx) => {
            await tx.query(
              `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
               VALUES ($1, 'RACE1', 'entry:race-1', 'h', '来信一')`,
              [id],
            );
            await files.linkAll(tx, id, 'entry:race-1', [scan2]);
            // Meanwhile (as another connection would have, first) another entry took it.
            await tx.query(
              `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body)
               VALUES ($1, 'RACE2', 'entry:race-2', 'h', '来信二')`,
              [id],
            );
            await files.linkAll(tx, id, 'entry:race-2', [scan2]);
          }),
          (error: Error & { statusCode?: number }) => error.statusCode === 422,
        );
        assert.equal(await count(ctx, id), before, 'neither stored: the transaction was refused as a whole');
      } finally {
        await ctx.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('with attachments off, an entry naming files is refused by name', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const res = await entry(ctx, id, { ...letter, attachments: ['x'.repeat(32)] }, 'scan-entry-off');
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error, 'attachments-off');
      assert.equal(await count(ctx, id), 0);
      await ctx.close();
    });

    test('permissions: without enterComments 403 before the body is read; no token 401; bad fields named', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      // Not JSON at all: a 403 (not a 400) shows the body was never parsed.
      for (const url of [`/api/v1/consultations/${id}/entries`, `/api/v1/consultations/${id}/import`]) {
        const refused = await ctx.staff(
          {
            method: 'POST',
            url,
            headers: { 'content-type': 'application/json', 'idempotency-key': 'k-12345678' },
            payload: '{not json',
          },
          'reviewer',
        );
        assert.equal(refused.statusCode, 403, refused.body);
        assert.match(refused.json().message, /needs enterComments/);
        const anonymous = await ctx.app.inject({
          method: 'POST',
          url,
          payload: '{not json',
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(anonymous.statusCode, 401);
      }
      const slip = await ctx.staff({ url: `/api/v1/consultations/${id}/comments/1/reply-slip` }, 'reviewer');
      assert.equal(slip.statusCode, 403);

      const bad = await entry(
        ctx,
        id,
        { ...letter, receivedAt: iso(3).slice(0, 10), clause: '第九十九条' },
        'bad-entry-1',
      );
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(
        bad.json().problems.map((p: { path: string }) => p.path),
        ['$.receivedAt', '$.clause'],
      );
      const notADay = await entry(ctx, id, { ...letter, receivedAt: '2026-02-30' }, 'bad-entry-2');
      assert.equal(notADay.statusCode, 400);
      assert.match(notADay.json().zh, /不是日期/);
      const phone = await entry(ctx, id, { ...letter, channel: 'online' }, 'bad-entry-3');
      assert.equal(phone.statusCode, 400, 'online comments come through the form, not staff entry');
      assert.equal(await count(ctx, id), 0);
      await ctx.close();
    });

    test('e-mails imported: sender, date, subject and text; HTML-only mail as text; the same mail twice stored once', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const mails: [string, string][] = [
        ['wang.eml', eml({ subject: '关于办理时限的意见', text: '建议缩短办理时限。\r\n\r\n王五' })],
        [
          'html.eml',
          eml({
            from: '"某某协会" <office@xiehui.org.cn>',
            date: 'Tue, 03 Mar 2026 14:00:00 +0800',
            subject: '协会意见',
            html: '<html><body><p>第一条<b>应当</b>明确适用范围。</p><script>alert(1)</script><img src=x onerror=alert(2)></body></html>',
          }),
        ],
      ];
      const dry = await importFiles(ctx, id, 'eml', mails, { dryRun: true });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().imported, false);
      assert.equal(await count(ctx, id), 0, 'a dry run writes nothing');

      const res = await importFiles(ctx, id, 'eml', mails);
      assert.equal(res.statusCode, 200, res.body);
      const result = res.json();
      assert.equal(result.added, 2);
      assert.ok(result.rows.every((r: { receipt?: string }) => r.receipt));
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.equal(items[0].channel, 'email');
      assert.equal(items[0].body, '关于办理时限的意见\n\n建议缩短办理时限。\n\n王五');
      assert.equal(items[0].name, '王五');
      assert.equal(items[0].contact, 'wangwu@example.cn');
      assert.equal(items[0].receivedAt, '2026-03-02T01:30:00.000Z');
      assert.match(items[1].body, /^协会意见\n\n第一条应当明确适用范围。/i);
      assert.ok(!/[<>]|onerror|<script/.test(items[1].body), items[1].body);
      assert.equal(items[1].name, '某某协会');

      const again = await importFiles(ctx, id, 'eml', mails);
      assert.equal(again.statusCode, 200);
      assert.deepEqual([again.json().added, again.json().replayed], [0, 2]);
      assert.equal(await count(ctx, id), 2);

      // One bad mail among good ones: nothing is imported, and the bad one is named.
      const undated = eml({ date: null, subject: '无日期', text: '内容' });
      const refused = await importFiles(ctx, id, 'eml', [
        ['ok.eml', eml({ subject: '新的意见', text: '正文' })],
        ['undated.eml', undated],
      ]);
      assert.equal(refused.statusCode, 422, refused.body);
      const rows = refused.json().rows;
      assert.deepEqual(
        rows.map((r: { file: string; ok: boolean }) => [r.file, r.ok]),
        [
          ['ok.eml', true],
          ['undated.eml', false],
        ],
      );
      assert.equal(rows[1].problems[0].field, 'receivedAt');
      assert.equal(await count(ctx, id), 2);
      await ctx.close();
    });

    test('CSV template: errors named by row and nothing imported; then all rows with receipts', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      const template = await ctx.staff({ url: `/api/v1/consultations/${id}/import/template.csv` }, 'editor');
      assert.equal(template.statusCode, 200);
      assert.equal(template.body, `\uFEFF${CSV_HEAD}\r\n`);

      const rows = [
        '信函,2026-03-01,个人,,"建议明确""一网通办""的范围，\n并公开办理进度。",张三,13800138000,收文1号',
        '传真,2026-03-32,单位,,传真来的意见,某公司,,',
        '飞鸽传书,2026-03-02,个人,,意见,,,',
        '座谈会,2026-03-03,,第五条,座谈会上提出的意见,,,',
        '基层立法联系点,2026-03-04,个人,,联系点收集的意见,,,',
      ];
      const bad = await importFiles(ctx, id, 'csv', [['letters.csv', `\uFEFF${CSV_HEAD}\r\n${rows.join('\r\n')}\r\n`]]);
      assert.equal(bad.statusCode, 422, bad.body);
      const result = bad.json();
      assert.equal(result.imported, false);
      // Line numbers as a spreadsheet shows them (the header is line 1; the first row spans two lines).
      assert.deepEqual(
        result.rows
          .filter((r: { ok: boolean }) => !r.ok)
          .map((r: { row: number; problems: { field: string }[] }) => [r.row, r.problems.map((p) => p.field)]),
        [
          [4, ['receivedAt']],
          [5, ['channel']],
          [6, ['clause']],
        ],
      );
      assert.match(result.rows[1].problems[0].zh, /不是日期/);
      assert.equal(await count(ctx, id), 0, 'nothing half-imported');

      const header = await importFiles(ctx, id, 'csv', [['x.csv', '渠道,日期,意见内容\r\n信函,2026-03-01,意见\r\n']]);
      assert.equal(header.statusCode, 422);
      assert.match(header.json().rows[0].problems[0].zh, /缺少列：收到日期/);

      const fixed = [
        rows[0],
        '传真,2026-03-31,单位,,传真来的意见,某公司,,',
        '座谈会,2026-03-03,,,座谈会上提出的意见,,,',
        rows[4],
        rows[4],
      ];
      const ok = await importFiles(ctx, id, 'csv', [['letters.csv', `${CSV_HEAD}\n${fixed.join('\n')}\n`]]);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().added, 5, 'identical rows are separate letters');
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      assert.deepEqual(
        items.map((i: { channel: string; submitterType: string }) => [i.channel, i.submitterType]),
        [
          ['letter', 'individual'],
          ['fax', 'organization'],
          ['meeting', 'individual'],
          ['contact-point', 'individual'],
          ['contact-point', 'individual'],
        ],
      );
      assert.equal(items[0].body, '建议明确"一网通办"的范围，\n并公开办理进度。');
      const { rows: audits } = await ctx.db.query<{ after: { added: number } }>(
        "SELECT after FROM audit_log WHERE action = 'comment.import'",
      );
      assert.equal(audits[0]!.after.added, 5);
      await ctx.close();
    });

    test('published figures by channel and submitter type: feedback, report.html and report.docx', async () => {
      const ctx = await setup(fresh);
      const id = await consultation(ctx);
      assert.equal((await ctx.comment(id, { body: '网上意见一。' })).statusCode, 201);
      assert.equal(
        (await ctx.comment(id, { body: '网上意见二。', submitterType: 'organization', name: '某协会' })).statusCode,
        201,
      );
      assert.equal((await entry(ctx, id, letter, 'fig-letter')).statusCode, 201);
      const mail = eml({ subject: '邮件意见', text: '建议公开办理进度。' });
      assert.equal((await importFiles(ctx, id, 'eml', [['m.eml', mail]])).statusCode, 200);
      const items = (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items;
      for (const item of items) {
        const m = await ctx.staff(
          { method: 'PATCH', url: `/api/v1/comments/${item.id}`, payload: { moderation: 'approved' } },
          'reviewer',
        );
        assert.equal(m.statusCode, 200, m.body);
        const d = await ctx.staff(
          {
            method: 'PATCH',
            url: `/api/v1/comments/${item.id}`,
            payload: { decision: 'not-adopted', reason: '已有相关规定。' },
          },
          'reviewer',
        );
        assert.equal(d.statusCode, 200, d.body);
      }
      await signOffAll(ctx, id);
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [id]);
      const published = await publishAndWait(ctx, id);
      assert.equal(published.status, 201, JSON.stringify(published.body));

      const feedback = (await ctx.app.inject(`/api/v1/consultations/${id}/feedback`)).json();
      assert.deepEqual(feedback.summary.byChannel, {
        online: 2,
        letter: 1,
        email: 1,
        fax: 0,
        phone: 0,
        meeting: 0,
        hearing: 0,
        'contact-point': 0,
      });
      assert.deepEqual(feedback.summary.bySubmitterType, { individual: 3, organization: 1, anonymous: 0 });

      const sentence = '共收到意见4条，其中网上2条、信函1条、电子邮件1条；按提交者分，个人3条、单位1条。';
      const html = await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` });
      assert.equal(html.statusCode, 200);
      assert.ok(html.body.includes(sentence), 'report.html states the figures by channel');
      const docx = await ctx.staff({ url: `/api/v1/consultations/${id}/report.docx` });
      assert.equal(docx.statusCode, 200);
      const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
      assert.ok(xml.includes(sentence), 'report.docx states the figures by channel');
      await ctx.close();
    });
  });
}

test('gongkai-server import: files named file:line when wrong and nothing stored; then every row, once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-import-'));
  try {
    const data = join(dir, 'data');
    const db = await openDatabase({ dataDir: data });
    await migrate(db);
    await db.query(
      "INSERT INTO consultations (id, title, opens, closes) VALUES ('c-cli', '关于征求意见的公告', now() - interval '1 day', now() + interval '9 days')",
    );
    await db.close();
    const csv = join(dir, '来信登记.csv');
    writeFileSync(csv, `${CSV_HEAD}\n信函,2026-03-01,个人,,来信意见一,,,\n信函,明天,个人,,来信意见二,,,\n`);
    const mail = join(dir, 'a.eml');
    writeFileSync(mail, eml({ subject: '邮件意见', text: '正文' }));
    const run = (...args: string[]) => {
      const [cmd, argv] = serverCommand(['import', '--data', data, '--consultation', 'c-cli', ...args]);
      return spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    };
    const refused = run(csv, mail);
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, /来信登记\.csv:3: 收到日期"明天"不是日期/);
    assert.match(refused.stderr, /nothing imported: 1 of 3 rows/);
    writeFileSync(csv, `${CSV_HEAD}\n信函,2026-03-01,个人,,来信意见一,,,\n信函,2026-03-02,个人,,来信意见二,,,\n`);
    const done = run(csv, mail);
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /imported 3 comments \(0 imported before\)/);
    const again = run(csv, mail);
    assert.match(again.stdout, /imported 0 comments \(3 imported before\)/);
    const check = await openDatabase({ dataDir: data });
    const { rows } = await check.query<{ channel: string; n: number }>(
      'SELECT channel, count(*)::int AS n FROM comments GROUP BY channel ORDER BY channel',
    );
    await check.close();
    assert.deepEqual(rows, [
      { channel: 'email', n: 1 },
      { channel: 'letter', n: 2 },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
