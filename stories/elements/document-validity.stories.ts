import '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ezhouWithMeta } from '../examples/ezhou.js';

interface Args {
  lang?: string;
  status?: 'valid' | 'repealed' | 'amended' | 'draft' | '';
  effective?: string;
  expires?: string;
}

/**
 * The validity badge as the dates make it today, China time: 尚未施行 before `effective`, 有效,
 * 已失效 after `expires` (its last day in force), 已废止 / 已修订 / 征求意见稿 when the status says
 * so. It changes by itself at midnight China time. Edit the dates in the controls.
 */
const meta: Meta<Args> = {
  title: 'Elements/gk-document/Validity',
  component: 'gk-document',
  argTypes: {
    status: { control: 'select', options: ['', 'valid', 'repealed', 'amended', 'draft'] },
    effective: { control: 'text' },
    expires: { control: 'text' },
    lang: { control: 'select', options: ['zh-Hans', 'zh-Hant', 'en'] },
  },
  args: { lang: 'zh-Hans', status: 'valid', effective: '2016-07-21' },
  render: (args) =>
    html`<gk-document
      lang=${args.lang ?? 'zh-Hans'}
      no-toc
      .bundle=${ezhouWithMeta({
        status: args.status || undefined,
        effective: args.effective || undefined,
        expires: args.expires || undefined,
        supersededBy:
          args.status === 'repealed' || args.status === 'amended'
            ? { title: '鄂州市全面推进政务公开实施办法（2020年修订）', url: '#current' }
            : undefined,
      })}
    ></gk-document>`,
};
export default meta;
type Story = StoryObj<Args>;

/** In force, with the last day of its validity period shown (有效期至). */
export const InForceUntil: Story = { args: { expires: '2099-12-31' } };

/** Published ahead of its effective date: 尚未施行, and when it comes into force. */
export const NotYetInForce: Story = { args: { effective: '2099-01-01' } };

/** Its validity period ended: 已失效, with the day it lapsed, though the status still says valid. */
export const Expired: Story = { args: { effective: '2016-07-21', expires: '2021-07-20' } };

/** Repealed (已废止), with the link to the text that replaced it: the status overrides the dates. */
export const Repealed: Story = { args: { status: 'repealed', expires: '2099-12-31' } };

/** Amended (已修订), with the link to the amended text. */
export const Amended: Story = { args: { status: 'amended' } };

export const ExpiredTraditionalChinese: Story = { args: { ...Expired.args, lang: 'zh-Hant' } };

export const NotYetInForceEnglish: Story = { args: { ...NotYetInForce.args, lang: 'en' } };
