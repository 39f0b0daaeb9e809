import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  campaignSeeds,
  manySeeds,
  REVIEW_CONSULTATION,
  REVIEW_ENDPOINT,
  ReviewFakeApi,
  type ReviewFakeOptions,
  type Seed,
  TOKENS,
} from '../../test/helpers/review-fake-api.js';
import { ezhou } from '../examples/ezhou.js';
import { until } from '../examples/frame.js';

interface Args {
  /** Signed in (a session kept in this tab) with this role; none: the sign-in form. */
  as: 'admin' | 'reviewer' | 'editor' | 'checker' | 'signer' | 'none';
  /** Open this consultation directly; empty: the list. */
  consultation: string;
  /** How the stand-in staff service behaves in this story. */
  api: ReviewFakeOptions;
  lang?: string;
  /** Width of the page, e.g. 640px for a 1280px screen at 200% zoom. */
  width?: string;
}

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;

// Each story installs its own stand-in service; the previous one is put back first.
let current: ReviewFakeApi | null = null;
function install(args: Args): ReviewFakeApi {
  current?.restore();
  current = new ReviewFakeApi({ bundle: ezhou, ...args.api }).install();
  sessionStorage.removeItem(SESSION_KEY);
  if (args.as !== 'none')
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[args.as], role: args.as }));
  return current;
}

/** Every comment of the 鄂州 draft decided or removed: nothing blocks publication. */
const allHandled: Seed[] = [
  {
    clause: '2.1.1',
    body: '建议在各政务服务大厅设置查询终端，方便老年人查询。联系电话 13907110001',
    name: '陈建国',
    decision: 'adopted',
    stage: 'signed',
  },
  {
    clause: '2.1.3',
    body: '政务服务事项的办理时限建议精确到工作日。',
    name: '刘芳',
    decision: 'partly-adopted',
    stage: 'signed',
    reason: '办理时限已按工作日公开；实际平均办理时长待平台统计功能上线后公开。',
  },
  {
    clause: '2.2.5',
    body: '重大建设项目应公开全部招标文件和施工合同全文。',
    submitterType: 'organization',
    name: '鄂州市某建筑行业协会',
    decision: 'not-adopted',
    stage: 'signed',
    reason: '施工合同中涉及商业秘密的内容依法不予公开。',
  },
  {
    clause: '1.3',
    body: '希望政府帮忙解决我家小区物业纠纷问题。',
    name: '赵强',
    decision: 'out-of-scope',
    stage: 'signed',
    reason: '已转市住房保障和房屋管理局办理。',
  },
  { clause: null, body: '广告：代办各类证件，联系微信 abc123', moderation: 'rejected', removalReason: '广告' },
];

