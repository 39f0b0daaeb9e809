// Issue 21, attachments: files checked by their bytes (not their name), capped while they stream,
// kept in a file store outside the database, joined to a comment by token (a retry never doubles
// them), served to staff only (audited, downloaded, sandboxed), public only once published with
// the feedback, never served while the virus scanner has not passed them.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { attachmentOptions, ClamdScanner, DirectoryStore } from '@gongkai/server';
import { Document, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, key, publishAndWait, setup, signOffAll } from './helpers.js';

after(closeDatabases);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file the directory store holds (none half-written). */
const storedFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

let docx: Buffer;
before(async () => {
  docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('关于第三条的补充材料')] }] }));
});

// A scanner with clamdscan's arguments and exit codes: exit 1 for the EICAR test string, 2 while
// the file named by GK_FAKE_SCANNER_DOWN exists (the daemon is away).
function fakeScanner(): { path: string; down: string } {
  const dir = tempDir('gk-scanner-');
  const path = join(dir, 'clamdscan');
  const down = join(dir, 'down');
  writeFileSync(
    path,
    `#!/usr/bin/env node
const fs = require('node:fs');
if (process.argv[2] === '--version') { console.log('ClamAV 1.0.0 (fake)'); process.exit(0); }
if (fs.existsSync(${JSON.stringify(down)})) { console.error('ERROR: Could not connect to clamd'); process.exit(2); }
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  if (Buffer.concat(chunks).includes(${JSON.stringify(EICAR)})) { console.log('stdin: Eicar-Test-Signature FOUND'); process.exit(1); }
  console.log('stdin: OK'); process.exit(0);
});
`,
  );
  chmodSync(path, 0o755);
  return { path, down };
}

