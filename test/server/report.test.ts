// The printable 意见采纳情况说明 at size: streamed from the database a page at a time, every comment
// that would be published listed once, in order, masked and escaped, beside counts made in the
// database; and a failure part-way cuts the answer off rather than ending it as if complete.
import assert from 'node:assert/strict';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { gunzipSync, constants as zlib } from 'node:zlib';
import type { Database } from '@gongkai/server';
import { closeDatabases, databases } from './databases.js';
import { type Ctx, consultation, setup } from './helpers.js';

after(closeDatabases);

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

const SIZE = 4500;
const DECISIONS = ['adopted', 'adopted', 'adopted', 'not-adopted', 'not-adopted', 'partly-adopted', 'out-of-scope'];
const LABELS: Record<string, string> = {
  adopted: '采纳',
  'not-adopted': '不予采纳',
  'partly-adopted': '部分采纳',
  'out-of-scope': '不属于本次征求意见范围',
};

/**
 * Comment n (1…SIZE): every seventh on another consultation (their ids interleave); by n % 10,
 * 0 removed as 广告, 1 awaiting moderation, 2 approved and undecided, 3–9 decided as DECISIONS[k - 3].
 */
async function fill(ctx: Ctx, id: string, other: string) {
  await ctx.db.query(
    `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, clause, body, name, moderation,
       decision, reason, removal_reason)
     SELECT CASE WHEN n % 7 = 0 THEN $2 ELSE $1 END, 'R' || n, 'k' || n, 'h',
       (ARRAY[NULL, '1.3', 'a12'])[n % 3 + 1], '第' || n || '条<b>意见</b> & "引号" 电话13900001234',
       CASE WHEN n % 2 = 0 THEN '张三' END,
       CASE WHEN n % 10 = 0 THEN 'rejected' WHEN n % 10 = 1 THEN 'pending' ELSE 'approved' END,
       CASE WHEN n % 10 >= 3 THEN ($3::text[])[n % 10 - 2] END,
       CASE WHEN n % 10 >= 6 THEN '理由<i>' || n END,
       CASE WHEN n % 10 = 0 THEN '广告' END
     FROM generate_series(1, $4::int) AS n`,
    [id, other, DECISIONS, SIZE],
  );
}

/** The report as a browser receives it over HTTP: its headers, its chunks, and whether it ended whole. */
function download(url: string, headers: Record<string, string>) {
  return new Promise<{ res: IncomingMessage; chunks: Buffer[]; complete: boolean }>((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A cut answer ends with an error ("aborted"), a whole one with 'end': either way, say which.
      res.on('error', () => {});
      res.on('close', () => resolve({ res, chunks, complete: res.complete }));
    }).on('error', reject);
  });
}

