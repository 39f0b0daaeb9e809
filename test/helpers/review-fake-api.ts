// A stand-in for the consultation service's staff endpoints inside the browser (gk-review's tests
// and stories). It follows packages/server: bearer tokens with roles (401 / 403 with the server's
// words), cursor pagination and filters, the reason rule (422), decisions that approve, groups of
// near duplicates, all-or-none group decisions, the audit log, publishing (409 while blocked),
// the CSV and report, and reason templates. It can be told to fail the way networks fail.
import type {
  Bundle,
  ConsultationView,
  Decision,
  FeedbackComment,
  FeedbackCounts,
  FeedbackView,
  ReasonTemplateView as ReasonTemplate,
} from '@gongkai/format';
import type { AuditEntry, CommentItem, StaffRole } from '../../packages/elements/src/review/staff-api.js';

export const REVIEW_ENDPOINT = '/fake-staff/v1';
export const REVIEW_CONSULTATION = 'ezhou-zbf-2016-40-draft';
const DAY = 86_400_000;

/** Valid-looking tokens (`gks_<12 hex>_<43>`), one per role, and one the server does not know. */
export const TOKENS = {
  admin: `gks_00000000000a_${'A'.repeat(43)}`,
  reviewer: `gks_00000000000b_${'B'.repeat(43)}`,
  editor: `gks_00000000000c_${'C'.repeat(43)}`,
  revoked: `gks_00000000000d_${'D'.repeat(43)}`,
} as const;
const ROLE_OF = new Map<string, StaffRole>([
  [TOKENS.admin, 'admin'],
  [TOKENS.reviewer, 'reviewer'],
  [TOKENS.editor, 'editor'],
]);

export type Failure = 'network' | { status: number; body?: object };

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  auth: string | null;
  body: unknown;
}

export interface Seed {
  clause?: string | null;
  body: string;
  name?: string | null;
  contact?: string | null;
  submitterType?: CommentItem['submitterType'];
  moderation?: CommentItem['moderation'];
  decision?: Decision | null;
  reason?: string | null;
}

export interface ReviewFakeOptions {
  bundle?: Bundle;
  comments?: Seed[];
  /** The window: 'closed' (default) or 'open'. */
  window?: 'open' | 'closed';
  templates?: ReasonTemplate[];
  /** Milliseconds before each answer (stories show the loading states). */
  latency?: number;
}

/** The comments of the 鄂州 draft: decided, pending and undecided ones, and a campaign of duplicates. */
export function ezhouSeeds(): Seed[] {
  const campaign = '强烈建议把政务公开工作纳入各级政府绩效考核，考核结果每年向社会公布，接受群众监督。';
  return [
    {
      clause: '2.1.1',
      body: '建议权力清单和责任清单除在政府门户网站公开外，同时在各政务服务大厅设置查询终端，方便不常上网的老年人查询。',
      name: '陈建国',
      contact: '13907110001',
      moderation: 'approved',
      decision: 'adopted',
    },
    {
      clause: '2.1.3',
      body: '政务服务事项的办理时限建议精确到工作日，并公开每个事项的实际平均办理时长。我的联系电话 13907110002。',
      name: '刘芳',
      moderation: 'approved',
    },
    {
      clause: '2.2.5',
      body: '重大建设项目应公开全部招标文件和施工合同全文。',
      submitterType: 'organization',
      name: '鄂州市某建筑行业协会',
    },
    { clause: null, body: '建议在方案中规定政务公开工作年度考核结果向社会公布。', submitterType: 'anonymous' },
    { clause: '1.3', body: '希望政府帮忙解决我家小区物业纠纷问题。', name: '赵强' },
    { clause: null, body: '广告：代办各类证件，联系微信 abc123', moderation: 'pending' },
    { clause: '2.4.15', body: campaign, name: '王明' },
    { clause: '2.4.15', body: campaign, name: '李华' },
    { clause: '2.4.15', body: `${campaign}！`, submitterType: 'anonymous' },
    { clause: '2.4.15', body: campaign.replace('强烈', '我们'), name: '张伟' },
    {
      clause: '2.4.15',
      body: campaign,
      name: '周丽',
      moderation: 'approved',
      decision: 'partly-adopted',
      reason: '考核结果将按年度在政府门户网站公开；纳入绩效考核的权重由市考核办另行确定。',
    },
    { clause: '2.3.13', body: '环境保护信息公开应包括重点排污单位的实时在线监测数据。', name: '孙磊' },
    { clause: '2.5.18', body: '政策解读应当配发图解，方便群众理解。', name: '吴静', moderation: 'approved' },
  ];
}

