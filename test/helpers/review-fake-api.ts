// A stand-in for the consultation service's staff endpoints inside the browser (gk-review's tests
// and stories). It follows packages/server: bearer tokens with roles (and grants) and
// `GET /staff/me`, both from the server's own permission table (401 / 403 with the server's
// words), names and contacts only for those who may read them, the list of consultations with
// their counts (and `…/counts`), one comment (`GET /comments/:id`), cursor pagination and filters, the reason rule (422; another decision without a
// reason drops the one kept), decisions that approve, removals with their category, etags and
// `If-Match` (412 with the comment as it is now), groups of near duplicates (paged by size and
// id, without their members; one by `…/groups/:group`; members by `…/comments?group=`; split and merged), all-or-none bulk
// decisions and moderation (`POST …/decisions`, 1 to 5,000 ids or a filter), the audit log, the preview (with
// the long numbers the masking left) and publishing (409 while blocked) with the server's own
// feedback builder and masking, the CSV and report, and reason templates. It can be told to fail
// the way networks fail, and a colleague can change a comment meanwhile (`edit`).
import {
  type Bundle,
  type ConsultationCounts,
  type ConsultationList,
  type ConsultationSummary,
  type ConsultationView,
  type Decision,
  type FeedbackPreview,
  type FeedbackView,
  type PublicationBlocking,
  printedClauseLabel,
  REMOVAL_REASONS,
  type ReasonTemplateView as ReasonTemplate,
  type RemovalReason,
  type SignoffStage,
  type StaffMe,
  type StaffPermission,
  type StaffRole,
} from '@gongkai/format';
import type { AuditEntry, CommentItem, CommentPatch } from '../../packages/elements/src/review/staff-api.js';
import { feedbackFrom } from '../../packages/server/src/lib/feedback-view.js';
import { nearDuplicates } from '../../packages/server/src/lib/groups.js';
import { digitRuns } from '../../packages/server/src/lib/mask.js';
import {
  commentPermissions,
  permissionsOf,
  rolesWithAll,
  rolesWithAny,
} from '../../packages/server/src/lib/permissions.js';
import { entryRoutes } from './entry-fake.js';

export const REVIEW_ENDPOINT = '/fake-staff/v1';
export const REVIEW_CONSULTATION = 'ezhou-zbf-2016-40-draft';
const DAY = 86_400_000;

/** Valid-looking tokens (`gks_<12 hex>_<43>`), one per role, and one the server does not know. */
export const TOKENS = {
  admin: `gks_00000000000a_${'A'.repeat(43)}`,
  reviewer: `gks_00000000000b_${'B'.repeat(43)}`,
  editor: `gks_00000000000c_${'C'.repeat(43)}`,
  revoked: `gks_00000000000d_${'D'.repeat(43)}`,
  checker: `gks_00000000000e_${'E'.repeat(43)}`,
  signer: `gks_00000000000f_${'F'.repeat(43)}`,
} as const;
const ROLE_OF = new Map<string, StaffRole>([
  [TOKENS.admin, 'admin'],
  [TOKENS.reviewer, 'reviewer'],
  [TOKENS.editor, 'editor'],
  [TOKENS.checker, 'checker'],
  [TOKENS.signer, 'signer'],
]);
/** What each token was made for (`token create --label`); the others have none. */
export const TOKEN_LABELS: Partial<Record<StaffRole, string>> = { admin: '政务公开科 系统管理员' };

export type Failure = 'network' | { status: number; body?: object };

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  auth: string | null;
  /** The `If-Match` header: the etag of the version the console was looking at. */
  ifMatch: string | null;
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
  removalReason?: RemovalReason | null;
  /** Where its decision stands in sign-off ('draft' unless said). */
  stage?: SignoffStage;
  /** Made on an earlier version of the text: where its clause stands now, as the server says. */
  clauseNow?: CommentItem['clauseNow'];
}

export interface ReviewFakeOptions {
  bundle?: Bundle;
  comments?: Seed[];
  /** The window: 'closed' (default) or 'open'. */
  window?: 'open' | 'closed';
  templates?: ReasonTemplate[];
  /**
   * The other consultations on the server, listed beside this one; they have no comments (the
   * consultation, its empty comments, groups, audit, versions and preview are served). Two by
   * default: one upcoming, one closed long ago.
   */
  others?: ConsultationSummary[];
  /** Milliseconds before each answer (stories show the loading states). */
  latency?: number;
  /** False: an older server, whose comments carry no `clauseLabel` (the console reads the draft). */
  clauseLabels?: boolean;
  /** What each role's token was granted beyond its role (`token create --grant contacts`). */
  grants?: Partial<Record<StaffRole, StaffPermission[]>>;
  /**
   * Publishing is slow (many comments): `POST …/feedback` answers 202 with a run, which is
   * `running` for this many polls of `GET …/feedback/runs/:run`, then done or failed.
   */
  publishPolls?: number;
}