const meta: Meta<Args> = {
  title: 'Elements/gk-review',
  component: 'gk-review',
  args: { as: 'reviewer', consultation: REVIEW_CONSULTATION, api: {} },
  argTypes: { as: { control: 'select', options: ['none', 'reviewer', 'checker', 'signer', 'editor', 'admin'] } },
  render: (args) => {
    install(args);
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${`max-width:${args.width ?? '80em'}`}>
      <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${args.consultation}></gk-review>
    </div>`;
  },
  beforeEach: () => {
    // The console keeps what is open in the hash: each story starts from a plain address.
    const plain = () => history.replaceState(null, '', `${location.pathname}${location.search}`);
    plain();
    return () => {
      current?.restore();
      current = null;
      sessionStorage.removeItem(SESSION_KEY);
      plain();
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const review = (canvas: HTMLElement) => canvas.querySelector<GkReview>('gk-review')!;
const part = <T extends HTMLElement = HTMLElement>(canvas: HTMLElement, selector: string) =>
  until(() => review(canvas).shadowRoot?.querySelector<T>(selector));
const tab = (name: string) => async (canvas: HTMLElement) =>
  (await part(canvas, `nav.tabs [data-tab="${name}"]`)).click();
const openComment = async (canvas: HTMLElement, id: number) => {
  (await part(canvas, `tr[data-id="${id}"] button.row-open`)).click();
  return part(canvas, `.detail[data-comment="${id}"]`);
};
const type = (field: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  field.value = value;
  field.dispatchEvent(new Event('input'));
};

/** Signed out: the token form (the token stays in this tab's sessionStorage only). */
export const SignedOut: Story = { args: { as: 'none' } };

/** A token that is not valid (revoked): said next to the field, what was pasted kept. */
export const SignInRefused: Story = {
  args: { as: 'none' },
  play: async ({ canvasElement }) => {
    type(await part<HTMLInputElement>(canvasElement, '#token'), TOKENS.revoked);
    await review(canvasElement).updateComplete;
    (await part(canvasElement, 'form.sign-in button[type="submit"]')).click();
  },
};

/** Signed in without a consultation: every consultation on the server, with status and counts. */
export const ConsultationList: Story = { args: { consultation: '' } };

/** Signed in as an administrator whose token has a label: the header names both. */
export const LabelledToken: Story = { args: { as: 'admin', consultation: '' } };

/** The comments table: dense, filters, one tab stop, j/k to move (press ? for the shortcuts). */
export const CommentsTable: Story = {};

/** A consultation of 1,040 comments, 312 handled: paging, progress, a campaign group. */
export const LargeConsultation: Story = { args: { api: { comments: manySeeds(1040, 312) } } };

/**
 * One comment open beside the text of its clause, with moderation and the decision form. A
 * reviewer's token may not read names and contacts: the console says so ("无权查看").
 */
export const CommentOpen: Story = { play: async ({ canvasElement }) => void (await openComment(canvasElement, 2)) };

/** The same comment for an administrator, who may read names and contacts. */
export const CommentOpenWithContacts: Story = {
  args: { as: 'admin' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 1)),
};

/** A reason from a template (理由模板), which can be undone. */
export const ReasonTemplate: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 5);
    const select = detail.querySelector<HTMLSelectElement>('select[data-template]')!;
    select.value = '1';
    select.dispatchEvent(new Event('change'));
  },
};

/** "Not adopted" without a reason: stopped before sending, the rule said next to the field. */
export const ReasonRequired: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 3);
    detail.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    await review(canvasElement).updateComplete;
    detail.querySelector<HTMLButtonElement>('form.decision button[type="submit"]')!.click();
  },
};

/** The network fails on save: what happened is said, and the reason written is kept. */
export const NetworkError: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 3);
    detail.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    type(detail.querySelector('textarea')!, '施工合同中涉及商业秘密的内容依法不予公开。');
    await review(canvasElement).updateComplete;
    current!.failNext(/^\/comments\/3$/, 'network');
    detail.querySelector<HTMLButtonElement>('form.decision button[type="submit"]')!.click();
  },
};

/**
 * A colleague decided the comment while this reviewer was writing: the save is refused (412),
 * what the colleague set is shown and announced, and the decision and reason typed here stay,
 * to save again (overwriting knowingly) or discard.
 */
export const EditedMeanwhile: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 3);
    detail.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    type(detail.querySelector('textarea')!, '施工合同中涉及商业秘密的内容依法不予公开。');
    await review(canvasElement).updateComplete;
    current!.edit(3, { decision: 'partly-adopted', reason: '招标文件将在公共资源交易平台公开。' });
    detail.querySelector<HTMLButtonElement>('form.decision button[type="submit"]')!.click();
  },
};

/** Another decision for a comment with a reason: the old reason is cleared, and can be put back. */
export const ReasonCleared: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 11);
    detail.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
  },
};

/** The token was revoked mid-session: back to sign-in, with the reason why. */
export const SessionExpired: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 3);
    current!.failNext(/^\/comments\/3$/, { status: 401, body: { error: 'unauthorized', message: 'token revoked' } });
    detail.querySelector<HTMLButtonElement>('[data-action="approve"]')!.click();
  },
};

/** A comment removed as advertising: the category the server kept is shown with its state. */
export const RemovedComment: Story = {
  args: { api: { comments: allHandled } },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 5)),
};

/** An editor: may read, export and publish, not moderate or decide; the form says so. */
export const EditorReadOnly: Story = {
  args: { as: 'editor' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 3)),
};

/**
 * Many comments chosen at once: every row shown with the box in the header, then a range with
 * shift+click (or x and shift+x from the keyboard); the bar approves, removes with a category,
 * or decides them all with one reason (here from a template), after a confirmation that says
 * how many and which decision. The choice stays while more pages load, and is cleared when the
 * filters change.
 */
export const BulkSelection: Story = {
  args: { api: { comments: manySeeds(1040, 40) } },
  play: async ({ canvasElement }) => {
    const el = review(canvasElement);
    const box = async (id: number) => part<HTMLInputElement>(canvasElement, `input[data-select="${id}"]`);
    (await box(41)).click();
    (await box(52)).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
    await el.updateComplete;
    (await part(canvasElement, '[data-bulk="deciding"]')).click();
    const form = await part<HTMLFormElement>(canvasElement, 'form[data-form="bulk"]');
    const select = form.querySelector<HTMLSelectElement>('select[data-template]')!;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

/**
 * A campaign: five near-identical comments as one group, "1 条代表意见 + 4 份联名/相近意见", its
 * members with their state (one decided on its own), one decision for the undecided ones or all.
 */
export const Group: Story = {
  play: async ({ canvasElement }) => {
    await tab('groups')(canvasElement);
    (await part(canvasElement, 'li.group button[aria-expanded]')).click();
  },
};

/**
 * Many campaigns, largest first, twenty at a time (加载更多 reads the next page); the largest
 * open with its first 50 members and one ticked to be split out; two groups chosen to merge.
 */
export const GroupsMany: Story = {
  args: { api: { comments: campaignSeeds([60, 6, 5, 4, 3, ...Array.from({ length: 20 }, () => 2)]) } },
  play: async ({ canvasElement }) => {
    await tab('groups')(canvasElement);
    (await part(canvasElement, 'li.group button[aria-expanded]')).click();
    (await part<HTMLInputElement>(canvasElement, '.group-panel li[data-member]:nth-child(2) input')).click();
    (await part<HTMLInputElement>(canvasElement, 'li.group:nth-child(2) input[data-merge]')).click();
    (await part<HTMLInputElement>(canvasElement, 'li.group:nth-child(3) input[data-merge]')).click();
  },
};

/** Publishing blocked: still open, comments unmoderated and undecided, each with "查看"; the
 * server's preview says which comments it leaves out; the report offered is marked a draft, with
 * the counts of what is left. */
export const PublishBlocked: Story = {
  args: { as: 'editor', api: { window: 'open' } },
  play: async ({ canvasElement }) => tab('publish')(canvasElement),
};

/** Ready to publish once every decision is signed off: the preview as citizens will see it (names and phone numbers masked). */
export const PublishReady: Story = {
  args: { as: 'editor', api: { comments: allHandled } },
  play: async ({ canvasElement }) => tab('publish')(canvasElement),
};

/** Long numbers the masking did not recognise, listed before publishing for a human look. */
export const PublishLongNumbers: Story = {
  args: {
    as: 'editor',
    api: {
      comments: [
        ...allHandled,
        {
          clause: '2.1.3',
          body: '我的社保卡号 4201 2345 678，办理时限应精确到工作日。',
          name: '王明',
          decision: 'adopted',
        },
      ],
    },
  },
  play: async ({ canvasElement }) => tab('publish')(canvasElement),
};

/** A colleague reopened a comment meanwhile: the server's 409 is explained, progress refreshed. */
export const PublishConflict: Story = {
  args: { as: 'editor', api: { comments: allHandled } },
  play: async ({ canvasElement }) => {
    await tab('publish')(canvasElement);
    await part(canvasElement, '.publish .ready');
    current!.comments.set(1, { ...current!.comments.get(1)!, decision: null });
    (await part(canvasElement, '[data-action="publish"]')).click();
    (await part(canvasElement, '[data-action="confirm-publish"]')).click();
  },
};

/** The audit log after a decision: who changed what, when. */
export const Audit: Story = {
  play: async ({ canvasElement }) => {
    const detail = await openComment(canvasElement, 4);
    detail.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await review(canvasElement).updateComplete;
    detail.querySelector<HTMLButtonElement>('form.decision button[type="submit"]')!.click();
    await until(() => detail.querySelector('.saved')?.textContent === '已保存');
    await tab('audit')(canvasElement);
  },
};

/** The keyboard shortcuts dialog ("?"). */
export const Shortcuts: Story = {
  play: async ({ canvasElement }) => (await part<HTMLDialogElement>(canvasElement, 'dialog#help')).showModal(),
};

/** 200% zoom on a 1280px screen: 640 CSS pixels; the open comment goes below the table. */
export const Zoom200: Story = {
  args: { width: '640px' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 2)),
};

/** A 390 px phone: each comment a card (number, clause as printed, text, state), nothing cut off. */
export const Phone: Story = {
  args: { width: '390px' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 7)),
};

/** Beside the open comment on a wide screen, the list turns to cards rather than clip its columns. */
export const CommentOpenWide: Story = {
  args: { width: '1280px' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 8)),
};

/** A link to a comment (`#consultation=…&comment=11`): it opens with its row under the cursor. */
export const LinkedComment: Story = {
  args: { consultation: '' },
  beforeEach: () => {
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#consultation=${REVIEW_CONSULTATION}&comment=11`,
    );
  },
};

/** An older server sends no clause labels: the console names clauses from the draft itself. */
export const ClausesFromTheDraft: Story = { args: { api: { clauseLabels: false } } };

/** Traditional Chinese. */
export const TraditionalChinese: Story = {
  args: { lang: 'zh-Hant' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 2)),
};

