// Named examples of published feedback (意见采纳情况反馈), shared by the gk-feedback tests, its
// stories and its benchmark: the demo consultation on 鄂州政办发〔2016〕40号 as the server would
// publish it, a generator of 10,000 realistic comments, the same paged as the server now serves
// it (first page, campaigns, reasons), and a fake of the consultation service that serves pages.
import {
  type ConsultationView,
  type Decision,
  type FeedbackComment,
  type FeedbackCommentsPage,
  type FeedbackView,
  type ReceiptLookup,
  receiptFor,
  type SubmitterType,
} from '@gongkai/format';
import { feedbackFrom } from '../../packages/server/src/lib/feedback-view.js';

/** The demo consultation file (demo/consultations/*.json), as `pnpm start` seeds it. */
export interface DemoConsultation {
  id: string;
  title: string;
  policy: string;
  contact: string;
  draftingNotes: string;
  basis: { title: string; url?: string }[];
  comments: DemoComment[];
}

/** Where the tests fetch it (the stories import it, the benchmark reads it). */
export const demoConsultationPath = '/demo/consultations/ezhou-2016-40-draft.json';

export async function loadDemoConsultation(): Promise<DemoConsultation> {
  return (await (await fetch(demoConsultationPath)).json()) as DemoConsultation;
}

export const EZHOU_CONSULTATION_ID = 'ezhou-zbf-2016-40-draft';
const EZHOU_TITLE = '关于公开征求《鄂州市全面推进政务公开工作实施方案（征求意见稿）》意见的公告';

interface DemoComment {
  clause?: string;
  body: string;
  name?: string;
  submitterType?: string;
  decision?: string;
  reason?: string;
  moderation?: string;
}