/**
 * A large consultation: `total` comments across the draft's clauses, the first `handled` of them
 * decided or removed, and a campaign of identical comments among the rest.
 */
export function manySeeds(total: number, handled: number): Seed[] {
  const clauses = ['1.1', '1.3', '2.1.1', '2.1.3', '2.2.5', '2.3.13', '2.4.15', '2.5.18', null];
  const topics = ['公开时限', '办理时长', '查询终端', '年度考核', '解读图解', '监测数据', '招标文件', '政策问答'];
  const decisions: Decision[] = ['adopted', 'partly-adopted', 'not-adopted', 'out-of-scope'];
  return Array.from({ length: total }, (_, i): Seed => {
    const campaign = i % 10 === 9;
    const seed: Seed = {
      clause: clauses[i % clauses.length]!,
      body: campaign
        ? '强烈建议把政务公开工作纳入各级政府绩效考核，考核结果每年向社会公布，接受群众监督。'
        : `关于${topics[i % topics.length]}的第 ${i + 1} 条意见：建议${['细化', '明确', '公开', '简化'][i % 4]}相关要求，编号 ${(i * 7919) % 100000}。`,
      name: i % 3 === 0 ? null : `市民${i + 1}`,
      submitterType: i % 3 === 0 ? 'anonymous' : 'individual',
    };
    if (i < handled) {
      if (i % 17 === 0) return { ...seed, moderation: 'rejected' };
      const decision = decisions[i % 4]!;
      return { ...seed, decision, reason: decision === 'adopted' ? null : '已在修订稿中说明。' };
    }
    return { ...seed, moderation: i % 2 ? 'approved' : 'pending' };
  });
}

const json = (status: number, body: unknown) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: body === null ? {} : { 'content-type': 'application/json' },
  });

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}
function similar(a: string, b: string): boolean {
  const [x, y] = [bigrams(normalise(a)), bigrams(normalise(b))];
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared || 1) >= 0.8;
}

const RECEIPT = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const receiptFor = (id: number) =>
  Array.from({ length: 16 }, (_, i) => RECEIPT[(id * 7 + i * 13) % 32])
    .join('')
    .replace(/(.{4})(?=.)/g, '$1-');

export class ReviewFakeApi {
  readonly calls: FakeCall[] = [];
  readonly comments = new Map<number, CommentItem>();
  readonly audit: AuditEntry[] = [];
  readonly versions: { version: number; published: string; by: string; feedback: FeedbackView }[] = [];
  templates: ReasonTemplate[];
  consultation: ConsultationView;
  /** The next requests matching `path` (and `method`) fail this way, in turn. */
  private readonly failures: { method?: string; path: RegExp; failure: Failure }[] = [];
  private readonly original = window.fetch;
  private templateSerial = 100;

  constructor(readonly options: ReviewFakeOptions = {}) {
    const now = Date.now();
    const open = options.window === 'open';
    this.consultation = {
      id: REVIEW_CONSULTATION,
      title: '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告',
      policyId: options.bundle?.id ?? null,
      opens: new Date(now - (open ? 5 : 40) * DAY).toISOString(),
      closes: new Date(now + (open ? 25 : -10) * DAY).toISOString(),
      days: 30,
      shortWindowReason: null,
      status: open ? 'open' : 'closed',
      contact: '鄂州市人民政府办公室政务公开科，电话 0711-3222222',
      draftingNotes: null,
      basis: [],
      origins: [],
      feedbackExpected: null,
      counts: { received: 0, byClause: {} },
    };
    (options.comments ?? ezhouSeeds()).forEach((seed, i) => {
      const id = i + 1;
      this.comments.set(id, {
        id,
        receipt: receiptFor(id),
        clause: seed.clause ?? null,
        body: seed.body,
        submitterType: seed.submitterType ?? 'individual',
        name: seed.name ?? null,
        contact: seed.contact ?? null,
        moderation: seed.decision ? 'approved' : (seed.moderation ?? 'pending'),
        decision: seed.decision ?? null,
        reason: seed.reason ?? null,
        group: null,
        submitted: new Date(now - (40 - i) * 3_600_000).toISOString(),
      });
    });
    this.templates = options.templates ?? [
      {
        id: 1,
        decision: 'out-of-scope',
        title: '不属于本次范围（转办）',
        text: '该意见不属于本次征求意见范围，已转有关部门办理。',
        createdBy: 'admin:00000000000a',
        updated: new Date(now - 3 * DAY).toISOString(),
      },
      {
        id: 2,
        decision: 'not-adopted',
        title: '已有规定',
        text: '现行法律法规已有明确规定，本方案不再重复。',
        createdBy: 'admin:00000000000a',
        updated: new Date(now - 2 * DAY).toISOString(),
      },
    ];
  }