/** Two more consultations of the same office, with no comments: one upcoming, one long closed. */
export function otherConsultations(now = Date.now()): ConsultationSummary[] {
  const none = { received: 0, unmoderated: 0, undecided: 0, decided: 0, removed: 0 };
  return [
    {
      id: 'ezhou-zwfw-2026-draft',
      title: '关于公开征求《鄂州市政务服务事项清单管理办法（征求意见稿）》意见的公告',
      status: 'upcoming',
      opens: new Date(now + 10 * DAY).toISOString(),
      closes: new Date(now + 40 * DAY).toISOString(),
      feedbackExpected: new Date(now + 70 * DAY).toISOString().slice(0, 10),
      counts: none,
    },
    {
      id: 'ezhou-xxgk-2025-draft',
      title: '关于公开征求《鄂州市政府信息依申请公开工作规程（征求意见稿）》意见的公告',
      status: 'closed',
      opens: new Date(now - 200 * DAY).toISOString(),
      closes: new Date(now - 170 * DAY).toISOString(),
      feedbackExpected: null,
      counts: none,
    },
  ];
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

/** Characters for texts that share no wording with one another (each campaign its own). */
const HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类';

/**
 * Campaigns of many sizes among a few lone comments: `sizes[k]` copies of the k-th letter, the
 * smaller campaigns submitted first (so largest-first is the server's order, not the ids').
 */
export function campaignSeeds(sizes: readonly number[], lone = 3): Seed[] {
  let x = 2463534242;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % HANZI.length;
  };
  const letter = () => Array.from({ length: 48 }, () => HANZI[next()]).join('');
  const letters = sizes.map(letter);
  const seeds: Seed[] = Array.from({ length: lone }, () => ({ clause: null, body: `${letter()}。`, name: '市民' }));
  for (let k = sizes.length - 1; k >= 0; k--) {
    for (let i = 0; i < sizes[k]!; i++) {
      seeds.push({ clause: '2.4.15', body: `${letters[k]}。`, name: `联名人${i + 1}`, moderation: 'pending' });
    }
  }
  return seeds;
}

const json = (status: number, body: unknown) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: body === null ? {} : { 'content-type': 'application/json' },
  });

const stateOf = (c: CommentItem) => ({
  moderation: c.moderation,
  decision: c.decision,
  reason: c.reason,
  removalReason: c.removalReason,
});

const RECEIPT = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const receiptFor = (id: number) =>
  Array.from({ length: 16 }, (_, i) => RECEIPT[(id * 7 + i * 13) % 32])
    .join('')
    .replace(/(.{4})(?=.)/g, '$1-');

export class ReviewFakeApi {
  readonly calls: FakeCall[] = [];
  readonly comments = new Map<number, CommentItem>();
  readonly audit: AuditEntry[] = [];
  /** The site's units (处室); tests and stories add to them. */
  readonly units: { id: number; name: string }[] = [
    { id: 1, name: '政务公开科' },
    { id: 2, name: '法规科' },
  ];
  readonly assignments = new Map<number, { id: number; unit: number; due: string; open: boolean }>();
  readonly notes: {
    id: number;
    comment: number | null;
    group: number | null;
    replyTo: number | null;
    body: string;
    author: string;
    created: string;
  }[] = [];
  readonly versions: { version: number; published: string; by: string; feedback: FeedbackView }[] = [];
  /** Publication runs (with `publishPolls`): what each says, polls left, and how it ends. */
  private readonly runs = new Map<
    number,
    { view: Record<string, unknown>; polls: number; outcome: { status: number; body: unknown } }
  >();
  templates: ReasonTemplate[];
  consultation: ConsultationView;
  /** The next requests matching `path` (and `method`) fail this way, in turn, after `skip` more. */
  private readonly failures: { method?: string; path: RegExp; failure: Failure; skip: number }[] = [];
  private readonly original = window.fetch;
  private templateSerial = 100;

  readonly others: ConsultationSummary[];