/** English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 2)),
};

/** 拟办 → 审核: a checker opens a drafted decision, its stage in words, and the steps it may take. */
export const SignOffChecker: Story = {
  args: { as: 'checker' },
  play: async ({ canvasElement }) => void (await openComment(canvasElement, 1)),
};

/** 签发 of the whole current filter: the server's count and the confirmation. */
export const SignOffFilter: Story = {
  args: { as: 'signer', api: { comments: allHandled.map((c) => (c.decision ? { ...c, stage: 'checked' } : c)) } },
  play: async ({ canvasElement }) => {
    const stage = await part<HTMLSelectElement>(canvasElement, '#f-stage');
    stage.value = 'checked';
    stage.dispatchEvent(new Event('change'));
    (await part(canvasElement, '.filter-signoff [data-step="sign"]')).click();
  },
};

/** Assignment to a unit (处室) with a due date, and internal notes with a reply. */
export const AssignmentAndNotes: Story = {
  args: { as: 'admin' },
  play: async ({ canvasElement }) => {
    current!.notes.push(
      {
        id: 1,
        comment: 5,
        group: null,
        replyTo: null,
        body: '请法规科核实该小区情况。',
        author: 'admin:00000000000a',
        created: new Date().toISOString(),
      },
      {
        id: 2,
        comment: 5,
        group: null,
        replyTo: 1,
        body: '已核实，属物业纠纷，建议不予采纳。',
        author: 'reviewer:00000000000b',
        created: new Date().toISOString(),
      },
    );
    await openComment(canvasElement, 5);
  },
};

/** Publication blocked by decisions not yet checked or signed off, per unit, in words. */
export const PublishNotSignedOff: Story = {
  args: { as: 'editor' },
  play: async ({ canvasElement }) => tab('publish')(canvasElement),
};
