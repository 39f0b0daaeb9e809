import '@gongkai/elements';
import type { Bundle } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import ezhou from '../../demo/policies/ezhou-2016-40.json' with { type: 'json' };

const base = ezhou as Bundle;
const withMeta = (meta: Partial<Bundle['meta']>): Bundle => ({ ...base, meta: { ...base.meta, ...meta } });

const meta: Meta = {
  title: 'Elements/gk-document',
  component: 'gk-document',
  render: (args) =>
    html`<gk-document lang=${args.lang ?? 'zh-Hans'} src=${args.src ?? ''} .bundle=${args.bundle}></gk-document>`,
};
export default meta;
type Story = StoryObj;

/** 鄂州市 2016 政务公开实施方案, loaded from a bundle URL. */
export const FromSrc: Story = { args: { src: '/policies/ezhou-2016-40.json' } };

/** A bundle given as a property. */
export const FromProperty: Story = { args: { bundle: base } };

export const Repealed: Story = {
  args: {
    bundle: withMeta({
      status: 'repealed',
      supersededBy: { title: '鄂州市全面推进政务公开实施办法（2020年修订）', url: '#current' },
    }),
  },
};

export const Amended: Story = { args: { bundle: withMeta({ status: 'amended' }) } };

export const DraftForComment: Story = { args: { bundle: withMeta({ status: 'draft' }) } };

export const TraditionalChineseUi: Story = { args: { lang: 'zh-Hant', bundle: withMeta({ status: 'draft' }) } };

export const EnglishUi: Story = { args: { lang: 'en', bundle: withMeta({ status: 'repealed' }) } };

/** A broken bundle: the element names every problem instead of failing silently. */
export const InvalidBundle: Story = {
  args: { bundle: { schemaVersion: 1, id: 'broken', meta: { title: '', status: 'unknown' }, qa: [{ id: 'q1' }] } },
};

export const MissingFile: Story = { args: { src: '/policies/does-not-exist.json' } };

/** Hostile markdown in the body is shown as text; dangerous links are removed. */
export const HostileMarkdown: Story = {
  args: {
    bundle: {
      ...base,
      body: '<img src=x onerror=alert(1)>\n\n[javascript 链接](javascript:alert(1))\n\n<script>alert(2)</script>\n\n正常段落。',
    },
  },
};