  constructor(readonly options: ReviewFakeOptions = {}) {
    const now = Date.now();
    this.others = options.others ?? otherConsultations(now);
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
        removalReason: seed.moderation === 'rejected' ? (seed.removalReason ?? null) : null,
        clauseLabel: null,
        group: null,
        submitted: new Date(now - (40 - i) * 3_600_000).toISOString(),
        etag: `"${id}-1"`,
        stage: seed.decision ? (seed.stage ?? 'draft') : null,
        stageBy: null,
        stageAt: null,
        returnedReason: null,
        assignment: null,
        ...(seed.clauseNow !== undefined ? { clauseNow: seed.clauseNow } : {}),
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
      // Called on window: a native fetch called as this object's method throws Illegal invocation.
      if (!url.pathname.startsWith(REVIEW_ENDPOINT)) return this.original.call(window, input, init);
      if (this.options.latency) await new Promise((r) => setTimeout(r, this.options.latency));
      const headers = new Headers(init?.headers);
      const call: FakeCall = {
        method: init?.method ?? 'GET',
        path: url.pathname.slice(REVIEW_ENDPOINT.length),
        query: url.searchParams,
        auth: headers.get('authorization'),
        ifMatch: headers.get('if-match'),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      this.calls.push(call);
      const i = this.failures.findIndex((f) => f.path.test(call.path) && (!f.method || f.method === call.method));
      if (i >= 0 && this.failures[i]!.skip > 0) this.failures[i]!.skip--;
      else if (i >= 0) {
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

  /** The next request to `path` fails (network, or an HTTP answer); with `skip`, the one after `skip` more. */
  failNext(path: RegExp, failure: Failure, method?: string, skip = 0): void {
    this.failures.push({ path, failure, skip, ...(method ? { method } : {}) });
  }

  /** The requests made, those with `method` and a path matching `path`. */
  requests(method?: string, path?: RegExp): FakeCall[] {
    return this.calls.filter((c) => (!method || c.method === method) && (!path || path.test(c.path)));
  }

  private grouped: { size: number; groups: Map<number, number[]> } | null = null;

  /**
   * Near-duplicate groups (smallest id first), by the server's own rule; texts never change, so
   * they stay as found, and as split and merged here.
   */
  groups(): Map<number, number[]> {
    if (this.grouped?.size === this.comments.size) return this.grouped.groups;
    const comments = [...this.comments.values()].sort((a, b) => a.id - b.id);
    const groups = nearDuplicates(comments);
    this.grouped = { size: this.comments.size, groups };
    return groups;
  }

  /** As the server's rewriteGroup: `ids` become a group led by the smallest, or none if fewer than two. */
  private setGroup(ids: number[]): number | null {
    const groups = this.groups();
    if (ids.length < 2) return null;
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    groups.set(sorted[0]!, sorted);
    return sorted[0]!;
  }

  /** Which comments a decision by filter changes: as the list filters, removed ones only when asked. */
  private matching(filter: Record<string, unknown>): CommentItem[] {
    const groups = this.groupOf();
    return [...this.comments.values()].filter(
      (x) =>
        (filter.group === undefined || groups.get(x.id) === filter.group) &&
        (filter.moderation === undefined ? x.moderation !== 'rejected' : x.moderation === filter.moderation) &&
        (filter.decision === undefined ||
          (filter.decision === 'none' || filter.decision === 'undecided'
            ? x.decision === null
            : x.decision === filter.decision)) &&
        (filter.clause === undefined ||
          (filter.clause === 'none' || filter.clause === 'document'
            ? x.clause === null
            : x.clause === filter.clause)) &&
        (typeof filter.q !== 'string' || x.body.toLowerCase().includes(filter.q.toLowerCase())),
    );
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

  private allow(call: FakeCall, roles: readonly StaffRole[]): StaffRole | Response {
    const role = this.role(call);
    if (role instanceof Response || roles.includes(role)) return role;
    return json(403, { error: 'forbidden', message: `the ${role} role may not do this (needs ${roles.join(' or ')})` });
  }

  /** What the caller's token may do: its role's permissions and its grants. */
  private permissions(role: StaffRole) {
    return permissionsOf({ role, grants: this.options.grants?.[role] ?? [] });
  }

  /** A comment as `role` may read it: no name or contact without the `contacts` permission. */
  private shown(item: CommentItem, role: StaffRole): CommentItem {
    const labelled = this.labelled(item);
    return this.permissions(role).contacts ? labelled : { ...labelled, name: null, contact: null };
  }

  /** With its clause as printed, as the server labels it from the draft (or without, as older servers). */
  private labelled(item: CommentItem): CommentItem {
    const { clauseLabel: _, ...rest } = item;
    if (this.options.clauseLabels === false) return rest as CommentItem;
    const clauses = this.options.bundle?.clauses ?? [];
    return { ...rest, clauseLabel: item.clause === null ? null : printedClauseLabel(clauses, item.clause) };
  }

  /**
   * A colleague changes a comment meanwhile (as `PATCH /comments/:id` would, without `If-Match`):
   * its etag changes, the audit log says who.
   */
  edit(id: number, patch: CommentPatch, role: StaffRole = 'admin'): CommentItem {
    return this.decide(id, patch, `${role}:${TOKENS[role].slice(4, 16)}`);
  }

  /** As the server's guards: those who have one of `permissions` (lib/permissions.ts). */
  private may(call: FakeCall, ...permissions: StaffPermission[]): StaffRole | Response {
    return this.allow(call, rolesWithAny(permissions));
  }

  /** The comments by where they stand, as `GET …/counts` and `GET /consultations` count them. */
  counts(): ConsultationCounts {
    const all = [...this.comments.values()];
    const count = (test: (c: CommentItem) => boolean) => all.filter(test).length;
    return {
      received: all.length,
      unmoderated: count((c) => c.moderation === 'pending'),
      undecided: count((c) => c.moderation === 'approved' && !c.decision),
      decided: count((c) => c.moderation === 'approved' && c.decision !== null),
      removed: count((c) => c.moderation === 'rejected'),
    };
  }

  /** The consultations, newest window first, as `GET /consultations` lists them. */
  summaries(): ConsultationSummary[] {
    const view = this.view();
    const mine: ConsultationSummary = {
      id: view.id,
      title: view.title,
      status: view.status,
      opens: view.opens,
      closes: view.closes,
      feedbackExpected: view.feedbackExpected,
      counts: this.counts(),
    };
    return [mine, ...this.others].sort(
      (a, b) => Date.parse(b.opens) - Date.parse(a.opens) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** The feedback as publishing now would make it: the server's own builder and masking. */
  private draft() {
    const clauses = this.options.bundle?.clauses ?? [];
    const order = new Map(clauses.map((c, i) => [c.id, i]));
    const labels = new Map(clauses.flatMap((c) => [[c.id, printedClauseLabel(clauses, c.id) ?? '']] as const));
    const comments = [...this.comments.values()].sort((a, b) => a.id - b.id);
    return feedbackFrom(this.consultation, comments, order, labels);
  }

  private view(): ConsultationView {
    const byClause: Record<string, number> = {};
    for (const c of this.comments.values()) byClause[c.clause ?? ''] = (byClause[c.clause ?? ''] ?? 0) + 1;
    const status = this.versions.length ? 'feedback-published' : this.consultation.status;
    return { ...this.consultation, status, counts: { received: this.comments.size, byClause } };
  }

  private decide(id: number, input: CommentPatch, actor: string) {
    const before = this.comments.get(id)!;
    const moderation = (
      input.decision ? 'approved' : (input.moderation ?? before.moderation)
    ) as CommentItem['moderation'];
    const decision = moderation === 'rejected' ? null : (input.decision ?? before.decision);
    // A reason belongs to its decision: another decision without one drops it.
    const reason =
      moderation === 'rejected'
        ? null
        : input.reason !== undefined
          ? input.reason.trim() || null
          : decision !== before.decision
            ? null
            : before.reason;
    const removalReason =
      moderation !== 'rejected'
        ? null
        : (input.removalReason ?? (before.moderation === 'rejected' ? before.removalReason : null));
    // A decision changed after any step of sign-off is a draft again (拟办), by whoever changed it.
    const redrafted = decision !== before.decision || reason !== before.reason;
    let after: CommentItem = {
      ...before,
      moderation,
      decision,
      reason,
      removalReason,
      ...(redrafted
        ? {
            stage: decision ? 'draft' : null,
            stageBy: decision ? actor : null,
            draftedBy: decision ? actor : null,
            stageAt: decision ? new Date().toISOString() : null,
            returnedReason: null,
          }
        : {}),
    };
    const changed = JSON.stringify(stateOf(after)) !== JSON.stringify(stateOf(before));
    if (changed) after = { ...after, etag: `"${id}-${Number.parseInt(before.etag.split('-')[1] ?? '0', 10) + 1}"` };
    this.comments.set(id, after);
    const state = stateOf;
    this.audit.push({
      id: this.audit.length + 1,
      at: new Date().toISOString(),
      actor,
      action: 'comment.decide',
      commentId: id,
      before: state(before),
      after: state(after),
    });
    return after;
  }

  /** What the server refuses in a change before looking at the comments (400, 422). */
  private reasonProblem(input: CommentPatch): Response | null {
    if (input.removalReason !== undefined && !(REMOVAL_REASONS as readonly string[]).includes(input.removalReason)) {
      const message = 'must be equal to one of the allowed values';
      return json(400, {
        error: 'invalid',
        message: `$.removalReason ${message}`,
        problems: [{ path: '$.removalReason', message }],
      });
    }
    if (input.decision && input.decision !== 'adopted' && !input.reason?.trim()) {
      return json(422, {
        error: 'reason-required',
        message: `a reason is required for ${input.decision}`,
        zh: '除“采纳”外，每项处理意见都须说明理由',
        problems: [{ path: '$.reason', message: 'required unless the decision is adopted' }],
      });
    }
    if (input.decision && input.moderation === 'rejected') {
      return json(422, { error: 'conflict', message: 'a comment removed by moderation cannot also be decided' });
    }
    if (input.removalReason !== undefined && input.moderation !== 'rejected') {
      const message = "removalReason is given with moderation: 'rejected' only";
      return json(422, {
        error: 'conflict',
        message,
        zh: '删除原因只能在删除意见时填写',
        problems: [{ path: '$.removalReason', message }],
      });
    }
    return null;
  }

  /** Version `version` of the feedback, published now. */
  feedback(version: number): FeedbackView {
    return { ...this.draft().feedback, version, published: new Date().toISOString() };
  }

  /** `GET …/feedback/preview`: what publishing now would publish, and what still blocks it. */
  preview(): FeedbackPreview {
    const { feedback, unmoderated, undecided } = this.draft();
    const stillOpen = Date.now() < Date.parse(this.consultation.closes);
    const flagged = feedback.comments.flatMap((c) => {
      const digits = digitRuns(c.body);
      return digits.length ? [{ no: c.no, digits }] : [];
    });
    const blocking = this.blocking();
    const signed = !blocking.draft && !blocking.checked && !blocking.openAssignments;
    return {
      feedback: { ...feedback, version: this.versions.length + 1, published: new Date().toISOString() },
      publishable: !stillOpen && unmoderated === 0 && undecided === 0 && signed,
      stillOpen,
      unmoderated,
      undecided,
      flagged,
      blocking,
    };
  }

  /** What blocks publication, as the server counts it (signoff.ts `blockers`). */
  blocking(): PublicationBlocking {
    const all = [...this.comments.values()].sort((a, b) => a.id - b.id);
    const unmoderated = all.filter((c) => c.moderation === 'pending');
    const undecided = all.filter((c) => c.moderation === 'approved' && !c.decision);
    const at = (stage: string) => all.filter((c) => c.decision && c.stage === stage);
    const open = [...this.assignments.values()].filter((a) => a.open);
    const byUnit = new Map<number | null, PublicationBlocking['byUnit'][number]>();
    const unitOf = (id: number | null) => {
      let u = byUnit.get(id);
      if (!u) {
        const name = id === null ? null : (this.units.find((x) => x.id === id)?.name ?? null);
        u = { unit: id, unitName: name, draft: 0, checked: 0, openAssignments: 0, overdue: 0, firstAssignments: [] };
        byUnit.set(id, u);
      }
      return u;
    };
    for (const a of open) {
      const u = unitOf(a.unit);
      u.openAssignments++;
      if (a.due < new Date().toISOString().slice(0, 10)) u.overdue++;
      u.firstAssignments.push(a.id);
    }
    for (const c of [...at('draft'), ...at('checked')]) {
      const u = unitOf(c.assignment?.unit ?? null);
      if (c.stage === 'draft') u.draft++;
      else u.checked++;
    }
    const first = (list: CommentItem[]) => list.slice(0, 5).map((c) => c.id);
    const steps = [
      { step: 'unmoderated' as const, list: unmoderated },
      { step: 'undecided' as const, list: undecided },
      { step: 'draft' as const, list: at('draft') },
      { step: 'checked' as const, list: at('checked') },
    ];
    return {
      unmoderated: unmoderated.length,
      undecided: undecided.length,
      draft: at('draft').length,
      checked: at('checked').length,
      openAssignments: open.length,
      byStep: steps
        .filter((x) => x.list.length)
        .map((x) => ({ step: x.step, count: x.list.length, first: first(x.list) })),
      byUnit: [...byUnit.values()],
    };
  }

  /** Sign-off, units, assignments and notes (routes/workflow.ts); null for other routes. */
  private workflow(call: FakeCall): Response | null {
    const { method, path } = call;
    const c = `/consultations/${REVIEW_CONSULTATION}`;
    const actor = (role: StaffRole) => `${role}:${call.auth!.slice(11, 23)}`;
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/units') {
      const role = this.role(call);
      return role instanceof Response ? role : json(200, { items: this.units });
    }
    if (method === 'POST' && path === `${c}/signoff`) {
      const step = body.step as 'check' | 'sign' | 'return';
      const any = this.may(call, 'check', 'signOff');
      if (any instanceof Response) return any;
      const needs = step === 'check' ? 'check' : step === 'sign' ? 'signOff' : null;
      const role = needs ? this.may(call, needs) : any;
      if (role instanceof Response) return role;
      const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
      if (step === 'return' && !reason) {
        return json(422, {
          error: 'reason-required',
          message: 'a reason is required to send a decision back',
          zh: '退回须说明理由',
        });
      }
      const perms = this.permissions(role);
      const from =
        step === 'check'
          ? ['draft']
          : step === 'sign'
            ? ['checked']
            : [...(perms.check ? ['draft', 'checked'] : []), ...(perms.signOff ? ['checked', 'signed'] : [])];
      const to = step === 'check' ? 'checked' : step === 'sign' ? 'signed' : 'draft';
      const groups = this.groupOf();
      const filter = (body.filter ?? {}) as Record<string, unknown>;
      const matched = [...this.comments.values()].filter((x) => {
        if (!x.decision || !x.stage || !from.includes(x.stage)) return false;
        if (body.comment !== undefined) return x.id === body.comment;
        if (body.group !== undefined) return groups.get(x.id) === body.group;
        if (filter.stage && x.stage !== filter.stage) return false;
        if (filter.decision && (filter.decision === 'none' ? x.decision !== null : x.decision !== filter.decision))
          return false;
        if (filter.unit && x.assignment?.unit !== filter.unit) return false;
        if (filter.clause && x.clause !== (filter.clause === 'document' ? null : filter.clause)) return false;
        if (typeof filter.q === 'string' && !x.body.includes(filter.q)) return false;
        return true;
      });
      if (body.comment !== undefined && !matched.length && !body.dryRun) {
        const one = this.comments.get(Number(body.comment));
        if (!one) return json(404, { error: 'not-found', message: `no comment ${body.comment}` });
        return json(409, { error: 'wrong-stage', message: `comment ${one.id} is at ${one.stage}`, stage: one.stage });
      }
      if (!body.dryRun) {
        const now = new Date().toISOString();
        for (const x of matched) {
          const after = {
            ...x,
            stage: to as CommentItem['stage'],
            stageBy: actor(role),
            stageAt: now,
            returnedReason: step === 'return' ? reason : null,
            etag: `"${x.id}-${Number.parseInt(x.etag.split('-')[1] ?? '0', 10) + 1}"`,
          };
          this.comments.set(x.id, after);
        }
        if (matched.length) {
          this.audit.push({
            id: this.audit.length + 1,
            at: now,
            actor: actor(role),
            action: `comment.${step === 'sign' ? 'sign-off' : step}`,
            commentId: typeof body.comment === 'number' ? body.comment : null,
            before: null,
            after: { step, updated: matched.length, comments: matched.map((x) => x.id) },
          });
        }
      }
      return json(200, { updated: matched.length, stage: to, ...(body.dryRun ? { dryRun: true } : {}) });
    }
    if (method === 'POST' && path === `${c}/assignments`) {
      const role = this.may(call, 'assign');
      if (role instanceof Response) return role;
      const unit = this.units.find((u) => u.id === body.unit);
      if (!unit) return json(404, { error: 'not-found', message: `no unit ${body.unit}` });
      const groups = this.groupOf();
      const members = [...this.comments.values()].filter((x) =>
        body.comment !== undefined ? x.id === body.comment : groups.get(x.id) === body.group,
      );
      if (!members.length) return json(422, { error: 'nothing-to-assign', message: 'no comment matches' });
      const id = this.assignments.size + 1;
      const due = String(body.due);
      const a = { id, unit: unit.id, due, open: members.some((x) => !x.decision && x.moderation !== 'rejected') };
      this.assignments.set(id, a);
      for (const x of members) {
        this.comments.set(x.id, {
          ...x,
          assignment: { id, unit: unit.id, unitName: unit.name, due, open: a.open, overdue: false },
        });
      }
      this.audit.push({
        id: this.audit.length + 1,
        at: new Date().toISOString(),
        actor: actor(role),
        action: 'assignment.create',
        commentId: typeof body.comment === 'number' ? body.comment : null,
        before: null,
        after: { assignment: id, unit: unit.id, due, comments: members.length },
      });
      return json(201, { id, unit: unit.id, unitName: unit.name, due, open: a.open, comments: members.length });
    }
    if (path === `${c}/notes`) {
      if (method === 'GET') {
        const role = this.role(call);
        if (role instanceof Response) return role;
        const comment = call.query.get('comment');
        const group = call.query.get('group');
        return json(200, {
          items: this.notes.filter((n) =>
            comment ? n.comment === Number(comment) : group ? n.group === Number(group) : false,
          ),
        });
      }
      if (method === 'POST') {
        const role = this.may(call, 'notes');
        if (role instanceof Response) return role;
        const note = {
          id: this.notes.length + 1,
          comment: typeof body.comment === 'number' ? body.comment : null,
          group: typeof body.group === 'number' ? body.group : null,
          replyTo: typeof body.replyTo === 'number' ? body.replyTo : null,
          body: String(body.body ?? ''),
          author: actor(role),
          created: new Date().toISOString(),
        };
        this.notes.push(note);
        return json(201, note);
      }
    }
    return null;
  }

  /** The answers for the other consultations, which have no comments. */
  private other(call: FakeCall, other: ConsultationSummary, rest: string): Response {
    const view: ConsultationView = {
      ...this.consultation,
      id: other.id,
      title: other.title,
      policyId: null,
      opens: other.opens,
      closes: other.closes,
      status: other.status,
      feedbackExpected: other.feedbackExpected,
      counts: { received: 0, byClause: {} },
    };
    if (call.method !== 'GET') return json(404, { error: 'not-found', message: `Route ${call.method}:${call.path}` });
    if (rest === '') return json(200, view);
    const staff = rest === '/feedback/preview' ? this.may(call, 'publish', 'decide') : this.role(call);
    if (staff instanceof Response) return staff;
    switch (rest) {
      case '/comments':
        return json(200, { items: [], next: null });
      case '/counts':
        return json(200, other.counts);
      case '/groups':
        return json(200, { groups: [], next: null, total: 0, pending: false, computedAt: null });
      case '/audit':
        return json(200, { items: [] });
      case '/feedback/versions':
        return json(200, { versions: [] });
      case '/feedback/preview': {
        const { feedback } = feedbackFrom(other, [], new Map());
        const stillOpen = Date.now() < Date.parse(other.closes);
        const preview: FeedbackPreview = {
          feedback: { ...feedback, version: 1, published: new Date().toISOString() },
          publishable: !stillOpen,
          stillOpen,
          unmoderated: 0,
          undecided: 0,
          flagged: [],
        };
        return json(200, preview);
      }
      default:
        return json(404, { error: 'not-found', message: `Route ${call.method}:${call.path}` });
    }
  }

  /** `POST …/feedback`: a refusal of the token, or the status and body of the answer (or of its run). */
  private publish(call: FakeCall): Response | { status: number; body: unknown } {
    const actor = (role: StaffRole) => `${role}:${call.auth!.slice(11, 23)}`;
    const role = this.may(call, 'publish');
    if (role instanceof Response) return role;
    if (Date.now() < Date.parse(this.consultation.closes)) {
      return { status: 409, body: { error: 'still-open', message: 'comments are open', zh: '征求意见尚未截止' } };
    }
    const { unmoderated, undecided } = this.draft();
    if (unmoderated || undecided) {
      const message = `${unmoderated} comments await moderation and ${undecided} a decision`;
      const zh = `尚有 ${unmoderated} 条意见未审核、${undecided} 条意见未作处理`;
      return {
        status: 409,
        body: { error: 'undecided', message, zh, unmoderated, undecided, blocking: this.blocking() },
      };
    }
    const blocking = this.blocking();
    if (blocking.draft || blocking.checked || blocking.openAssignments) {
      const message = `not yet publishable: ${blocking.draft} drafted, ${blocking.checked} checked`;
      return { status: 409, body: { error: 'not-signed-off', message, zh: '尚不能发布', blocking } };
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
    return { status: 201, body: feedback };
  }

  private answer(call: FakeCall): Response {
    const { method, path } = call;
    const c = `/consultations/${REVIEW_CONSULTATION}`;
    const workflow = this.workflow(call);
    if (workflow) return workflow;
    if (method === 'GET' && path === c) return json(200, this.view());
    const other = /^\/consultations\/([^/]+)(.*)$/.exec(path);
    const known = other && this.others.find((x) => x.id === decodeURIComponent(other[1]!));
    if (other && known) return this.other(call, known, other[2]!);
    if (method === 'GET' && path.startsWith('/consultations/') && path.split('/').length === 3) {
      return json(404, { error: 'not-found', message: `no consultation with id ${path.split('/')[2]}` });
    }
    const policy = method === 'GET' ? /^\/policies\/(.+)$/.exec(path)?.[1] : undefined;
    if (policy) {
      return this.options.bundle && policy === this.options.bundle.id
        ? json(200, this.options.bundle)
        : json(404, { error: 'not-found', message: `no policy with id ${policy}` });
    }
    const anyStaff = this.role(call);
    if (anyStaff instanceof Response) return anyStaff;
    const actor = (role: StaffRole) => `${role}:${call.auth!.slice(11, 23)}`;
    const entered = entryRoutes(call, c, this.comments, (p) => this.permissions(anyStaff)[p]);
    if (entered) return entered;

    if (method === 'GET' && path === '/staff/me') {
      const me: StaffMe = {
        role: anyStaff,
        tokenId: call.auth!.slice(11, 23),
        label: TOKEN_LABELS[anyStaff] ?? null,
        permissions: this.permissions(anyStaff),
        consultations: null,
        expires: new Date(Date.now() + 90 * DAY).toISOString(),
      };
      return json(200, me);
    }
    if (method === 'GET' && path === '/consultations') {
      // The server's cursor: the last item's opening in microseconds, and its id.
      const limit = Number(call.query.get('limit') ?? 100);
      const key = (x: ConsultationSummary): [number, string] => [Date.parse(x.opens) * 1000, x.id];
      const cursor = call.query.get('cursor');
      const [atUs, atId] = cursor ? [Number(cursor.split('~')[0]), cursor.slice(cursor.indexOf('~') + 1)] : [0, ''];
      const rows = this.summaries().filter((x) => {
        if (!cursor) return true;
        const [us, id] = key(x);
        return us < atUs || (us === atUs && id > atId);
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const list: ConsultationList = { items, next: rows.length > limit && last ? key(last).join('~') : null };
      return json(200, list);
    }

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
        .filter((x) => !q.get('group') || groups.get(x.id) === Number(q.get('group')))
        .filter(
          (x) =>
            !q.get('decision') ||
            (q.get('decision') === 'undecided' ? x.decision === null : x.decision === q.get('decision')),
        )
        .filter((x) => !q.get('q') || x.body.toLowerCase().includes(q.get('q')!.toLowerCase()))
        .filter((x) => !q.get('stage') || (!!x.decision && x.stage === q.get('stage')))
        .filter((x) => !q.get('unit') || x.assignment?.unit === Number(q.get('unit')))
        .filter((x) => q.get('overdue') !== 'true' || !!(x.assignment?.open && x.assignment.overdue))
        .sort((a, b) => a.id - b.id);
      const page = rows.slice(0, limit).map((x) => this.shown({ ...x, group: groups.get(x.id) ?? null }, anyStaff));
      return json(200, { items: page, next: rows.length > limit ? String(page.at(-1)!.id) : null });
    }
    if (method === 'GET' && path === `${c}/counts`) return json(200, this.counts());
    const reading = method === 'GET' ? /^\/comments\/(\d+)$/.exec(path)?.[1] : undefined;
    if (reading) {
      const item = this.comments.get(Number(reading));
      if (!item) return json(404, { error: 'not-found', message: `no comment ${reading}` });
      return json(200, this.shown({ ...item, group: this.groupOf().get(item.id) ?? null }, anyStaff));
    }
    const commentId = method === 'PATCH' ? /^\/comments\/(\d+)$/.exec(path)?.[1] : undefined;
    if (commentId) {
      const input = call.body as CommentPatch;
      const role = this.allow(call, rolesWithAll(commentPermissions(input)));
      if (role instanceof Response) return role;
      const id = Number(commentId);
      if (!this.comments.has(id)) return json(404, { error: 'not-found', message: `no comment ${id}` });
      const problem = this.reasonProblem(input);
      if (problem) return problem;
      // Changed since the version the console showed (If-Match: `*`, or etags, weak or strong):
      // refused, with the comment as it is now.
      const now = this.comments.get(id)!;
      const tags = call.ifMatch?.split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (tags && !tags.includes('*') && !tags.includes(now.etag)) {
        return json(412, {
          error: 'changed',
          message: `comment ${id} was changed by someone else; here it is as it stands`,
          zh: '该意见已被他人修改，以下为最新状态',
          current: this.shown({ ...now, group: this.groupOf().get(id) ?? null }, role),
        });
      }
      return json(200, this.shown({ ...this.decide(id, input, actor(role)), group: null }, role));
    }
    if (method === 'POST' && path === `${c}/decisions`) {
      const { ids, filter, ...input } = call.body as CommentPatch & { ids: number[]; filter?: Record<string, unknown> };
      if (filter) {
        // The schema: a filter of at least one field; then the same rules as by ids, all or none.
        if (ids !== undefined || !Object.keys(filter).length) {
          return json(400, { error: 'invalid', message: '$ must match exactly one schema in oneOf' });
        }
        const role = this.allow(call, rolesWithAll(commentPermissions(input)));
        if (role instanceof Response) return role;
        const problem = this.reasonProblem(input);
        if (problem) return problem;
        if (!input.decision && !input.moderation) {
          return json(400, { error: 'invalid', message: 'give a decision or a moderation' });
        }
        const matched = this.matching(filter);
        for (const x of matched) this.decide(x.id, input, actor(role));
        return json(200, { updated: matched.length });
      }
      // The schema (S.BulkDecision): from 1 to 5,000 ids.
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 5000) {
        const message = ids?.length ? 'must NOT have more than 5000 items' : 'must NOT have fewer than 1 items';
        return json(400, { error: 'invalid', message: `$.ids ${message}`, problems: [{ path: '$.ids', message }] });
      }
      const role = this.allow(call, rolesWithAll(commentPermissions(input)));
      if (role instanceof Response) return role;
      const problem = this.reasonProblem(input);
      if (problem) return problem;
      if (!input.decision && !input.moderation) {
        return json(400, { error: 'invalid', message: 'give a decision or a moderation' });
      }
      // All or none: one unknown id leaves every comment as it was.
      const unknown = ids.find((id) => !this.comments.has(id));
      if (unknown) return json(404, { error: 'not-found', message: `no comment ${unknown}` });
      for (const id of [...new Set(ids)]) this.decide(id, input, actor(role));
      return json(200, { updated: new Set(ids).size });
    }
    if (method === 'GET' && path === `${c}/groups`) {
      // Largest first, then by id; a page of `limit` after the cursor `size~group`; no members.
      const limit = Number(call.query.get('limit') ?? 100);
      const cursor = call.query.get('cursor');
      if (!(limit >= 1 && limit <= 1000) || (cursor !== null && !/^[0-9]{1,10}~[0-9]{1,19}$/.test(cursor))) {
        return json(400, { error: 'invalid', message: 'querystring/limit or cursor is not valid' });
      }
      const [atSize, atGroup] = cursor ? cursor.split('~').map(Number) : [Number.POSITIVE_INFINITY, 0];
      const all = [...this.groups()]
        .map(([group, ids]) => ({ group, size: ids.length, sample: this.comments.get(group)!.body.slice(0, 200) }))
        .sort((a, b) => b.size - a.size || a.group - b.group);
      const after = all.filter((g) => g.size < atSize! || (g.size === atSize && g.group > atGroup!));
      const groups = after.slice(0, limit);
      const last = groups.at(-1);
      return json(200, {
        groups,
        next: after.length > limit && last ? `${last.size}~${last.group}` : null,
        total: all.length,
        pending: false,
        computedAt: new Date().toISOString(),
      });
    }
    const oneGroup = method === 'GET' ? new RegExp(`^${c}/groups/(\\d+)$`).exec(path) : null;
    if (oneGroup) {
      const group = Number(oneGroup[1]);
      const ids = this.groups().get(group);
      if (!ids) return json(404, { error: 'not-found', message: `no group ${group}` });
      return json(200, { group, size: ids.length, sample: this.comments.get(group)!.body.slice(0, 200) });
    }
    const splitting = method === 'POST' ? new RegExp(`^${c}/groups/(\\d+)/split$`).exec(path) : null;
    if (splitting || (method === 'POST' && path === `${c}/groups/merge`)) {
      const role = this.may(call, 'decide');
      if (role instanceof Response) return role;
      const groups = this.groups();
      if (splitting) {
        const group = Number(splitting[1]);
        const members = groups.get(group);
        if (!members) return json(404, { error: 'not-found', message: `no group ${group} in consultation` });
        const out = [...new Set((call.body as { ids: number[] }).ids)];
        const strangers = out.filter((id) => !members.includes(id));
        if (strangers.length) {
          return json(422, {
            error: 'not-in-group',
            message: `comments ${strangers.join(', ')} are not in group ${group}`,
            zh: '所选意见不在该重复组中',
          });
        }
        const rest = members.filter((id) => !out.includes(id));
        groups.delete(group);
        const now = this.setGroup(rest);
        return json(200, { group: now, size: now ? rest.length : 0, removed: out.length });
      }
      const asked = [...new Set((call.body as { groups: number[] }).groups)];
      const all: number[] = [];
      for (const g of asked) {
        if (groups.has(g)) all.push(...groups.get(g)!);
        else if (this.comments.has(g) && !this.groupOf().has(g)) all.push(g);
        else return json(404, { error: 'not-found', message: `no group or comment ${g} in consultation` });
      }
      for (const g of asked) groups.delete(g);
      const group = this.setGroup(all);
      return json(200, { group, size: new Set(all).size });
    }
    if (method === 'GET' && path === `${c}/audit`) return json(200, { items: this.audit });
    if (method === 'GET' && path === `${c}/feedback/versions`) return json(200, { versions: this.versions });
    if (method === 'GET' && path === `${c}/feedback/preview`) {
      const role = this.may(call, 'publish', 'decide', 'check', 'signOff');
      return role instanceof Response ? role : json(200, this.preview());
    }
    const polled = new RegExp(`^${c}/feedback/runs/(\\d+)$`).exec(path);
    if (method === 'GET' && polled) {
      const role = this.may(call, 'publish', 'decide');
      if (role instanceof Response) return role;
      const run = this.runs.get(Number(polled[1]));
      if (!run) return json(404, { error: 'not-found', message: 'no such publication run' });
      if (run.polls-- > 0) return json(200, { ...run.view, state: 'running', startedAt: run.view.requestedAt });
      const finishedAt = new Date().toISOString();
      const { status, body } = run.outcome;
      return json(
        200,
        status === 201
          ? { ...run.view, state: 'done', finishedAt, version: (body as FeedbackView).version, result: body }
          : { ...run.view, state: 'failed', finishedAt, error: { status, ...(body as object) } },
      );
    }
    if (method === 'POST' && path === `${c}/feedback`) {
      const outcome = this.publish(call);
      if (outcome instanceof Response) return outcome;
      if (this.options.publishPolls === undefined) return json(outcome.status, outcome.body);
      // Done now, told through a run, as a server publishing many comments in the background does.
      const view = {
        id: this.runs.size + 1,
        consultation: REVIEW_CONSULTATION,
        kind: 'publish',
        state: 'queued',
        requestedBy: actor(anyStaff),
        requestedAt: new Date().toISOString(),
        startedAt: null,
        finishedAt: null,
        version: null,
      };
      this.runs.set(view.id, { view, polls: this.options.publishPolls, outcome });
      return json(202, view);
    }
    if (method === 'GET' && [`${c}/export.csv`, `${c}/report.html`, `${c}/report.docx`].includes(path)) {
      const role = this.may(call, 'export');
      if (role instanceof Response) return role;
    }
    if (method === 'GET' && path === `${c}/export.csv`) {
      // Names and contacts are columns only for those who may read them.
      const contacts = this.permissions(anyStaff).contacts;
      const row = (x: CommentItem) =>
        [x.id, x.body, ...(contacts ? [x.name ?? '', x.contact ?? ''] : [])].map((v) => `"${v}"`).join(',');
      const head = contacts ? '"编号","意见","姓名","联系方式"' : '"编号","意见"';
      return new Response(`\uFEFF${head}\r\n${[...this.comments.values()].map(row).join('\r\n')}`, {
        status: 200,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
    }
    if (method === 'GET' && path === `${c}/report.html`) {
      // Before every comment is handled, the report says it is a draft, and how many are left.
      const left = [...this.comments.values()].filter(
        (x) => x.moderation === 'pending' || (x.moderation === 'approved' && !x.decision),
      ).length;
      const draft = left ? `<p>草稿：尚有 ${left} 条未处理</p>` : '';
      return new Response(`<!doctype html><title>意见采纳情况说明</title><h1>说明</h1>${draft}`, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    if (method === 'GET' && path === `${c}/report.docx`) {
      // The bytes a Word file starts with: the console hands them on as they are.
      return new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
        status: 200,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      });
    }
    if (path === '/reason-templates' && method === 'GET') return json(200, { items: this.templates });
    if (path === '/reason-templates' && method === 'POST') {
      const role = this.may(call, 'editTemplates');
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
      const role = this.may(call, 'editTemplates');
      if (role instanceof Response) return role;
      this.templates = this.templates.filter((t) => t.id !== Number(templateId));
      return json(204, null);
    }
    return json(404, { error: 'not-found', message: `Route ${method}:${path} not found` });
  }
}