/** Document order of clause ids like `2.1.10` (numeric by segment); the whole text first. */
function compareClauses(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

interface RawComment {
  clause: string | null;
  body: string;
  name: string | null;
  submitterType: SubmitterType;
  decision: Decision | null;
  reason: string | null;
  removed: boolean;
}

/** What the server publishes from these comments: its own builder (counts, masking, numbering). */
export function publish(
  raw: readonly RawComment[],
  meta: { consultation: string; title: string; version?: number; published?: string },
  /** The clauses as printed, by id (versions published before labels have none). */
  labels: ReadonlyMap<string, string> = new Map(),
): FeedbackView {
  const ids = [...new Set(raw.flatMap((r) => (r.clause === null ? [] : [r.clause])))].sort(compareClauses);
  const sources = raw.map((r) => ({
    ...r,
    moderation: r.removed ? 'rejected' : 'approved',
    removalReason: null,
  }));
  const { feedback } = feedbackFrom(
    { id: meta.consultation, title: meta.title },
    sources,
    new Map(ids.map((id, i) => [id, i])),
    labels,
  );
  return { ...feedback, version: meta.version ?? 1, published: meta.published ?? '2016-06-20T02:00:00.000Z' };
}

function rawOf(demo: DemoConsultation): RawComment[] {
  return demo.comments.map((c) => ({
    clause: c.clause ?? null,
    body: c.body,
    name: c.name ?? null,
    submitterType: (c.submitterType ?? 'individual') as SubmitterType,
    decision: (c.decision ?? null) as Decision | null,
    reason: c.reason ?? null,
    removed: c.moderation === 'rejected',
  }));
}

/** The demo consultation's feedback: six comments, one removed in moderation, every outcome. */
export function demoFeedback(demo: DemoConsultation, labels?: ReadonlyMap<string, string>): FeedbackView {
  return publish(rawOf(demo), { consultation: demo.id, title: demo.title }, labels);
}

/** The same consultation, closed and not yet answered: what `GET /consultations/:id` says. */
export function demoConsultationView(demo: DemoConsultation): ConsultationView {
  const byClause: Record<string, number> = {};
  for (const c of demo.comments) byClause[c.clause ?? ''] = (byClause[c.clause ?? ''] ?? 0) + 1;
  return {
    id: demo.id,
    title: demo.title,
    policyId: demo.policy,
    opens: '2016-05-02T16:00:00.000Z',
    closes: '2016-06-01T15:59:59.999Z',
    days: 30,
    shortWindowReason: null,
    status: 'closed',
    contact: demo.contact,
    draftingNotes: demo.draftingNotes,
    basis: demo.basis,
    origins: [],
    feedbackExpected: '2016-06-20',
    counts: { received: demo.comments.length, byClause },
  };
}

/** No comments at all: the feedback says 未收到意见. */
export const emptyFeedback: FeedbackView = publish([], { consultation: EZHOU_CONSULTATION_ID, title: EZHOU_TITLE });

/** Receipts the fake service knows (valid check symbols), and what it answers for them. */
export const receipts = {
  decided: 'EZH0-A201-6000-002V',
  pending: 'EZH0-A201-6000-003S',
  /** Well formed, valid check symbol, but no comment has it. */
  unknown: '7K2M-9QX4-RT8B-ZW3R',
  /** The last symbol changed: the check catches it before any request. */
  mistyped: 'EZH0-A201-6000-002W',
  /** A comment on another consultation (valid check symbol). */
  other: receiptFor('0THERC0NS1TAT10'),
} as const;

/** Title and page of the other consultation `receipts.other` belongs to. */
export const OTHER_CONSULTATION = {
  id: 'ezhou-2017-12-draft',
  title: '关于公开征求《鄂州市政府信息公开实施办法（修订征求意见稿）》意见的公告',
  pageUrl: '/zhengqiu/2017-12.html',
};

/** The answers for `receipts`: the demo's second comment (partly adopted) and one not yet decided. */
export function receiptAnswers(demo: DemoConsultation): Record<string, ReceiptLookup> {
  const second = rawOf(demo)[1]!;
  return {
    [receipts.decided]: {
      receipt: receipts.decided,
      consultation: demo.id,
      clause: second.clause,
      submitted: '2016-05-12T03:25:00.000Z',
      status: 'decided',
      decision: second.decision,
      reason: second.reason,
    },
    [receipts.other]: {
      receipt: receipts.other,
      consultation: OTHER_CONSULTATION.id,
      title: OTHER_CONSULTATION.title,
      pageUrl: OTHER_CONSULTATION.pageUrl,
      feedbackExpected: '2017-08-01',
      clause: '3.2',
      clauseLabel: '第十二条',
      submitted: '2017-06-30T16:30:00.000Z',
      status: 'received',
      decision: null,
      reason: null,
    },
    [receipts.pending]: {
      receipt: receipts.pending,
      consultation: demo.id,
      clause: null,
      submitted: '2016-05-30T09:10:00.000Z',
      status: 'received',
      decision: null,
      reason: null,
    },
  };
}

// ---- 10,000 comments ----------------------------------------------------------------------

const CLAUSES: Array<[string, string]> = [
  ['1.1', '指导思想'],
  ['1.3', '工作目标'],
  ['2.1.1', '权力清单和责任清单公开'],
  ['2.1.2', '市场监管信息公开'],
  ['2.1.3', '政务服务公开'],
  ['2.2.4', '经济社会政策信息公开'],
  ['2.2.5', '重大建设项目信息公开'],
  ['2.2.6', '公共资源配置领域信息公开'],
  ['2.2.7', '税费政策及办税服务事项公开'],
  ['2.3.9', '扶贫工作信息公开'],
  ['2.3.10', '社会救助信息公开'],
  ['2.3.11', '就业创业信息公开'],
  ['2.3.12', '棚户区改造和保障性住房信息公开'],
  ['2.3.13', '环境保护信息公开'],
  ['2.3.14', '教育、卫生和食品药品安全信息公开'],
  ['2.4.15', '决策公开'],
  ['2.4.17', '预决算公开'],
  ['2.5.18', '政策解读工作'],
  ['2.5.19', '回应社会关切'],
  ['2.6.22', '公开工作信息化集中化'],
  ['3.2', '全面推进和认真落实阶段'],
  ['4.3', '监督考核'],
];
const OPENERS = ['建议', '希望', '关于', '我认为', '能否', '请在'];
const DETAILS = [
  '在各政务服务大厅设置自助查询终端',
  '把公开时限明确到工作日',
  '同步发布简明解读和图解',
  '为老年人提供大字版和语音播报',
  '在乡镇（街道）便民服务中心张贴公告',
  '开通微信公众号查询渠道',
  '每季度公布办理情况统计',
  '公开监督举报电话和邮箱',
  '统一公开格式，方便下载和比对',
  '对涉及群众切身利益的事项先听证再决策',
  '把历年数据整理成可下载的表格',
  '在村（社区）公开栏同步公开',
];
const ENDINGS = [
  '。',
  '，便于群众监督。',
  '，方便不常上网的群众。',
  '。我的电话 13907112345，欢迎联系。',
  '，并明确责任单位。',
];
const REASONS: Record<Decision, string[]> = {
  adopted: ['', '已在本条中补充相关内容。', '已采纳，并在实施步骤中明确责任单位。'],
  'partly-adopted': [
    '已补充公开时限要求；设置自助查询终端需结合各地条件，暂不作统一规定。',
    '已要求同步发布解读；图解形式由各部门根据实际确定。',
    '部分内容已在市政府门户网站公开，其余内容纳入下一阶段工作。',
  ],
  'not-adopted': [
    '该事项涉及商业秘密，依法不予公开。',
    '相关内容已在《鄂州市政府信息公开规定》中作出规定，本方案不再重复。',
    '该建议超出本级政府职权范围，暂不采纳。',
    '现行做法已能满足需要，且新增渠道需要另行立项，暂不采纳。',
  ],
  'out-of-scope': [
    '该意见不属于本次征求意见范围，已转有关部门办理。',
    '该意见属于个人信访事项，已转市信访局依法办理。',
  ],
};
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const ORGANISATIONS = ['鄂州市某律师事务所', '某社区居民委员会', '鄂州市个体劳动者协会', '华容区某村民委员会'];

/** A small deterministic generator (mulberry32), so every run shows the same comments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every this-many-th published comment mentions 适老化改造 (20 of 10,000, on many pages). */
export const RARE_EVERY = 500;
export const RARE_TERM = '适老化改造';

/**
 * `count` comments received, about 5% removed in moderation, on 22 clauses (a few draw most)
 * and the whole text, with every outcome and a reason for each not adopted in full.
 */
export function manyComments(count = 10_000, seed = 40): FeedbackView {
  return publish(manyRaw(count, seed), {
    consultation: EZHOU_CONSULTATION_ID,
    title: EZHOU_TITLE,
    version: 2,
    published: '2016-07-15T02:00:00.000Z',
  });
}

function manyRaw(count: number, seed: number): RawComment[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const raw: RawComment[] = [];
  let published = 0;
  for (let i = 0; i < count; i++) {
    const r = next();
    // A few clauses draw most comments (squared draw), some comments are on the whole text.
    const whole = r < 0.08;
    const [clause, topic] = whole ? [null, '本方案'] : CLAUSES[Math.floor(next() ** 2 * CLAUSES.length)]!;
    const removed = next() < 0.05;
    const d = next();
    const decision: Decision =
      d < 0.3 ? 'adopted' : d < 0.5 ? 'partly-adopted' : d < 0.88 ? 'not-adopted' : 'out-of-scope';
    const kind = next();
    const submitterType: SubmitterType = kind < 0.8 ? 'individual' : kind < 0.9 ? 'organization' : 'anonymous';
    const name =
      submitterType === 'individual'
        ? `${pick(SURNAMES)}${pick(['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇'])}${next() < 0.5 ? pick(['华', '明', '平', '红']) : ''}`
        : submitterType === 'organization'
          ? pick(ORGANISATIONS)
          : null;
    let body = `${pick(OPENERS)}${topic}${pick(DETAILS)}${pick(ENDINGS)}`;
    if (!removed) {
      published++;
      if (published % RARE_EVERY === 0) body = `建议把${RARE_TERM}纳入${topic}，并公开进度。`;
    }
    const reason = pick(REASONS[decision]) || null;
    raw.push({ clause, body, name, submitterType, decision, reason, removed });
  }
  return raw;
}

/** The campaign letters of `campaignFeedback`: how many of each, and their clause. */
export const CAMPAIGNS = [
  {
    size: 120,
    clause: '2.1.3',
    text: '我们是华容区的居民，联名建议政务服务事项办理进度实时公开，并在社区设置查询终端。',
  },
  { size: 12, clause: '1.3', text: '联名建议：政务公开工作纳入年度绩效考核，考核结果向社会公开。' },
] as const;

/**
 * 3,000 comments received, among them two campaigns of near-identical letters (120 and 12, the
 * letters differing only in their signatures), published with every comment's `group` as the
 * server sets it: the number of its campaign's first published comment.
 */
export function campaignFeedback(): FeedbackView {
  const raw = manyRaw(3_000, 41);
  CAMPAIGNS.forEach((k, g) => {
    for (let i = 0; i < k.size; i++) {
      raw.splice(7 + g * 3 + i * 17, 0, {
        clause: k.clause,
        body: `${k.text}${i % 3 ? '' : '（联名）'}`,
        name: `${SURNAMES[i % SURNAMES.length]}某`,
        submitterType: 'individual',
        decision: 'partly-adopted',
        reason: '办理进度已在政务服务网公开，社区查询终端将结合实际逐步设置。',
        removed: false,
      });
    }
  });
  const view = publish(raw, { consultation: EZHOU_CONSULTATION_ID, title: EZHOU_TITLE, version: 3 });
  for (const k of CAMPAIGNS) {
    const members = view.comments.filter((c) => c.body.startsWith(k.text));
    for (const c of members) c.group = members[0]!.no;
  }
  return view;
}

/**
 * A version as the server publishes it since paging: the figures, campaigns and reasons of
 * `full`, and only the first `size` comments in the document (the rest by `pageOf`).
 */
export function pagedFeedback(full: FeedbackView, size = 50): FeedbackView {
  const groups = new Map<number, number>();
  for (const c of full.comments) if (c.group != null) groups.set(c.group, (groups.get(c.group) ?? 0) + 1);
  const largest = [...groups]
    .filter(([, n]) => n > 1)
    .map(([no, n]) => ({ no, size: n }))
    .sort((a, b) => b.size - a.size || a.no - b.no);
  const reasons = new Map<string, { decision: Decision; reason: string; count: number }>();
  for (const c of full.comments) {
    if (!c.reason) continue;
    const key = `${c.decision}\u0001${c.reason}`;
    const r = reasons.get(key) ?? { decision: c.decision, reason: c.reason, count: 0 };
    r.count++;
    reasons.set(key, r);
  }
  const first = pageOf(full.comments, new URLSearchParams({ limit: String(size) }));
  return {
    ...full,
    comments: first.items,
    next: first.next,
    total: full.comments.length,
    campaigns: {
      groups: largest.length,
      copies: largest.reduce((sum, g) => sum + g.size - 1, 0),
      largest: largest.slice(0, 10),
    },
    reasons: [...reasons.values()]
      .sort((a, b) => b.count - a.count || a.decision.localeCompare(b.decision) || a.reason.localeCompare(b.reason))
      .slice(0, 30),
  };
}

/** `GET …/feedback/comments` as the server answers it: filters, a text search, pages by `no`. */
export function pageOf(all: readonly FeedbackComment[], query: URLSearchParams): FeedbackCommentsPage {
  const clause = query.get('clause');
  const decision = query.get('decision');
  const q = query.get('q')?.toLowerCase();
  const limit = Number(query.get('limit') ?? 50);
  const cursor = Number(query.get('cursor') ?? 0);
  const matching = all.filter(
    (c) =>
      (clause === null || (clause === 'none' ? c.clause === null : c.clause === clause)) &&
      (!decision || c.decision === decision) &&
      (!q || c.body.toLowerCase().includes(q)),
  );
  const rest = matching.filter((c) => c.no > cursor);
  const items = rest.slice(0, limit);
  return { items, next: rest.length > limit ? String(items.at(-1)!.no) : null, total: matching.length };
}

// ---- A fake consultation service ------------------------------------------------------------

export interface FakeApiOptions {
  /** The published feedback, or what the feedback request does instead. */
  feedback: FeedbackView | 'not-published' | 'network' | 'server-error' | 'unknown';
  /** Every published comment of the latest version, served in pages (else those of `feedback`). */
  comments?: readonly FeedbackComment[];
  /** Requests for pages of comments fail at the network. */
  commentsNetworkError?: boolean;
  consultation?: ConsultationView;
  receipts?: Record<string, ReceiptLookup>;
  /** Milliseconds before each answer. */
  delay?: number;
  /** Receipt lookups fail at the network. */
  receiptNetworkError?: boolean;
}

export interface FakeApi {
  /** The URLs requested, in order. */
  requests: string[];
  /** Changes what the fake answers from now on. */
  set(options: Partial<FakeApiOptions>): void;
  restore(): void;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Replaces window.fetch for URLs under `endpoint`; anything else goes to the real fetch. */
export function fakeApi(endpoint: string, initial: FakeApiOptions): FakeApi {
  const original = window.fetch;
  let options = { ...initial };
  const requests: string[] = [];
  const base = endpoint.replace(/\/+$/, '');
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.startsWith(base) ? url.slice(base.length) : null;
    if (path === null) return original(input, init);
    requests.push(url);
    if (options.delay) await new Promise((resolve) => setTimeout(resolve, options.delay));
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const receipt = /^\/receipts\/([^/?]+)$/.exec(path);
    if (receipt) {
      if (options.receiptNetworkError) throw new TypeError('Failed to fetch');
      const found = options.receipts?.[decodeURIComponent(receipt[1]!)];
      return found ? json(found) : json({ error: 'not-found', message: 'comment with this receipt not found' }, 404);
    }
    const pages = /^\/consultations\/[^/]+\/feedback\/comments\?(.*)$/.exec(path);
    if (pages) {
      if (options.commentsNetworkError) throw new TypeError('Failed to fetch');
      const f = options.feedback;
      const all = options.comments ?? (typeof f === 'object' ? f.comments : null);
      if (!all) return json({ error: 'not-published', message: 'not published' }, 404);
      return json(pageOf(all, new URLSearchParams(pages[1])));
    }
    if (/^\/consultations\/[^/]+\/feedback$/.test(path)) {
      const f = options.feedback;
      if (f === 'network') throw new TypeError('Failed to fetch');
      if (f === 'server-error') return json({ error: 'unavailable', message: 'database unavailable' }, 503);
      if (f === 'unknown') return json({ error: 'not-found', message: 'consultation not found' }, 404);
      if (f === 'not-published') {
        return json(
          {
            error: 'not-published',
            message: 'the feedback on this consultation has not been published yet',
            zh: '意见采纳情况尚未公布',
          },
          404,
        );
      }
      return json(f);
    }
    if (/^\/consultations\/[^/]+$/.test(path)) {
      return options.consultation
        ? json(options.consultation)
        : json({ error: 'not-found', message: 'not found' }, 404);
    }
    return json({ error: 'not-found', message: 'no such route' }, 404);
  };
  return {
    requests,
    set(changes) {
      options = { ...options, ...changes };
    },
    restore() {
      window.fetch = original;
    },
  };
}
