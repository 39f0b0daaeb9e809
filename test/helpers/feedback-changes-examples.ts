// Named examples of 因意见修改 (issue 19) for gk-feedback's tests and stories: a draft and its 正式稿
// (示例服务办法, as in test/server/changes.test.ts), the feedback the server publishes once staff
// linked adopted comments to the changes they led to (the 修改说明, each comment's `changes`), and
// what a receipt lookup answers for one of those comments. The comparison is computed with the
// format's own compareTexts, as the server computes it.
import {
  type Change,
  type ChangeExplanation,
  type Clause,
  changeKey,
  compareTexts,
  type FeedbackView,
  type ReceiptLookup,
  receiptFor,
  type SubmitterType,
} from '@gongkai/format';
import { publish } from './feedback-examples.js';

export const SERVICE_CONSULTATION = 'service-rules-draft';

const article = (n: number, number: string, text: string): Clause => ({
  id: String(n),
  number,
  level: 1,
  parent: null,
  title: '',
  text: `${number}　${text}`,
});

export const draftClauses: Clause[] = [
  article(1, '第一条', '为了规范政务服务，方便群众办事，制定本办法。'),
  article(2, '第二条', '本办法适用于本市行政区域内的政务服务活动。'),
  article(3, '第三条', '行政机关应当自受理申请之日起三十日内作出决定。'),
  article(4, '第四条', '政务服务事项实行清单管理，清单向社会公布。'),
  article(5, '第五条', '申请人可以通过自助终端查询办理进度，自助终端由各区统一设置。'),
];

export const finalClauses: Clause[] = [
  ...draftClauses.slice(0, 2),
  article(3, '第三条', '行政机关应当自受理申请之日起十五日内作出决定。'),
  draftClauses[3]!,
  article(6, '第五条', '政务服务场所应当为老年人、残疾人提供帮办代办服务。'),
];

const comparison = compareTexts(draftClauses, finalClauses);
const changeOf = (key: string): Change => comparison.changes.find((c) => changeKey(c) === key)!;

export const CAMPAIGN_LETTER = '强烈要求删除自助终端统一设置的规定，各区情况不同，应当因地制宜。';
export const TIME_LIMIT = '建议将办理时限由三十日缩短为十五日，提高效率。';
const CAMPAIGN_REASON = '删除统一设置的要求，由各区自定。';
const HELPERS_REASON = '增加帮办代办规定，具体范围由实施细则规定。';

type Raw = Parameters<typeof publish>[0][number];
const comment = (clause: string | null, body: string, rest: Partial<Raw>): Raw => ({
  clause,
  body,
  name: null,
  submitterType: 'individual' as SubmitterType,
  decision: 'adopted',
  reason: null,
  removed: false,
  ...rest,
});

/** The comments, and the changes staff linked each to (by body). */
const raw: Raw[] = [
  comment('3', TIME_LIMIT, { name: '王伟' }),
  comment(null, '建议为老年人、残疾人提供帮办代办服务。', { decision: 'partly-adopted', reason: HELPERS_REASON }),
  comment('4', '建议取消清单管理。', { decision: 'not-adopted', reason: '清单管理是法定要求。' }),
  ...[1, 2, 3].map((i) => comment('5', CAMPAIGN_LETTER, { name: `李某${i}`, reason: CAMPAIGN_REASON })),
];
const linked = new Map<string, string[]>([
  [TIME_LIMIT, ['3']],
  ['建议为老年人、残疾人提供帮办代办服务。', ['6']],
  [CAMPAIGN_LETTER, ['-5']],
]);

/** The 修改说明 as the server writes it into the feedback: the changes comments led to, in the text's order. */
export const explanation: ChangeExplanation = {
  version: 2,
  label: '正式稿',
  from: 1,
  summary: comparison.summary,
  items: comparison.changes
    .filter((c) => ['3', '6', '-5'].includes(changeKey(c)))
    .map((change) => {
      const key = changeKey(change);
      const reasons =
        key === '-5'
          ? [{ reason: CAMPAIGN_REASON, count: 3 }]
          : key === '6'
            ? [{ reason: HELPERS_REASON, count: 1 }]
            : [];
      return {
        key,
        change,
        comments: key === '-5' ? 3 : 1,
        campaigns: key === '-5' ? 1 : 0,
        reasons,
      };
    }),
};

const labels = new Map(draftClauses.map((c) => [c.id, c.number]));

/** The feedback as an older server (or a policy with no later version) publishes it: no changes anywhere. */
export function feedbackWithoutChanges(): FeedbackView {
  return publish(raw, { consultation: SERVICE_CONSULTATION, title: '示例服务办法（征求意见稿）' }, labels);
}

/** The feedback once the 正式稿 is out: the 修改说明, and each linked comment's `changes`. */
export function feedbackWithChanges(): FeedbackView {
  const view = feedbackWithoutChanges();
  const campaign = view.comments.filter((c) => c.body === CAMPAIGN_LETTER);
  for (const c of campaign) c.group = campaign[0]!.no;
  for (const c of view.comments) {
    const keys = linked.get(c.body);
    if (keys) c.changes = keys;
  }
  return { ...view, changes: explanation };
}

export const serviceReceipts = {
  /** The comment on 第三条 that led to its change. */
  changed: receiptFor('5ERV1CE0RDER03A'),
  /** The comment not adopted: decided, no change. */
  unchanged: receiptFor('5ERV1CE0RDER04B'),
} as const;

/** What the receipt lookup answers for `serviceReceipts` (`withChanges: false`: an older server). */
export function serviceReceiptAnswers(withChanges = true): Record<string, ReceiptLookup> {
  const base = {
    consultation: SERVICE_CONSULTATION,
    submitted: '2030-05-12T03:25:00.000Z',
    status: 'decided' as const,
  };
  return {
    [serviceReceipts.changed]: {
      ...base,
      receipt: serviceReceipts.changed,
      clause: '3',
      clauseLabel: '第三条',
      decision: 'adopted',
      reason: null,
      ...(withChanges ? { changes: { version: 2, label: '正式稿', from: 1, items: [changeOf('3')] } } : {}),
    },
    [serviceReceipts.unchanged]: {
      ...base,
      receipt: serviceReceipts.unchanged,
      clause: '4',
      clauseLabel: '第四条',
      decision: 'not-adopted',
      reason: '清单管理是法定要求。',
      ...(withChanges ? { changes: null } : {}),
    },
  };
}
