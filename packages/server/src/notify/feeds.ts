// The same events as feeds, for readers and other systems: Atom per site and per policy (`feed`),
// and the comment deadlines as an ICS calendar (`ical-generator`). Public, cached, no personal data.
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import ical from 'ical-generator';
import type { Queryable } from '../db/database.js';
import { notFound } from '../lib/errors.js';

interface EventRow {
  id: string;
  kind: string;
  at: Date;
  payload: Record<string, unknown>;
}

const TITLES: Record<string, (p: Record<string, unknown>) => string> = {
  'consultation.opened': (p) => `开始征求意见：${p.title}`,
  'consultation.closing': (p) => `征求意见还有 ${p.days} 天截止：${p.title}`,
  'window.changed': (p) => `征求意见期限变更：${p.title}`,
  'feedback.published': (p) => `意见采纳情况已公布：${p.title}`,
  'policy.version': (p) => `文件已更新（第 ${p.version} 版）：${p.title}`,
};

const describe = (e: EventRow): string => {
  const p = e.payload;
  const when = (v: unknown) => (typeof v === 'string' ? new Date(v).toISOString().slice(0, 16).replace('T', ' ') : '');
  switch (e.kind) {
    case 'window.changed':
      return `${when(p.opens)} – ${when(p.closes)} UTC。${p.reason ? `理由：${p.reason}` : '未说明理由。'}`;
    case 'consultation.opened':
    case 'consultation.closing':
      return `${when(p.opens)} – ${when(p.closes)} UTC`;
    case 'policy.version':
      return typeof p.note === 'string' ? p.note : '';
    default:
      return '';
  }
};

export interface FeedAnswer {
  body: string;
  type: string;
  etag: string;
}

const answer = (body: string, type: string): FeedAnswer => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

export async function atomFeed(db: Queryable, base: string, policy?: string): Promise<FeedAnswer> {
  let title = '公开征求意见：动态';
  if (policy) {
    const { rows } = await db.query<{ title: string | null }>(
      "SELECT bundle->>'title' AS title FROM policies WHERE id = $1",
      [policy],
    );
    if (!rows[0]) throw notFound(`policy with id ${policy}`);
    title = `${rows[0].title ?? policy}：动态`;
  }
  const { rows } = await db.query<EventRow>(
    `SELECT id, kind, at, payload FROM notify_events
     WHERE at <= now() AND NOT withdrawn AND ($1::text IS NULL OR policy_id = $1::text)
     ORDER BY at DESC, id DESC LIMIT 50`,
    [policy ?? null],
  );
  const root = base.replace(/\/$/, '');
  const self = policy
    ? `${root}/api/v1/feeds/policies/${encodeURIComponent(policy)}/atom`
    : `${root}/api/v1/feeds/atom`;
  const feed = new Feed({
    id: self,
    title,
    link: root,
    language: 'zh-Hans',
    updated: rows[0] ? new Date(rows[0].at) : new Date(0),
    feedLinks: { atom: self },
    copyright: '',
    generator: 'Gongkai',
  });
  for (const e of rows) {
    const p = e.payload;
    const page = typeof p.pageUrl === 'string' ? new URL(p.pageUrl, `${root}/`).href : null;
    const link =
      e.kind === 'feedback.published' && !page
        ? `${root}/api/v1/consultations/${p.consultation}/feedback`
        : e.kind === 'policy.version'
          ? `${root}/api/v1/policies/${p.policy}?version=${p.version}`
          : (page ?? `${root}/api/v1/consultations/${p.consultation}`);
    feed.addItem({
      id: `tag:gongkai,2026:event/${e.id}`,
      title: (TITLES[e.kind] ?? ((x) => String(x.title)))(p),
      link,
      date: new Date(e.at),
      description: describe(e),
    });
  }
  return answer(feed.atom1(), 'application/atom+xml; charset=utf-8');
}

/** Comment deadlines of consultations still open or closed within the last 90 days. */
export async function deadlinesCalendar(db: Queryable, base: string, policy?: string): Promise<FeedAnswer> {
  const { rows } = await db.query<{ id: string; title: string; opens: Date; closes: Date; page_url: string | null }>(
    `SELECT id, title, opens, closes, page_url FROM consultations
     WHERE closes > now() - interval '90 days' AND ($1::text IS NULL OR policy_id = $1::text)
     ORDER BY closes, id LIMIT 1000`,
    [policy ?? null],
  );
  const root = base.replace(/\/$/, '');
  const host = new URL(root).hostname || 'localhost';
  const calendar = ical({
    name: '征求意见截止日期',
    prodId: { company: 'Gongkai', product: 'deadlines', language: 'ZH' },
  });
  for (const c of rows) {
    const closes = new Date(c.closes);
    calendar.createEvent({
      id: `consultation-${c.id}@${host}`,
      start: closes,
      end: closes,
      summary: `征求意见截止：${c.title}`,
      description: `征求意见期：${new Date(c.opens).toISOString()} – ${closes.toISOString()}`,
      url: c.page_url ? new URL(c.page_url, `${root}/`).href : `${root}/api/v1/consultations/${c.id}`,
    });
  }
  return answer(calendar.toString(), 'text/calendar; charset=utf-8');
}
