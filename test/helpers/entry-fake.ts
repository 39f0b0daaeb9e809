// The consultation service's entry routes (issue 21, every channel) as the review console's fake
// API serves them: one comment entered, imports checked and written all or none, the template and
// the reply slip. What the server checks (dates, clauses, e-mails) is tested against the server;
// this stand-in checks enough to give the console each kind of answer.
import type { StaffPermission } from '@gongkai/format';
import { receiptFor } from '@gongkai/format';
import type { CommentItem } from '../../packages/elements/src/review/staff-api.js';

interface Call {
  method: string;
  path: string;
  query?: URLSearchParams;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function entryRoutes(
  call: Call,
  c: string,
  comments: Map<number, CommentItem>,
  may: (permission: StaffPermission) => boolean,
): Response | null {
  const { method, path } = call;
  const routes = [`${c}/entries`, `${c}/entries/attachments`, `${c}/import`, `${c}/import/template.csv`];
  const slip = new RegExp(`^${c}/comments/(\\d+)/reply-slip$`).exec(path);
  if (!routes.includes(path) && !slip) return null;
  if (!may('enterComments')) {
    return json(403, { error: 'forbidden', message: 'needs enterComments: admin or editor', needs: ['enterComments'] });
  }
  const add = (e: { channel: string; receivedAt: string; body: string; submitterType?: string; name?: string }) => {
    const id = Math.max(0, ...comments.keys()) + 1;
    const item: CommentItem = {
      id,
      receipt: receiptFor(`E${id}`),
      clause: null,
      clauseLabel: null,
      body: e.body,
      submitterType: (e.submitterType ?? 'individual') as CommentItem['submitterType'],
      name: e.name ?? null,
      contact: null,
      moderation: 'pending',
      decision: null,
      reason: null,
      removalReason: null,
      group: null,
      submitted: new Date().toISOString(),
      etag: `"${id}-1"`,
      channel: e.channel as CommentItem['channel'],
      receivedAt: new Date(`${e.receivedAt}T00:00:00+08:00`).toISOString(),
      originalRef: null,
    };
    comments.set(id, item);
    return item;
  };
  // A scan uploaded: a token named after the file, so a test can follow which one an entry names.
  if (method === 'POST' && path === `${c}/entries/attachments`) {
    const name = call.query?.get('name') ?? 'file';
    return json(201, { token: `token-${name}`, name, type: 'application/pdf', size: 1000, scan: 'unscanned' });
  }
  if (method === 'POST' && path === `${c}/entries`) {
    const e = call.body as { channel: string; receivedAt: string; body: string };
    if (!DAY.test(e.receivedAt) || e.receivedAt > new Date().toISOString().slice(0, 10)) {
      const zh = '收到日期晚于今天';
      return json(400, {
        error: 'invalid',
        message: '$.receivedAt: in the future',
        zh,
        problems: [{ path: '$.receivedAt', message: 'the date received is in the future', zh }],
      });
    }
    const item = add(e);
    return json(201, {
      id: item.id,
      receipt: item.receipt,
      status: 'received',
      slip: `/api/v1${c}/comments/${item.id}/reply-slip`,
    });
  }
  if (method === 'GET' && path === `${c}/import/template.csv`) {
    return new Response('\uFEFF渠道,收到日期,提交者类型,条款,意见内容,姓名或单位,联系方式,原件编号\r\n', {
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  }
  if (method === 'GET' && slip) {
    const item = comments.get(Number(slip[1]));
    return item
      ? new Response(`<!doctype html><title>意见回执</title><p>${item.receipt}</p>`, {
          headers: { 'content-type': 'text/html' },
        })
      : json(404, { error: 'not-found', message: 'no such comment' });
  }
  // An import: CSV rows read plainly (no quoted commas in the examples), e-mails by their Date.
  const { format, files, dryRun } = call.body as {
    format: 'eml' | 'csv';
    files: { name: string; data: string }[];
    dryRun?: boolean;
  };
  const text = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
  const rows = files.flatMap((f) => {
    if (format === 'eml') {
      const date = /^Date: (.+)$/m.exec(text(f.data))?.[1];
      const body = /\r?\n\r?\n([\s\S]*)$/.exec(text(f.data))?.[1]?.trim() ?? '';
      return [
        {
          file: f.name,
          row: 1,
          entry: date ? { channel: 'email', receivedAt: new Date(date).toISOString().slice(0, 10), body } : null,
        },
      ];
    }
    return text(f.data)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((line, i) => ({ line, row: i + 1 }))
      .slice(1)
      .filter((x) => x.line.trim())
      .map(({ line, row }) => {
        const [channel = '', receivedAt = '', , , body = ''] = line.split(',');
        const ok = DAY.test(receivedAt) && body.trim();
        return {
          file: f.name,
          row,
          entry: ok ? { channel: channel === '信函' ? 'letter' : 'meeting', receivedAt, body } : null,
          receivedAt,
        };
      });
  });
  const results = rows.map((r) =>
    r.entry
      ? { file: r.file, row: r.row, ok: true }
      : {
          file: r.file,
          row: r.row,
          ok: false,
          problems: [
            format === 'eml'
              ? {
                  field: 'receivedAt',
                  message: 'the mail has no Date header',
                  zh: '邮件没有发送日期（Date），请手工录入并填写收到日期',
                }
              : {
                  field: 'receivedAt',
                  message: `"${'receivedAt' in r ? r.receivedAt : ''}" is not a date`,
                  zh: `收到日期"${'receivedAt' in r ? r.receivedAt : ''}"不是日期（例如 2026-03-05）`,
                },
          ],
        },
  );
  const failed = results.filter((r) => !r.ok).length;
  if (failed || dryRun) {
    return json(failed ? 422 : 200, {
      imported: false,
      dryRun: Boolean(dryRun),
      added: 0,
      replayed: 0,
      failed,
      rows: results,
    });
  }
  const done = rows.map((r, i) => ({ ...results[i]!, receipt: add(r.entry!).receipt }));
  return json(200, { imported: true, dryRun: false, added: done.length, replayed: 0, failed: 0, rows: done });
}