for (const { name, fresh } of databases) {
  describe(`the printed report at size on ${name}`, () => {
    test('lists every comment that would be published exactly once, in order, masked and escaped, with counts from the database', async () => {
      const ctx = await setup(fresh, { jobs: false });
      await ctx.staff({ method: 'PUT', url: '/api/v1/policies/plan', payload: policy });
      const id = await consultation(ctx, { policyId: 'plan' });
      const other = await consultation(ctx);
      await fill(ctx, id, other);
      const ours = Array.from({ length: SIZE }, (_, i) => i + 1).filter((n) => n % 7 !== 0);
      const listed = ours.filter((n) => n % 10 >= 3);

      const plain = await ctx.staff({ url: `/api/v1/consultations/${id}/report.html` });
      assert.equal(plain.statusCode, 200);
      const report = plain.body;
      assert.ok(report.endsWith('</tbody></table>\n</body></html>\n'));
      const table = report.slice(report.indexOf('<h2>逐条说明</h2>'));
      const rows = [
        ...table.matchAll(
          /<tr><td>(\d+)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g,
        ),
      ];
      assert.equal(rows.length, listed.length);
      const clauseOf = (n: number) => ['全文', '一、（三）工作目标', '第十二条'][n % 3];
      rows.forEach((row, i) => {
        const n = listed[i]!;
        const decision = DECISIONS[(n % 10) - 3]!;
        assert.deepEqual(
          row.slice(1),
          [
            String(i + 1),
            clauseOf(n),
            `第${n}条&#60;b&#62;意见&#60;/b&#62; &#38; &#34;引号&#34; 电话［电话已隐去］`,
            n % 2 === 0 ? '张*' : '',
            LABELS[decision],
            n % 10 >= 6 ? `理由&#60;i&#62;${n}` : '',
          ],
          `row ${i + 1}`,
        );
      });
      assert.doesNotMatch(report, /<b>|<i>|13900001234|张三/);

      const count = (k: (n: number) => boolean) => ours.filter(k).length;
      const decided = (d: string) => count((n) => n % 10 >= 3 && DECISIONS[(n % 10) - 3] === d);
      const removed = count((n) => n % 10 === 0);
      const pending = count((n) => n % 10 === 1 || n % 10 === 2);
      assert.ok(
        report.includes(
          `共收到意见${ours.length}条，其中采纳${decided('adopted')}条，部分采纳${decided('partly-adopted')}条，不予采纳${decided('not-adopted')}条，不属于本次征求意见范围${decided('out-of-scope')}条，经审核删除${removed}条（其中广告${removed}条），尚未处理${pending}条。`,
        ),
      );
      assert.ok(
        report.includes(
          `尚有 ${pending} 条意见未处理（未审核 ${count((n) => n % 10 === 1)} 条，未作处理 ${count((n) => n % 10 === 2)} 条）`,
        ),
      );
      // The table by clause, in the draft's order, whole text first.
      const byClause = [0, 1, 2].map((r) => {
        const of = ours.filter((n) => n % 3 === r);
        const [received, shown, gone] = [
          of.length,
          of.filter((n) => n % 10 >= 3).length,
          of.filter((n) => n % 10 === 0).length,
        ];
        return `<tr><td>${clauseOf(r)}</td><td>${received}</td><td>${shown}</td><td>${gone}</td><td>${received - shown - gone}</td></tr>`;
      });
      assert.ok(report.includes(byClause.join('\n')), byClause.join('\n'));

      // Compressed as it goes, to the same text; the export is audited with the number listed.
      const gz = await ctx.staff({
        url: `/api/v1/consultations/${id}/report.html`,
        headers: { 'accept-encoding': 'gzip' },
      });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString(), report);
      const log = (await ctx.staff({ url: `/api/v1/consultations/${id}/audit` })).json().items;
      const exports = log.filter((e: { action: string }) => e.action === 'export.report');
      assert.deepEqual(
        exports.map((e: { after: unknown }) => e.after),
        [{ comments: listed.length }, { comments: listed.length }],
      );
      await ctx.close();
    });

    test('is sent as it is read, in chunks; the database lost part-way cuts the answer off', async () => {
      // The database as the server sees it: once a page of comments has been read, the comments
      // table goes away (renamed), so the next page fails in the database itself.
      let armed = false;
      let real: Database | undefined;
      const ctx = await setup(
        async () => {
          real = await fresh();
          const db = real;
          return {
            ...db,
            async query<T>(sql: string, params?: unknown[]) {
              const result = await db.query<T>(sql, params);
              if (armed && result.rows.length > 100) {
                armed = false;
                await db.exec('ALTER TABLE comments RENAME TO comments_gone');
              }
              return result;
            },
          };
        },
        { jobs: false },
      );
      const id = await consultation(ctx);
      await ctx.db.query(
        `INSERT INTO comments (consultation_id, receipt, idempotency_key, request_hash, body, moderation, decision)
         SELECT $1, 'R' || n, 'k' || n, 'h', '第' || n || '条意见', 'approved', 'adopted'
         FROM generate_series(1, 5000) AS n`,
        [id],
      );
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}/api/v1/consultations/${id}/report.html`;
      try {
        for (const encoding of ['identity', 'gzip']) {
          const headers = { authorization: `Bearer ${ctx.tokens.admin}`, 'accept-encoding': encoding };
          const whole = await download(url, headers);
          assert.equal(whole.res.statusCode, 200);
          assert.equal(whole.res.headers['content-length'], undefined);
          assert.equal(whole.res.headers['transfer-encoding'], 'chunked');
          assert.ok(whole.chunks.length > 1);
          assert.equal(whole.complete, true);
          const body = Buffer.concat(whole.chunks);
          const text = (encoding === 'gzip' ? gunzipSync(body) : body).toString();
          assert.ok(text.endsWith('</tbody></table>\n</body></html>\n'));
          assert.match(text, /<tr><td>5000<\/td><td>全文<\/td><td>第5000条意见<\/td>/);

          armed = true;
          const cut = await download(url, headers);
          await real!.exec('ALTER TABLE comments_gone RENAME TO comments');
          assert.equal(armed, false, 'the database was lost part-way');
          // The head and the first page were already sent: the client sees a cut answer, never a 500 or an end.
          assert.equal(cut.res.statusCode, 200);
          assert.equal(cut.complete, false, `${encoding}: a cut answer must not end as if whole`);
          const sent = Buffer.concat(cut.chunks);
          const partial = (
            encoding === 'gzip' ? gunzipSync(sent, { finishFlush: zlib.Z_SYNC_FLUSH }) : sent
          ).toString();
          assert.doesNotMatch(partial, /<\/html>/);
          if (encoding === 'identity') {
            assert.ok(partial.startsWith('<!doctype html>'));
            assert.ok(partial.includes('<tr><td>2000</td>'));
          }
        }
      } finally {
        await ctx.close();
      }
    });
  });
}