  install(): this {
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        location.href,
      );
      if (!url.pathname.startsWith(REVIEW_ENDPOINT)) return this.original(input, init);
      if (this.options.latency) await new Promise((r) => setTimeout(r, this.options.latency));
      const headers = new Headers(init?.headers);
      const call: FakeCall = {
        method: init?.method ?? 'GET',
        path: url.pathname.slice(REVIEW_ENDPOINT.length),
        query: url.searchParams,
        auth: headers.get('authorization'),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      this.calls.push(call);
      const i = this.failures.findIndex((f) => f.path.test(call.path) && (!f.method || f.method === call.method));
      if (i >= 0) {
        const { failure } = this.failures.splice(i, 1)[0]!;
        if (failure === 'network') throw new TypeError('Failed to fetch');
        return json(failure.status, failure.body ?? { error: 'error', message: `HTTP ${failure.status}` });
      }
      return this.answer(call);
    };
    return this;
  }

  restore(): void {
    window.fetch = this.original;
  }

  /** The next request to `path` fails (network, or an HTTP answer). */
  failNext(path: RegExp, failure: Failure, method?: string): void {
    this.failures.push({ path, failure, ...(method ? { method } : {}) });
  }

  /** Requests other than the role probes made at sign-in. */
  requests(method?: string, path?: RegExp): FakeCall[] {
    return this.calls.filter(
      (c) =>
        !/9007199254740991|gk-review-role-probe/.test(c.path) &&
        (!method || c.method === method) &&
        (!path || path.test(c.path)),
    );
  }

  private grouped: { size: number; groups: Map<number, number[]> } | null = null;

  /** Near-duplicate groups (smallest id first), as the server finds them; texts never change. */
  groups(): Map<number, number[]> {
    if (this.grouped?.size === this.comments.size) return this.grouped.groups;
    const ids = [...this.comments.keys()].sort((a, b) => a - b);
    const groups = new Map<number, number[]>();
    const seen = new Set<number>();
    for (const a of ids) {
      if (seen.has(a)) continue;
      const members = ids.filter(
        (b) => b === a || (!seen.has(b) && similar(this.comments.get(a)!.body, this.comments.get(b)!.body)),
      );
      if (members.length > 1) {
        groups.set(a, members);
        for (const m of members) seen.add(m);
      }
    }
    this.grouped = { size: this.comments.size, groups };
    return groups;
  }

  private groupOf(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [group, ids] of this.groups()) for (const id of ids) out.set(id, group);
    return out;
  }

  private role(call: FakeCall): StaffRole | Response {
    const token = /^Bearer (\S+)$/.exec(call.auth ?? '')?.[1] ?? '';
    const role = ROLE_OF.get(token);
    return (
      role ?? json(401, { error: 'unauthorized', message: 'a valid staff token is required (Authorization: Bearer …)' })
    );
  }

  private allow(call: FakeCall, ...roles: StaffRole[]): StaffRole | Response {
    const role = this.role(call);
    if (role instanceof Response || roles.includes(role)) return role;
    return json(403, { error: 'forbidden', message: `the ${role} role may not do this (needs ${roles.join(' or ')})` });
  }

  private view(): ConsultationView {
    const byClause: Record<string, number> = {};
    for (const c of this.comments.values()) byClause[c.clause ?? ''] = (byClause[c.clause ?? ''] ?? 0) + 1;
    const status = this.versions.length ? 'feedback-published' : this.consultation.status;
    return { ...this.consultation, status, counts: { received: this.comments.size, byClause } };
  }

  private decide(id: number, input: { moderation?: string; decision?: Decision; reason?: string }, actor: string) {
    const before = this.comments.get(id)!;
    const moderation = (
      input.decision ? 'approved' : (input.moderation ?? before.moderation)
    ) as CommentItem['moderation'];
    const decision = moderation === 'rejected' ? null : (input.decision ?? before.decision);
    const reason =
      moderation === 'rejected' ? null : input.reason !== undefined ? input.reason.trim() || null : before.reason;
    const after = { ...before, moderation, decision, reason };
    this.comments.set(id, after);
    this.audit.push({
      id: this.audit.length + 1,
      at: new Date().toISOString(),
      actor,
      action: 'comment.decide',
      commentId: id,
      before: { moderation: before.moderation, decision: before.decision, reason: before.reason },
      after: { moderation, decision, reason },
    });
    return after;
  }

  private reasonProblem(input: { decision?: Decision; reason?: string }): Response | null {
    if (input.decision && input.decision !== 'adopted' && !input.reason?.trim()) {
      return json(422, {
        error: 'reason-required',
        message: `a reason is required for ${input.decision}`,
        zh: '除“采纳”外，每项处理意见都须说明理由',
        problems: [{ path: '$.reason', message: 'required unless the decision is adopted' }],
      });
    }
    return null;
  }

  feedback(version: number): FeedbackView {
    const zero = (): FeedbackCounts => ({
      received: 0,
      published: 0,
      adopted: 0,
      partlyAdopted: 0,
      notAdopted: 0,
      outOfScope: 0,
      removed: 0,
    });
    const key = {
      adopted: 'adopted',
      'partly-adopted': 'partlyAdopted',
      'not-adopted': 'notAdopted',
      'out-of-scope': 'outOfScope',
    } as const;
    const summary = zero();
    const byClause = new Map<string | null, FeedbackCounts>();
    const comments: FeedbackComment[] = [];
    for (const c of [...this.comments.values()].sort((a, b) => a.id - b.id)) {
      const clause = byClause.get(c.clause) ?? zero();
      byClause.set(c.clause, clause);
      for (const n of [summary, clause]) {
        n.received++;
        if (c.moderation === 'rejected') n.removed++;
        else if (c.decision) {
          n.published++;
          n[key[c.decision]]++;
        }
      }
      if (c.moderation !== 'rejected' && c.decision) {
        const name =
          c.submitterType === 'anonymous' || !c.name
            ? null
            : c.submitterType === 'organization'
              ? c.name
              : `${Array.from(c.name)[0]}**`;
        comments.push({
          no: comments.length + 1,
          clause: c.clause,
          body: c.body,
          name,
          submitterType: c.submitterType,
          decision: c.decision,
          reason: c.reason,
        });
      }
    }
    return {
      consultation: REVIEW_CONSULTATION,
      title: this.consultation.title,
      version,
      published: new Date().toISOString(),
      message: this.comments.size ? null : '未收到意见',
      summary,
      byClause: [...byClause].map(([clause, counts]) => ({ clause, ...counts })),
      comments,
    };
  }

  private answer(call: FakeCall): Response {
    const { method, path } = call;
    const c = `/consultations/${REVIEW_CONSULTATION}`;
    if (method === 'GET' && path === c) return json(200, this.view());
    if (method === 'GET' && path.startsWith('/consultations/') && path.split('/').length === 3) {
      return json(404, { error: 'not-found', message: `no consultation with id ${path.split('/')[2]}` });
    }
    const policy = method === 'GET' ? /^\/policies\/(.+)$/.exec(path)?.[1] : undefined;
    if (policy) {
      return this.options.bundle && policy === this.options.bundle.id
        ? json(200, this.options.bundle)
        : json(404, { error: 'not-found', message: `no policy with id ${policy}` });
    }
    // The role probes: a comment and a consultation that do not exist.
    if (method === 'PATCH' && path === '/comments/9007199254740991') {
      const role = this.allow(call, 'admin', 'reviewer');
      return role instanceof Response
        ? role
        : json(404, { error: 'not-found', message: 'no comment 9007199254740991' });
    }
    if (method === 'POST' && path === '/consultations/gk-review-role-probe/feedback') {
      const role = this.allow(call, 'admin', 'editor');
      return role instanceof Response ? role : json(404, { error: 'not-found', message: 'no consultation' });
    }
    const anyStaff = this.allow(call, 'admin', 'editor', 'reviewer');
    if (anyStaff instanceof Response) return anyStaff;
    const actor = (role: StaffRole) => `${role}:${call.auth!.slice(11, 23)}`;

    if (method === 'GET' && path === `${c}/comments`) {
      const q = call.query;
      const limit = Number(q.get('limit') ?? 50);
      const cursor = Number(q.get('cursor') ?? 0);
      const groups = this.groupOf();
      const rows = [...this.comments.values()]
        .filter((x) => x.id > cursor)
        .filter(
          (x) =>
            !q.get('clause') || (q.get('clause') === 'document' ? x.clause === null : x.clause === q.get('clause')),
        )
        .filter((x) => !q.get('moderation') || x.moderation === q.get('moderation'))
        .filter(
          (x) =>
            !q.get('decision') ||
            (q.get('decision') === 'undecided' ? x.decision === null : x.decision === q.get('decision')),
        )
        .filter((x) => !q.get('q') || x.body.toLowerCase().includes(q.get('q')!.toLowerCase()))
        .sort((a, b) => a.id - b.id);
      const page = rows.slice(0, limit).map((x) => ({ ...x, group: groups.get(x.id) ?? null }));
      return json(200, { items: page, next: rows.length > limit ? String(page.at(-1)!.id) : null });
    }
    const commentId = method === 'PATCH' ? /^\/comments\/(\d+)$/.exec(path)?.[1] : undefined;
    if (commentId) {
      const role = this.allow(call, 'admin', 'reviewer');
      if (role instanceof Response) return role;
      const id = Number(commentId);
      if (!this.comments.has(id)) return json(404, { error: 'not-found', message: `no comment ${id}` });
      const input = call.body as { moderation?: string; decision?: Decision; reason?: string };
      const problem = this.reasonProblem(input);
      if (problem) return problem;
      return json(200, { ...this.decide(id, input, actor(role)), group: null });
    }
    if (method === 'POST' && path === `${c}/decisions`) {
      const role = this.allow(call, 'admin', 'reviewer');
      if (role instanceof Response) return role;
      const { ids, ...input } = call.body as { ids: number[]; decision?: Decision; reason?: string };
      const problem = this.reasonProblem(input);
      if (problem) return problem;
      const unknown = ids.find((id) => !this.comments.has(id));
      if (unknown) return json(404, { error: 'not-found', message: `no comment ${unknown}` });
      for (const id of [...new Set(ids)]) this.decide(id, input, actor(role));
      return json(200, { updated: new Set(ids).size });
    }
    if (method === 'GET' && path === `${c}/groups`) {
      const groups = [...this.groups()].map(([group, ids]) => ({
        group,
        ids,
        sample: this.comments.get(group)!.body.slice(0, 200),
      }));
      return json(200, { groups });
    }
    if (method === 'GET' && path === `${c}/audit`) return json(200, { items: this.audit });
    if (method === 'GET' && path === `${c}/feedback/versions`) return json(200, { versions: this.versions });
    if (method === 'POST' && path === `${c}/feedback`) {
      const role = this.allow(call, 'admin', 'editor');
      if (role instanceof Response) return role;
      if (Date.now() < Date.parse(this.consultation.closes)) {
        return json(409, { error: 'still-open', message: 'comments are open', zh: '征求意见尚未截止' });
      }
      const all = [...this.comments.values()];
      const unmoderated = all.filter((x) => x.moderation === 'pending').length;
      const undecided = all.filter((x) => x.moderation === 'approved' && !x.decision).length;
      if (unmoderated || undecided) {
        return json(409, {
          error: 'undecided',
          message: `${unmoderated} comments await moderation and ${undecided} a decision`,
          zh: `尚有 ${unmoderated} 条意见未审核、${undecided} 条意见未作处理`,
          unmoderated,
          undecided,
        });
      }
      const feedback = this.feedback(this.versions.length + 1);
      this.versions.push({ version: feedback.version, published: feedback.published, by: actor(role), feedback });
      this.audit.push({
        id: this.audit.length + 1,
        at: feedback.published,
        actor: actor(role),
        action: 'feedback.publish',
        commentId: null,
        before: null,
        after: { version: feedback.version },
      });
      return json(201, feedback);
    }
    if (method === 'GET' && path === `${c}/export.csv`) {
      return new Response(
        `\uFEFF"编号","意见"\r\n${[...this.comments.values()].map((x) => `"${x.id}","${x.body}"`).join('\r\n')}`,
        {
          status: 200,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        },
      );
    }
    if (method === 'GET' && path === `${c}/report.html`) {
      return new Response('<!doctype html><title>意见采纳情况说明</title><h1>说明</h1>', {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    if (path === '/reason-templates' && method === 'GET') return json(200, { items: this.templates });
    if (path === '/reason-templates' && method === 'POST') {
      const role = this.allow(call, 'admin', 'reviewer');
      if (role instanceof Response) return role;
      const input = call.body as Pick<ReasonTemplate, 'decision' | 'title' | 'text'>;
      const saved: ReasonTemplate = {
        id: ++this.templateSerial,
        ...input,
        createdBy: actor(role),
        updated: new Date().toISOString(),
      };
      this.templates = [...this.templates, saved];
      return json(201, saved);
    }
    const templateId = method === 'DELETE' ? /^\/reason-templates\/(.+)$/.exec(path)?.[1] : undefined;
    if (templateId) {
      this.templates = this.templates.filter((t) => t.id !== Number(templateId));
      return json(204, null);
    }
    return json(404, { error: 'not-found', message: `Route ${method}:${path} not found` });
  }
}
