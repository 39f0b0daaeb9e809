import '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { brokenBundle, missingSrc } from '../examples/broken.js';
import {
  ezhou,
  ezhouMarkdownOnly,
  ezhouParagraphs,
  ezhouRepealed,
  ezhouSrc,
  ezhouWithMeta,
} from '../examples/ezhou.js';
import { PHONE } from '../examples/frame.js';
import { regulation2020, regulation2024 } from '../examples/regulation.js';
import { guiyangSeed } from '../examples/seeds.js';

interface Args {
  lang?: string;
  src?: string;
  bundle?: unknown;
  contrast?: boolean;
  theme?: string;
  noToc?: boolean;
  /** Wraps the element in a box this wide (a phone, a CMS column). */
  width?: string;
}

const documentElement = (args: Args) =>
  html`<gk-document
    lang=${args.lang ?? 'zh-Hans'}
    src=${args.src ?? ''}
    .bundle=${args.bundle}
    ?contrast=${args.contrast}
    ?no-toc=${args.noToc}
    theme=${args.theme ?? nothing}
  ></gk-document>`;

const meta: Meta<Args> = {
  title: 'Elements/gk-document',
  component: 'gk-document',
  render: (args) =>
    args.width ? html`<div style="max-width:${args.width}">${documentElement(args)}</div>` : documentElement(args),
};
export default meta;
type Story = StoryObj<Args>;

/** 鄂州市 2016 政务公开实施方案, loaded from a bundle URL. */
export const FromSrc: Story = { args: { src: ezhouSrc } };

/** A bundle given as a property. */
export const FromProperty: Story = { args: { bundle: ezhou } };

/** A long seed document pasted from a government site: four numbering levels, irregular markers, page chrome. */
export const LongSeedDocument: Story = { args: { bundle: guiyangSeed } };

/** A regulation: 第X章 / 第X条 / （X） (北京市优化营商环境条例, 2024 revision, 94 articles). */
export const Regulation: Story = { args: { bundle: regulation2024 } };

/** The 2020 text of the same regulation, amended by the 2024 revision: the notice links to it. */
export const RegulationAmended: Story = { args: { bundle: regulation2020 } };

export const Repealed: Story = { args: { bundle: ezhouRepealed } };

export const Amended: Story = { args: { bundle: ezhouWithMeta({ status: 'amended' }) } };

export const DraftForComment: Story = { args: { bundle: ezhouWithMeta({ status: 'draft' }) } };

/** Phone width: the contents start collapsed and paragraphs lose their first-line indent. */
export const Narrow: Story = { args: { bundle: ezhou, width: PHONE } };

export const HighContrast: Story = { args: { bundle: ezhou, contrast: true } };

/** `theme="dark"` on the element; the wrapper stands in for a dark page. */
export const DarkTheme: Story = {
  args: { bundle: regulation2024, theme: 'dark' },
  render: (args) => html`<div style="background:#0d1117;padding:1rem">${documentElement(args)}</div>`,
};

export const NoTableOfContents: Story = { args: { bundle: ezhou, noToc: true } };

export const TraditionalChineseUi: Story = { args: { lang: 'zh-Hant', bundle: ezhouWithMeta({ status: 'draft' }) } };

export const EnglishUi: Story = { args: { lang: 'en', bundle: ezhouRepealed } };

/**
 * Enhance mode: the article the CMS already rendered (`<p>` with `&nbsp;` indents) stays in the
 * page; the element adds the clause markers, contents and reader controls around it.
 */
export const EnhanceCmsArticle: Story = {
  render: () => html`<gk-document lang="zh-Hans">
    <div class="TRS_Editor">
      ${ezhouParagraphs.map((p) => html`<p style="text-indent:2em">\u00a0\u00a0${p}</p>`)}
    </div>
  </gk-document>`,
};

/**
 * Enhance mode under the CMS's own metadata table: the element sees the 文号 there and leaves
 * its own header out (or set `header="none"`).
 */
export const EnhanceUnderCmsMetadata: Story = {
  render: () => html`<div lang="zh-Hans">
    <table>
      <tr><td>索引号</td><td>011217651/2016-17811</td><td>文号</td><td>鄂州政办发〔2016〕40号</td></tr>
    </table>
    <gk-document .bundle=${{ schemaVersion: 1, meta: ezhou.meta }}>
      <div class="TRS_Editor">${ezhouParagraphs.map((p) => html`<p>${p}</p>`)}</div>
    </gk-document>
  </div>`,
};

/** A broken bundle: the element names every problem instead of failing silently. */
export const InvalidBundle: Story = { args: { bundle: brokenBundle } };

export const MissingFile: Story = { args: { src: missingSrc } };

/** Hostile markdown in the body is shown as text; dangerous links are removed. */
export const HostileMarkdown: Story = {
  args: {
    bundle: {
      ...ezhouMarkdownOnly,
      body: '<img src=x onerror=alert(1)>\n\n[javascript 链接](javascript:alert(1))\n\n<script>alert(2)</script>\n\n正常段落。',
    },
  },
};