for (const { name, fresh } of databases) {
  describe(`attachments on ${name}`, () => {
    let ctx: Ctx;
    let files: string;
    let scanner: ReturnType<typeof fakeScanner>;
    before(async () => {
      files = tempDir('gk-files-');
      scanner = fakeScanner();
      ctx = await setup(fresh, {
        attachments: {
          store: new DirectoryStore(files),
          maxFiles: 3,
          maxBytes: 10 * 1024 * 1024,
          uploadLimit: { max: 1000, windowSeconds: 600 },
          scanner: new ClamdScanner(scanner.path),
        },
      });
    });
    after(() => ctx.close());

    const upload = (id: string, payload: Buffer | Readable, fileName = 'file.pdf', headers = {}) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/attachments?name=${encodeURIComponent(fileName)}`,
        headers: { 'content-type': 'application/pdf', ...headers },
        payload,
      });
    const commentWith = async (id: string, tokens: string[], k = key()) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${id}/comments`,
        headers: { 'idempotency-key': k },
        payload: { body: '建议第三条增加公示期限，材料见附件。', attachments: tokens },
      });
    const commentId = async (id: string) =>
      (await ctx.staff({ url: `/api/v1/consultations/${id}/comments` })).json().items[0].id as number;
    const listOf = async (comment: number) =>
      (await ctx.staff({ url: `/api/v1/comments/${comment}/attachments` })).json().items as {
        id: number;
        name: string;
        type: string;
        size: number;
        scan: string;
        published: boolean;
      }[];

    test('a file is stored by the type its bytes show, joins its comment, and staff read it with safe headers', async () => {
      const c = await consultation(ctx);
      const pdf = await upload(c, PDF, '意见材料.pdf');
      assert.equal(pdf.statusCode, 201, pdf.body);
      assert.equal(pdf.json().type, 'application/pdf');
      assert.equal(pdf.json().scan, 'clean');
      // Named .pdf, holding a PNG: kept as what it is, and downloaded under that type's extension.
      const png = await upload(c, PNG, '现场照片.pdf', { 'content-type': 'application/pdf' });
      assert.equal(png.statusCode, 201, png.body);
      assert.equal(png.json().type, 'image/png');
      const word = await upload(c, docx, '补充说明.docx');
      assert.equal(word.json().type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');

      const k = key();
      const tokens = [pdf.json().token, png.json().token, word.json().token];
      assert.equal((await commentWith(c, tokens, k)).statusCode, 201);
      // The same request again (a retry after a lost answer): the same comment, the files once.
      const again = await commentWith(c, tokens, k);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      const comment = await commentId(c);
      const list = await listOf(comment);
      assert.deepEqual(
        list.map((a) => [a.name, a.type, a.scan, a.published]),
        [
          ['意见材料.pdf', 'application/pdf', 'clean', false],
          ['现场照片.pdf', 'image/png', 'clean', false],
          ['补充说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'clean', false],
        ],
      );

      const res = await ctx.staff({ url: `/api/v1/attachments/${list[1]!.id}` }, 'reviewer');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.rawPayload, PNG);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="____\.png"; filename\*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87\.png$/,
      );
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['content-security-policy'], "sandbox; default-src 'none'");
      assert.equal(res.headers['cache-control'], 'no-store');
      const audit = (await ctx.staff({ url: `/api/v1/consultations/${c}/audit` })).json().items as {
        action: string;
        commentId: number;
        after: { attachment: number };
      }[];
      const read = audit.find((e) => e.action === 'attachment.read');
      assert.equal(read?.commentId, comment);
      assert.equal(read?.after.attachment, list[1]!.id);
    });

    test('files that are none of the four types are refused with the type found, and nothing is kept', async () => {
      const c = await consultation(ctx);
      const before = storedFiles(files).length;
      const exe = await upload(c, EXE, '通知.pdf');
      assert.equal(exe.statusCode, 415);
      assert.equal(exe.json().error, 'unsupported-type');
      assert.match(exe.json().message, /Windows program/);
      assert.equal(
        exe.json().zh,
        '该文件实际是Windows 可执行程序（.exe/.dll），只能上传 PDF、JPEG、PNG 或 Word（.docx）文件',
      );
      const xlsx = await upload(
        c,
        Buffer.from(zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/workbook.xml': new Uint8Array(10) })),
        '表格.docx',
      );
      assert.equal(xlsx.statusCode, 415);
      assert.match(xlsx.json().message, /Excel workbook/);
      const zip = await upload(c, Buffer.from(zipSync({ 'a.txt': new Uint8Array(10) })), 'a.docx');
      assert.match(zip.json().message, /a ZIP archive/);
      const html = await upload(c, Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'x.png');
      assert.equal(html.statusCode, 415);
      assert.match(html.json().message, /HTML/);
      assert.equal(storedFiles(files).length, before);
      assert.equal((await upload(c, JPEG, 'p.jpg')).json().type, 'image/jpeg');
    });

    test('a file over the limit is refused while it streams, long before its end, and nothing is kept', async () => {
      const c = await consultation(ctx);
      const before = storedFiles(files).length;
      const chunk = Buffer.concat([PDF, Buffer.alloc(64 * 1024 - PDF.length, 0x20)]);
      let pulled = 0;
      const total = 11 * 1024 * 1024;
      // Made as it is read: the test holds one chunk, never 11 MB.
      const body = new Readable({
        read() {
          if (pulled >= total) return this.push(null);
          pulled += chunk.length;
          this.push(chunk);
        },
      });
      const res = await upload(c, body);
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error, 'file-too-large');
      assert.equal(res.json().zh, '单个文件不能超过 10 MB');
      assert.ok(pulled < total, `read ${pulled} bytes of ${total} before answering`);
      assert.equal(res.headers.connection, 'close');
      assert.equal(storedFiles(files).length, before);
      // A Content-Length over the limit is refused before a byte is read.
      const declared = await upload(c, PDF, 'x.pdf', { 'content-length': String(total) });
      assert.equal(declared.statusCode, 413);
    });

    test('a comment names at most the configured number of files, and only its own uploads', async () => {
      const c = await consultation(ctx);
      const tokens = [];
      for (let i = 0; i < 4; i++) tokens.push((await upload(c, PDF)).json().token as string);
      const tooMany = await commentWith(c, tokens);
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().error, 'too-many-files');
      assert.match(tooMany.json().zh, /最多附 3 个文件/);
      const none = await ctx.staff({ url: `/api/v1/consultations/${c}/comments` });
      assert.equal(none.json().items.length, 0, 'the refused comment was not stored');
      assert.equal((await commentWith(c, tokens.slice(0, 2))).statusCode, 201);
      // Another comment cannot take a file already joined to one.
      const stolen = await commentWith(c, [tokens[0]!]);
      assert.equal(stolen.statusCode, 422);
      assert.equal(stolen.json().error, 'attachment-unknown');
      assert.deepEqual(stolen.json().tokens, [tokens[0]]);
      // A token of another consultation is unknown here.
      const other = await consultation(ctx);
      assert.equal((await commentWith(other, [tokens[3]!])).json().error, 'attachment-unknown');
    });

    test('uploads no comment named expire: the file and its row go, and the token is refused', async () => {
      const c = await consultation(ctx);
      const up = (await upload(c, PDF)).json();
      const count = storedFiles(files).length;
      await ctx.db.query("UPDATE attachments SET created_at = now() - interval '26 hours' WHERE consultation_id = $1", [
        c,
      ]);
      const refused = await commentWith(c, [up.token]);
      assert.equal(refused.json().error, 'attachment-unknown');
      const { expired } = await sweep(ctx);
      assert.ok(expired >= 1);
      assert.equal(storedFiles(files).length, count - 1);
      const { rows } = await ctx.db.query('SELECT 1 FROM attachments WHERE consultation_id = $1', [c]);
      assert.equal(rows.length, 0);
    });

    test('the public never reaches a file; staff publish one with the feedback and then it is public', async () => {
      const c = await consultation(ctx);
      const up = (await upload(c, PNG, '图.png')).json();
      const secret = (await upload(c, PDF, '身份证明.pdf')).json();
      assert.equal((await commentWith(c, [up.token, secret.token])).statusCode, 201);
      const comment = await commentId(c);
      const [png, pdf] = await listOf(comment);
      // Without a token, or with the public route before anything is published: nothing.
      assert.equal((await ctx.app.inject({ url: `/api/v1/attachments/${png!.id}` })).statusCode, 401);
      const early = await ctx.app.inject({ url: `/api/v1/consultations/${c}/feedback/attachments/${png!.id}` });
      assert.equal(early.statusCode, 404);
      // A reviewer may not publish; an editor may, audited.
      const patch = (id: number, published: boolean, as: 'reviewer' | 'editor') =>
        ctx.staff({ method: 'PATCH', url: `/api/v1/attachments/${id}`, payload: { published } }, as);
      assert.equal((await patch(png!.id, true, 'reviewer')).statusCode, 403);
      const marked = await patch(png!.id, true, 'editor');
      assert.equal(marked.statusCode, 200);
      assert.equal(marked.json().published, true);
      // Marked, but the feedback is not out yet: still private.
      assert.equal(
        (await ctx.app.inject({ url: `/api/v1/consultations/${c}/feedback/attachments/${png!.id}` })).statusCode,
        404,
      );

      assert.equal(
        (
          await ctx.staff(
            {
              method: 'PATCH',
              url: `/api/v1/comments/${comment}`,
              payload: { moderation: 'approved', decision: 'adopted' },
            },
            'reviewer',
          )
        ).statusCode,
        200,
      );
      await ctx.db.query("UPDATE consultations SET closes = now() - interval '1 hour' WHERE id = $1", [c]);
      await signOffAll(ctx, c);
      const published = await publishAndWait(ctx, c, 'editor');
      assert.equal(published.status, 201, JSON.stringify(published.body));

      const listed = (await ctx.app.inject({ url: `/api/v1/consultations/${c}/feedback/attachments` })).json();
      assert.deepEqual(
        listed.items.map((i: { id: number; name: string; no: number }) => [i.id, i.name, i.no]),
        [[png!.id, '图.png', 1]],
      );
      const file = await ctx.app.inject({ url: listed.items[0].url });
      assert.equal(file.statusCode, 200);
      assert.deepEqual(file.rawPayload, PNG);
      assert.equal(file.headers['content-disposition']?.toString().startsWith('attachment;'), true);
      assert.equal(file.headers['x-content-type-options'], 'nosniff');
      assert.equal(file.headers['content-security-policy'], "sandbox; default-src 'none'");
      // The other file of the same comment stays private.
      assert.equal(
        (await ctx.app.inject({ url: `/api/v1/consultations/${c}/feedback/attachments/${pdf!.id}` })).statusCode,
        404,
      );
      // Taken back: private again at once.
      assert.equal((await patch(png!.id, false, 'editor')).statusCode, 200);
      assert.equal((await ctx.app.inject({ url: listed.items[0].url })).statusCode, 404);
      const actions = (await ctx.staff({ url: `/api/v1/consultations/${c}/audit` }))
        .json()
        .items.map((e: { action: string }) => e.action);
      assert.ok(actions.includes('attachment.publish') && actions.includes('attachment.unpublish'));
    });

    test('a token limited to another consultation cannot list or read its files', async () => {
      const c = await consultation(ctx);
      const up = (await upload(c, PDF)).json();
      await commentWith(c, [up.token]);
      const comment = await commentId(c);
      const [file] = await listOf(comment);
      const other = await consultation(ctx);
      const scoped = await ctx.staff({
        method: 'POST',
        url: '/api/v1/staff/tokens',
        payload: { role: 'reviewer', consultations: [other] },
      });
      const auth = { authorization: `Bearer ${scoped.json().token}` };
      assert.equal((await ctx.app.inject({ url: `/api/v1/attachments/${file!.id}`, headers: auth })).statusCode, 403);
      assert.equal(
        (await ctx.app.inject({ url: `/api/v1/comments/${comment}/attachments`, headers: auth })).statusCode,
        403,
      );
    });

    test('the virus scanner: malware is refused and not kept; a file not yet scanned is not served', async () => {
      const c = await consultation(ctx);
      const before = storedFiles(files).length;
      const infected = await upload(c, Buffer.concat([PDF, Buffer.from(EICAR)]), 'eicar.pdf');
      assert.equal(infected.statusCode, 422);
      assert.equal(infected.json().error, 'infected');
      assert.equal(storedFiles(files).length, before);

      writeFileSync(scanner.down, '');
      try {
        const waiting = await upload(c, PDF, 'later.pdf');
        assert.equal(waiting.statusCode, 201);
        assert.equal(waiting.json().scan, 'pending');
        assert.equal((await commentWith(c, [waiting.json().token])).statusCode, 201);
        const [file] = await listOf(await commentId(c));
        const res = await ctx.staff({ url: `/api/v1/attachments/${file!.id}` });
        assert.equal(res.statusCode, 409);
        assert.equal(res.json().error, 'scan-pending');
        const publish = await ctx.staff({
          method: 'PATCH',
          url: `/api/v1/attachments/${file!.id}`,
          payload: { published: true },
        });
        assert.equal(publish.statusCode, 409);
        rmSync(scanner.down);
        // The scanner is back: the job scans what waited.
        assert.ok((await sweep(ctx)).scanned >= 1);
        assert.equal((await ctx.staff({ url: `/api/v1/attachments/${file!.id}` })).statusCode, 200);
      } finally {
        rmSync(scanner.down, { force: true });
      }
    });
  });
}

