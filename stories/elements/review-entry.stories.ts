// gk-review: the 录入意见 tab (issue 21, every channel): a comment received by letter, e-mail, fax,
// telephone, a meeting, a hearing or a 基层立法联系点 entered with its receipt and reply slip, and
// imports of e-mails (.eml) and the CSV template, checked row by row.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../../test/helpers/review-fake-api.js';
import { ezhou } from '../examples/ezhou.js';
import { until } from '../examples/frame.js';

interface Args {
  lang?: string;
}

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi | null = null;

const meta: Meta<Args> = {
  title: 'Elements/gk-review/entry',
  component: 'gk-review',
  render: (args) => {
    api?.restore();
    api = new ReviewFakeApi({ bundle: ezhou }).install();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS.editor, role: 'editor' }));
    return html`<div lang=${args.lang ?? 'zh-Hans'} style="max-width:80em">
      <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
    </div>`;
  },
  beforeEach: () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return () => {
      api?.restore();
      api = null;
      sessionStorage.removeItem(SESSION_KEY);
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const review = (canvasElement: HTMLElement) => canvasElement.querySelector<GkReview>('gk-review')!;
const openEntry = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = review(canvasElement);
  (await until(() => el.shadowRoot?.querySelector<HTMLElement>('button[data-tab="entry"]'))).click();
  return until(() => el.shadowRoot?.querySelector<HTMLTextAreaElement>('#en-body'));
};

/** The form for one comment, and the import panel beside it. */
export const Form: Story = {
  play: async (context) => {
    await openEntry(context);
  },
};

/** A letter registered: its receipt number and the reply slip to print. */
export const Registered: Story = {
  play: async (context) => {
    const body = await openEntry(context);
    body.value = '建议将办理时限由二十个工作日缩短为十五个工作日。';
    body.dispatchEvent(new Event('input'));
    await review(context.canvasElement).updateComplete;
    review(context.canvasElement).shadowRoot!.querySelector<HTMLButtonElement>('.entry button[type="submit"]')!.click();
  },
};

/** A CSV with a row whose date cannot be read: named by its line, nothing imported. */
export const ImportRefused: Story = {
  play: async (context) => {
    await openEntry(context);
    const el = review(context.canvasElement);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#im-files')!;
    const dt = new DataTransfer();
    dt.items.add(
      new File(
        [
          '渠道,收到日期,提交者类型,条款,意见内容,姓名或单位,联系方式,原件编号\n信函,2026-03-01,个人,,来信一,,,\n座谈会,三月二日,个人,,座谈意见,,,\n',
        ],
        '来信登记.csv',
      ),
    );
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.import .actions button')[0]!.click();
  },
};

/** English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async (context) => {
    await openEntry(context);
  },
};
