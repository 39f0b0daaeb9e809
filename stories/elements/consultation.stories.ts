import '@gongkai/elements';
import type { GkConsultation } from '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import demoJson from '../../demo/consultations/ezhou-2016-40-draft.json' with { type: 'json' };
import {
  bundleConsultation,
  CONSULTATION_ID,
  ENDPOINT,
  type FakeApi,
  type FakeOptions,
  fakeConsultationApi,
} from '../../test/helpers/consultation-fake.js';
import { type DemoConsultation, demoFeedback } from '../../test/helpers/feedback-examples.js';
import { ezhou } from '../examples/ezhou.js';
import { PHONE, until } from '../examples/frame.js';

interface Args {
  /** How the stand-in consultation service behaves in this story. */
  api: FakeOptions;
  /** Give the bundle's consultation instead of endpoint + id. */
  fromBundle?: boolean;
  /** Show the draft's text beside it, with "对本条提意见" on each clause. */
  withDocument?: boolean;
  info?: unknown;
  lang?: string;
  phone?: boolean;
  /** Show the gk-consultation-bar (the status line a page opens with) above. */
  bar?: boolean;
  /** `notify-channels`: email (default), "email sms", none. */
  notifyChannels?: string;
}

// Each story installs its own stand-in service; the previous one is put back first.
let current: FakeApi | null = null;
function install(options: FakeOptions): void {
  current?.restore();
  current = fakeConsultationApi({ ...options, commentFailures: [...(options.commentFailures ?? [])] });
}

const clearDrafts = () => {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('gongkai:consultation:')) localStorage.removeItem(key);
};