for (const { name, fresh } of databases) {
  describe(`attachment limits on ${name}`, () => {
    test('uploads past --upload-rate wait (429 with Retry-After); a server without attachments refuses them by name', async () => {
      const ctx = await setup(fresh, {
        attachments: { store: new DirectoryStore(tempDir('gk-files-')), uploadLimit: { max: 2, windowSeconds: 600 } },
      });
      try {
        const c = await consultation(ctx);
        const up = () =>
          ctx.app.inject({ method: 'POST', url: `/api/v1/consultations/${c}/attachments`, payload: PDF });
        assert.equal((await up()).statusCode, 201);
        assert.equal((await up()).statusCode, 201);
        const third = await up();
        assert.equal(third.statusCode, 429);
        assert.ok(Number(third.headers['retry-after']) > 0);
      } finally {
        await ctx.close();
      }
      const off = await setup(fresh);
      try {
        const c = await consultation(off);
        assert.equal(
          (await off.app.inject({ method: 'POST', url: `/api/v1/consultations/${c}/attachments`, payload: PDF }))
            .statusCode,
          404,
        );
        const res = await off.comment(c, { body: '意见', attachments: ['abcdefghijklmnopqrstuvwx'] });
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().error, 'attachments-off');
      } finally {
        await off.close();
      }
    });
  });
}

/** Runs the attachments job's sweep now (the job does every ten minutes). */
async function sweep(ctx: Ctx): Promise<{ expired: number; scanned: number }> {
  assert.ok(ctx.app.attachments, 'attachments are configured');
  return ctx.app.attachments.sweep();
}

describe('start-up options', () => {
  test('a virus scanner that cannot be run stops the start with one line naming it', async () => {
    await assert.rejects(
      attachmentOptions({ clamd: '/nonexistent/clamdscan' }, tempDir('gk-data-')),
      /virus scanner "\/nonexistent\/clamdscan" cannot be run/,
    );
  });
  test('limits are read from --attachments FILES/MB and mistakes are named', async () => {
    const options = await attachmentOptions({ attachments: '2/1.5' }, tempDir('gk-data-'), {});
    assert.equal(options?.maxFiles, 2);
    assert.equal(options?.maxBytes, 1.5 * 1024 * 1024);
    assert.equal(await attachmentOptions({ attachments: 'off' }, '.', {}), undefined);
    await assert.rejects(attachmentOptions({ attachments: 'five' }, '.', {}), /--attachments is FILES\/MB/);
  });
});
