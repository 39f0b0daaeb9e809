// The 因意见修改 endpoints (issue 19) in front of the staff stand-in (review-fake-api.ts), as
// packages/server/src/routes/changes.ts answers them: `GET …/comments/:comment/changes` (the next
// version's changes, what is linked, the server's own suggestions) and `PUT` (decide permission,
// 400 naming unknown keys, 409 for a comment not adopted or in no group, a campaign's adopted
// copies linked with `group`). Every comment was made on version 1; the later version is 2.
import { type Bundle, type Clause, type Comparison, changeKey, compareTexts } from '@gongkai/format';
import { suggestChanges } from '../../packages/server/src/changes.js';
import { rolesWithAny } from '../../packages/server/src/lib/permissions.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, type ReviewFakeApi, TOKENS } from './review-fake-api.js';

const ADOPTED = ['adopted', 'partly-adopted'];
const ROUTE = new RegExp(`^${REVIEW_ENDPOINT}/consultations/${REVIEW_CONSULTATION}/comments/(\\d+)/changes$`);

export interface ChangesFake {
  /** What was linked, by comment. */
  links: Map<number, string[]>;
  /** The comments whose changes were read, in order. */
  reads: number[];
  /** Answers for the next PUTs instead of the server's (a role that lost its permission). */
  failures: { status: number; body: object }[];
  /** The bodies of the PUTs, in order. */
  puts: { comment: number; body: { version: number; changes: string[]; group?: boolean } }[];
  comparison: Comparison;
  restore(): void;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The 鄂州 draft's next version (正式稿): 二、(一)1. gains the query terminals comment 1 asked for,
 * 二、(四)15. publishes the yearly appraisal the campaign asked for, and 二、(五)18. adds 图解.
 */
export function ezhouFinal(draft: Bundle): Clause[] {
  const edits: Record<string, (text: string) => string> = {
    '2.1.1': (t) => t.replace('方便公众获取和监督', '在各政务服务大厅设置查询终端，方便公众获取和监督'),
    '2.4.15': (t) =>
      t.replace('说明不予采纳的理由。', '说明不予采纳的理由。政务公开工作纳入绩效考核，考核结果每年向社会公布。'),
    '2.5.18': (t) => t.replace('将相关解读材料', '将相关解读材料和图解'),
  };
  return (draft.clauses ?? []).map((c) => (edits[c.id] ? { ...c, text: edits[c.id]!(c.text) } : c));
}

/** Answers the two routes in front of whatever fetch is installed now (the staff stand-in). */
export function fakeChanges(
  api: ReviewFakeApi,
  draft: Bundle,
  options: { final?: Clause[]; label?: string | null; latency?: number } = {},
): ChangesFake {
  const inner = window.fetch;
  const before = draft.clauses ?? [];
  const comparison = compareTexts(before, options.final ?? ezhouFinal(draft));
  const changed = comparison.changes.filter((c) => c.kind !== 'unchanged');
  const parents = new Map(before.map((c) => [c.id, c.parent]));
  const roles = new Map<string, string>(Object.entries(TOKENS).map(([role, token]) => [token, role]));
  const fake: ChangesFake = {
    links: new Map(),
    reads: [],
    failures: [],
    puts: [],
    comparison,
    restore: () => (window.fetch = inner),
  };
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const id = Number(ROUTE.exec(url.pathname)?.[1]);
    if (!id) return inner(input, init);
    if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
    const role = roles.get(new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '') ?? '');
    if (!role || role === 'revoked')
      return json(401, { error: 'unauthorized', message: 'a valid staff token is required' });
    const comment = api.comments.get(id);
    if (!comment)
      return json(404, { error: 'not-found', message: `no comment ${id} in consultation ${REVIEW_CONSULTATION}` });
    if ((init.method ?? 'GET') === 'GET') {
      fake.reads.push(id);
      return json(200, {
        changes: {
          version: 2,
          label: options.label === undefined ? '正式稿' : options.label,
          from: 1,
          items: changed,
          linked: fake.links.get(id) ?? [],
          suggestions: suggestChanges(comparison, comment, parents),
        },
      });
    }
    const failure = fake.failures.shift();
    if (failure) return json(failure.status, failure.body);
    const deciders = rolesWithAny(['decide']);
    if (!deciders.includes(role as (typeof deciders)[number])) {
      return json(403, {
        error: 'forbidden',
        message: `the ${role} role may not do this (needs ${deciders.join(' or ')})`,
      });
    }
    const body = JSON.parse(String(init.body)) as ChangesFake['puts'][number]['body'];
    fake.puts.push({ comment: id, body });
    const known = new Set(changed.map(changeKey));
    const keys = [...new Set(body.changes)].sort();
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) {
      const message = `version ${body.version} has no change ${unknown.join(', ')} against version 1`;
      return json(400, { error: 'invalid', message, problems: [{ path: '$.changes', message }] });
    }
    if (keys.length && !ADOPTED.includes(comment.decision ?? '')) {
      return json(409, {
        error: 'not-adopted',
        message: 'only an adopted or partly adopted comment can have led to a change',
        zh: '只有采纳或部分采纳的意见才能关联修改之处',
      });
    }
    const group = [...api.groups().values()].find((ids) => ids.includes(id));
    if (body.group && !group) return json(409, { error: 'not-grouped', message: `comment ${id} is in no group` });
    const members = body.group ? group!.filter((m) => ADOPTED.includes(api.comments.get(m)?.decision ?? '')) : [id];
    for (const m of members) fake.links.set(m, keys);
    return json(200, { version: body.version, changes: keys, comments: members.length });
  };
  return fake;
}