const meta: Meta<Args> = {
  title: 'Elements/gk-consultation',
  component: 'gk-consultation',
  args: { api: {} },
  render: (args) => {
    install(args.api);
    const width = args.phone ? `max-width:${PHONE}` : 'max-width:48em';
    const consultation = args.fromBundle
      ? html`<gk-consultation id="window" for="draft" .info=${args.info ?? bundleConsultation('open')}></gk-consultation>`
      : html`<gk-consultation
          id="window"
          for="draft"
          endpoint=${ENDPOINT}
          consultation=${CONSULTATION_ID}
          notify-channels=${args.notifyChannels ?? nothing}
        ></gk-consultation>`;
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${width}>
      ${args.bar ? html`<gk-consultation-bar for="window"></gk-consultation-bar>` : nothing}
      ${args.withDocument ? html`<gk-document id="draft" .bundle=${ezhou} no-toc></gk-document>` : nothing}
      ${consultation}
    </div>`;
  },
  beforeEach: () => {
    clearDrafts();
    return () => {
      current?.restore();
      current = null;
      clearDrafts();
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const inside = (canvas: HTMLElement) => canvas.querySelector<GkConsultation>('gk-consultation')!;
const part = async <T extends Element>(canvas: HTMLElement, selector: string) =>
  until(() => inside(canvas).shadowRoot?.querySelector<T>(selector));

/** Fills the form as a citizen would and presses 提交意见. */
const writeAndSend =
  (text = '建议考核结果按季度公开，并说明扣分理由。') =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const body = await part<HTMLTextAreaElement>(canvasElement, '#body');
    body.value = text;
    body.dispatchEvent(new Event('input'));
    (await part<HTMLInputElement>(canvasElement, '#consent')).click();
    await inside(canvasElement).updateComplete;
    (await part<HTMLButtonElement>(canvasElement, 'button[type="submit"]')).click();
  };

/** Open for comments: status with the days left, the drafting notes and basis, the form. */
export const Open: Story = {};

/** Beside the draft: every clause has "对本条提意见"; pressing one opens the form for it. */
export const WithDocument: Story = {
  args: { withDocument: true },
  play: async ({ canvasElement }) => {
    const doc = canvasElement.querySelector('gk-document')!;
    const button = await until(() =>
      doc.shadowRoot?.querySelector<HTMLButtonElement>('#gk-clause-2\\.1 [part="comment"]'),
    );
    button.click();
  },
};

/** On a phone, "对本条提意见" opens the form under the clause as a bottom sheet, quoting it (cut with …). */
export const AtTheClausePhone: Story = {
  args: { withDocument: true, phone: true },
  play: async ({ canvasElement }) => {
    const doc = canvasElement.querySelector('gk-document')!;
    const button = await until(() =>
      doc.shadowRoot?.querySelector<HTMLButtonElement>('#gk-clause-2\\.1\\.3 [part="comment"]'),
    );
    button.click();
  },
};

/** Sent at the clause: the receipt beside it, with the draft's title, the comment and Beijing time. */
export const ReceiptAtTheClause: Story = {
  args: { withDocument: true, api: { feedbackExpected: '2026-12-31' } },
  play: async (context) => {
    const doc = context.canvasElement.querySelector('gk-document')!;
    const button = await until(() =>
      doc.shadowRoot?.querySelector<HTMLButtonElement>('#gk-clause-1\\.3 [part="comment"]'),
    );
    button.click();
    await writeAndSend('建议把“十三五”期间的目标细化到每一年。')(context);
  },
};

/** The status bar a page opens with, in each state (open: 截止 · 还剩 N 天 · 我要提意见). */
export const StatusBarOpen: Story = { args: { bar: true, phone: true } };

/** The status bar before the window opens: when it opens. */
export const StatusBarUpcoming: Story = { args: { bar: true, phone: true, api: { status: 'upcoming' } } };

/** The status bar after closing: when the outcome is expected, and 查询我的意见. */
export const StatusBarClosed: Story = {
  args: { bar: true, phone: true, api: { status: 'closed', feedbackExpected: '2026-12-31' } },
};

/** The status bar once the feedback is published: the counts, 查看采纳情况 and 查询我的意见. */
export const StatusBarPublished: Story = {
  args: {
    bar: true,
    phone: true,
    api: { status: 'feedback-published', received: 6, feedback: demoFeedback(demoJson as DemoConsultation) },
  },
};

/** Not open yet: when it opens, and no form. */
export const Upcoming: Story = { args: { api: { status: 'upcoming' } } };

/** Closed: thanks, and when the outcome is expected. */
export const Closed: Story = { args: { api: { status: 'closed', feedbackExpected: '2026-12-31' } } };

/** The feedback is published: the outcome is shown where the form was, for a bookmarked draft. */
export const Published: Story = {
  args: { api: { status: 'feedback-published', feedback: demoFeedback(demoJson as DemoConsultation) } },
};

/** Sent: the receipt, large, with copy, print and save. */
export const Receipt: Story = { play: writeAndSend() };

/**
 * What this device keeps after a comment with a phone number was sent: the receipt, listed under
 * 我提交的意见（本设备） with the number masked, and "在公共电脑上？清除本机记录" below.
 */
export const KeptOnThisDevice: Story = {
  play: async (context) => {
    await writeAndSend('建议增设查询终端，有问题请打 138 0013 8000 找我。')(context);
    await part(context.canvasElement, '.sent .excerpt');
  },
};

/** On a public computer: "清除本机记录" pressed; every draft and receipt gone, the form empty, said aloud. */
export const ClearDevice: Story = {
  play: async (context) => {
    await writeAndSend('图书馆电脑上提交的意见。')(context);
    await part(context.canvasElement, '.sent');
    (await part<HTMLButtonElement>(context.canvasElement, '[part="device"] button')).click();
  },
};

/** Pressing 提交意见 with nothing written: each problem beside its field, announced. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => (await part<HTMLButtonElement>(canvasElement, 'button[type="submit"]')).click(),
};

/** The browser is offline: the comment waits in the outbox, visibly ("等待网络"). */
export const Offline: Story = {
  args: { api: { hang: true } },
  play: async (context) => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    await writeAndSend()(context);
    await part(context.canvasElement, '[part="delivery"]');
    delete (navigator as { onLine?: boolean }).onLine;
  },
};

/** The server fails (503): retried with backoff, same Idempotency-Key, time of the next try shown. */
export const ServerError: Story = {
  args: { api: { commentFailures: Array.from({ length: 20 }, () => ({ status: 503 })) } },
  play: writeAndSend(),
};

/** Too many submissions (429): waits for Retry-After and says until when. */
export const RateLimited: Story = {
  args: {
    api: {
      commentFailures: [
        { status: 429, body: { error: 'rate-limited', message: 'too many' }, headers: { 'retry-after': '300' } },
      ],
    },
  },
  play: writeAndSend(),
};

/** The window closed while the citizen was writing: the reason, and the text kept to copy. */
export const RefusedClosed: Story = {
  args: {
    api: {
      commentFailures: [
        {
          status: 403,
          body: { error: 'closed', message: 'closed', zh: '征求意见已截止', closes: '2026-11-20T15:59:59Z' },
        },
      ],
    },
  },
  play: writeAndSend('截止前一刻写好的意见。'),
};

/** The service cannot be reached: the bundle's dates, said to be unconfirmed; writing still works. */
export const ServiceUnreachable: Story = { args: { fromBundle: true, api: { viewFailure: 'network' } } };

/** A site editor's mistake in the bundle: what is wrong, by path. */
export const BadConfiguration: Story = {
  args: { fromBundle: true, info: { id: 'x', endpoint: 'javascript:alert(1)', opens: '2026-13-01' } },
};

/** On a phone. */
export const Phone: Story = { args: { phone: true, withDocument: true } };

/** Traditional Chinese interface. */
export const TraditionalChinese: Story = { args: { lang: 'zh-Hant' } };

/** English interface. */
export const English: Story = { args: { lang: 'en' } };

/** Fills the form with "处理结果公布后通知我" ticked and `address` typed (an SMS number with `sms`). */
const writeWithNotify =
  (address: string, { send = true, sms = false } = {}) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = inside(canvasElement);
    const body = await part<HTMLTextAreaElement>(canvasElement, '#body');
    body.value = '建议公开权力清单每次调整的记录和理由。';
    body.dispatchEvent(new Event('input'));
    (await part<HTMLInputElement>(canvasElement, '#consent')).click();
    (await part<HTMLInputElement>(canvasElement, '#notify')).click();
    await el.updateComplete;
    if (sms) {
      (await part<HTMLInputElement>(canvasElement, 'input[name="notifyChannel"][value="sms"]')).click();
      await el.updateComplete;
    }
    const input = await part<HTMLInputElement>(canvasElement, '#notify-address');
    input.value = address;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    if (send) (await part<HTMLButtonElement>(canvasElement, 'button[type="submit"]')).click();
  };

/** Issue 20: "处理结果公布后通知我" ticked: the e-mail field and the one-sentence explanation. */
export const NotifyOptIn: Story = { play: writeWithNotify('zhang@example.cn', { send: false }) };

/** The address typed with a Chinese input method (＠, 。): the message names the mistake, at the field. */
export const NotifyBadAddress: Story = { play: writeWithNotify('zhang＠example。cn') };

/** Sent with a notification: the receipt says 已登记通知：z***@example.cn，请查收确认邮件. */
export const NotifyReceipt: Story = { play: writeWithNotify('zhang@example.cn') };

/** Where the site has an SMS gateway (notify-channels="email sms"): a mobile number instead. */
export const NotifySms: Story = {
  args: { notifyChannels: 'email sms', api: { sms: true }, phone: true },
  play: writeWithNotify('138 0013 8000', { sms: true }),
};

/** The server has notifications off: the refusal at the field, the comment and address kept. */
export const NotifyRefused: Story = { args: { api: { notifyOff: true } }, play: writeWithNotify('zhang@example.cn') };

/** The status bar's 关注 opened: gk-follow below it, with the feed and calendar links. */
export const StatusBarFollow: Story = {
  args: { bar: true, phone: true },
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector('gk-consultation-bar')!;
    const button = await until(() =>
      [...(bar.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === '关注'),
    );
    button.click();
  },
};
