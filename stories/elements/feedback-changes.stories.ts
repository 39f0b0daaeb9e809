import '@gongkai/elements';
import type { GkFeedback } from '@gongkai/elements';
import type { FeedbackView } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import {
  feedbackWithChanges,
  feedbackWithoutChanges,
  SERVICE_CONSULTATION,
  serviceReceiptAnswers,
  serviceReceipts,
} from '../../test/helpers/feedback-changes-examples.js';
import { type FakeApi, type FakeApiOptions, fakeApi } from '../../test/helpers/feedback-examples.js';
import { PHONE, until } from '../examples/frame.js';

const ENDPOINT = '/api/v1';

interface Args {
  /** How the stand-in consultation service answers. */
  api: FakeApiOptions;
  /** A receipt to look up at once. */
  receipt?: string;
  lang?: string;
  theme?: string;
  contrast?: boolean;
  phone?: boolean;
}

// Each story installs its own stand-in service; the previous one is put back first.
let current: FakeApi | null = null;

const meta: Meta<Args> = {
  title: 'Elements/gk-feedback/changes (修改说明)',
  component: 'gk-feedback',
  args: { api: { feedback: feedbackWithChanges(), receipts: serviceReceiptAnswers() } },
  render: (args) => {
    current?.restore();
    current = fakeApi(ENDPOINT, args.api);
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${args.phone ? `max-width:${PHONE}` : 'max-width:56em'}>
      <gk-feedback
        endpoint=${ENDPOINT}
        consultation=${SERVICE_CONSULTATION}
        receipt=${args.receipt ?? nothing}
        theme=${args.theme ?? nothing}
        ?contrast=${args.contrast ?? false}
      ></gk-feedback>
    </div>`;
  },
  beforeEach: () => () => {
    current?.restore();
    current = null;
  },
};
export default meta;
type Story = StoryObj<Args>;

const part = async <T extends Element>(canvas: HTMLElement, selector: string) =>
  until(() => canvas.querySelector<GkFeedback>('gk-feedback')?.shadowRoot?.querySelector<T>(selector));

/**
 * The feedback on the draft of 示例服务办法 once its 正式稿 is out: the 修改说明 (本文件根据公众意见修改了
 * 3 处) after the reasons, each change with the comments, campaigns and reasons behind it and
 * its redline behind 查看修改前后对照; 因此修改 under each comment that led to one. Print it: every
 * redline is on paper, struck through and underlined.
 */
export const Explained: Story = {};

/** A change's redline opened: 新增 and 删除 said in words, underlined and struck through. */
export const RedlineOpen: Story = {
  play: async ({ canvasElement }) => (await part<HTMLButtonElement>(canvasElement, '.ch-toggle')).click(),
};

/** From a comment's 因此修改 link: the focus moves to the change in the 修改说明. */
export const FromAComment: Story = {
  play: async ({ canvasElement }) => (await part<HTMLAnchorElement>(canvasElement, '.ch-led a')).click(),
};

/** A citizen looks up their receipt: 您的意见促成了以下修改（正式稿）：第三条, the redline on demand. */
export const ReceiptWithChange: Story = { args: { receipt: serviceReceipts.changed } };

/** A decided comment that led to no change: the receipt says nothing of changes. */
export const ReceiptWithoutChange: Story = { args: { receipt: serviceReceipts.unchanged } };

/** An older server (or a policy with no later version): no 修改说明, no links, nothing loaded for them. */
export const OlderServer: Story = {
  args: {
    api: { feedback: feedbackWithoutChanges(), receipts: serviceReceiptAnswers(false) },
    receipt: serviceReceipts.changed,
  },
};

/** A 修改说明 the page cannot show: said in its section, the rest of the feedback as usual. */
export const Malformed: Story = {
  args: {
    api: {
      feedback: (() => {
        const view = feedbackWithChanges();
        return { ...view, changes: { ...view.changes!, items: [{ key: '3' }] } } as unknown as FeedbackView;
      })(),
    },
  },
};

export const TraditionalChinese: Story = { args: { lang: 'zh-Hant', receipt: serviceReceipts.changed } };
export const English: Story = { args: { lang: 'en', receipt: serviceReceipts.changed } };
export const HighContrast: Story = { args: { contrast: true }, play: RedlineOpen.play! };
export const Dark: Story = { args: { theme: 'dark' }, play: RedlineOpen.play! };
export const Phone: Story = { args: { phone: true, receipt: serviceReceipts.changed } };
