import '@gongkai/elements';
import type { GkFollow } from '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import {
  CONSULTATION_ID,
  ENDPOINT,
  type FakeApi,
  type FakeOptions,
  fakeConsultationApi,
} from '../../test/helpers/consultation-fake.js';
import { PHONE, until } from '../examples/frame.js';

interface Args {
  /** How the stand-in service behaves in this story. */
  api: FakeOptions;
  consultation?: string;
  policy?: string;
  notifyChannels?: string;
  lang?: string;
}

let current: FakeApi | null = null;

/**
 * 关注此政策/征求意见 without an account (issue 20): an e-mail address confirmed by a link before
 * anything else is sent, or the Atom feed and the deadlines calendar. gk-consultation-bar's 关注
 * opens it; on its own it needs `endpoint` and `consultation` or `policy`.
 */
const meta: Meta<Args> = {
  title: 'Elements/gk-follow',
  component: 'gk-follow',
  args: { api: {}, consultation: CONSULTATION_ID, policy: 'ezhou-zbf-2016-40' },
  render: (args) => {
    current?.restore();
    current = fakeConsultationApi({ ...args.api, followFailures: [...(args.api.followFailures ?? [])] });
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${`max-width:${PHONE}`}>
      <gk-follow
        endpoint=${ENDPOINT}
        consultation=${args.consultation ?? nothing}
        policy=${args.policy ?? nothing}
        notify-channels=${args.notifyChannels ?? nothing}
      ></gk-follow>
    </div>`;
  },
  beforeEach: () => () => {
    current?.restore();
    current = null;
  },
};
export default meta;
type Story = StoryObj<Args>;

const send =
  (address: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector<GkFollow>('gk-follow')!;
    const input = await until(() => el.shadowRoot?.querySelector<HTMLInputElement>('#follow-address'));
    input.value = address;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  };

/** A consultation and its policy: choose which to follow. */
export const Default: Story = {};

/** Sent: where the confirmation went (masked), and that nothing else comes until it is confirmed. */
export const Sent: Story = { play: send('wang@example.cn') };

/** An address without @: the message at the field. */
export const BadAddress: Story = { play: send('wang.example.cn') };

/** Ten requests from this address this hour already (429): said, the address kept. */
export const RateLimited: Story = {
  args: { api: { followFailures: [{ status: 429, headers: { 'retry-after': '3600' } }] } },
  play: send('wang@example.cn'),
};

/** The server sends no notifications (503): the feed and the calendar remain. */
export const NotificationsOff: Story = { args: { api: { notifyOff: true } }, play: send('wang@example.cn') };

/** A policy alone (e.g. on its page), where the site also sends SMS. */
export const PolicyWithSms: Story = {
  args: { consultation: undefined, notifyChannels: 'email sms', api: { sms: true } },
};

/** Where the site sends nothing: only the feed and the calendar. */
export const FeedsOnly: Story = { args: { notifyChannels: 'none' } };

/** Traditional Chinese. */
export const TraditionalChinese: Story = { args: { lang: 'zh-Hant' } };

/** English. */
export const English: Story = { args: { lang: 'en' } };
