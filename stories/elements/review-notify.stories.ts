// gk-review's 通知 tab (issue 20): a consultation's notification counts and failures sent again,
// and the site's message templates edited with a preview; read-only for a role without
// editTemplates (the editor).
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NotifyFake } from '../../test/helpers/notify-templates-fake.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../../test/helpers/review-fake-api.js';
import { ezhou } from '../examples/ezhou.js';
import { until } from '../examples/frame.js';

interface Args {
  as: 'admin' | 'reviewer' | 'editor';
  lang?: string;
}

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi | null = null;
let notify: NotifyFake | null = null;

const meta: Meta<Args> = {
  title: 'Elements/gk-review/notifications',
  component: 'gk-review',
  args: { as: 'admin' },
  argTypes: { as: { control: 'select', options: ['admin', 'reviewer', 'editor'] } },
  render: (args) => {
    notify?.restore();
    api?.restore();
    api = new ReviewFakeApi({ bundle: ezhou }).install();
    notify = new NotifyFake().install();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[args.as], role: args.as }));
    return html`<div lang=${args.lang ?? 'zh-Hans'} style="max-width:80em">
      <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
    </div>`;
  },
  beforeEach: () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return () => {
      notify?.restore();
      api?.restore();
      notify = null;
      api = null;
      sessionStorage.removeItem(SESSION_KEY);
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const openTab = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const review = canvasElement.querySelector<GkReview>('gk-review')!;
  (await until(() => review.shadowRoot?.querySelector<HTMLElement>('button[data-tab="notify"]'))).click();
  await until(() => review.shadowRoot?.querySelector('#nt-kind'));
};

/** An admin: the counts with 重新发送失败的消息, and the templates to edit and preview. */
export const Admin: Story = { play: openTab };

/** The confirmation's template with the server's preview shown. */
export const Preview: Story = {
  play: async (context) => {
    await openTab(context);
    const root = context.canvasElement.querySelector<GkReview>('gk-review')!.shadowRoot!;
    const kind = root.querySelector<HTMLSelectElement>('#nt-kind')!;
    kind.value = 'confirm';
    kind.dispatchEvent(new Event('change'));
    (
      await until(() =>
        [...root.querySelectorAll<HTMLButtonElement>('.notify-tab button')].find(
          (b) => b.textContent?.trim() === '预览',
        ),
      )
    ).click();
    await until(() => root.querySelector('.nt-preview'));
  },
};

/** An editor: may preview, not change. */
export const Editor: Story = { args: { as: 'editor' }, play: openTab };

/** English. */
export const English: Story = { args: { lang: 'en' }, play: openTab };
