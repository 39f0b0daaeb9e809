import '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import demoJson from '../../demo/consultations/ezhou-2016-40-draft.json' with { type: 'json' };
import { bundleConsultation, type FakeOptions, fakeConsultationApi } from '../../test/helpers/consultation-fake.js';
import { type DemoConsultation, demoFeedback } from '../../test/helpers/feedback-examples.js';
import {
  brokenBundle,
  bundleWithBadParts,
  invalidInterpretationSrc,
  missingSrc,
  truncatedInlineJson,
} from '../examples/broken.js';
import {
  ezhou,
  ezhouInterpretationSrc,
  ezhouParagraphs,
  ezhouRepealed,
  ezhouSrc,
  ezhouWithMedia,
} from '../examples/ezhou.js';
import { innerDocument, PHONE, until } from '../examples/frame.js';
import { regulationWithManyNotes, regulationWithOrphans } from '../examples/regulation.js';

interface Args {
  src?: string;
  bundle?: unknown;
  interpretation?: string;
  lang?: string;
  width?: string;
}

const policy = (args: Args) =>
  html`<gk-policy
    lang=${args.lang ?? 'zh-Hans'}
    src=${args.src ?? nothing}
    interpretation=${args.interpretation ?? nothing}
    .bundle=${args.bundle}
  ></gk-policy>`;

const meta: Meta<Args> = {
  title: 'Elements/gk-policy',
  component: 'gk-policy',
  render: (args) => (args.width ? html`<div style="max-width:${args.width}">${policy(args)}</div>` : policy(args)),
};
export default meta;
type Story = StoryObj<Args>;

/** The full demo bundle: document, ten notes beside it. */
export const FromSrc: Story = { args: { src: ezhouSrc } };

/** The 2024 regulation with notes by article and orphans carried over from the 2020 text. */
export const RegulationWithOrphans: Story = { args: { bundle: regulationWithOrphans } };

/** With an interview and a video note (transcripts first). */
export const WithMedia: Story = { args: { bundle: ezhouWithMedia } };

/** A bundle written into the page as `<script type="application/json">`, as a CMS template can. */
export const InlineJsonBundle: Story = {
  render: () => inlineJson(JSON.stringify(ezhouWithMedia)),
};

/** The CMS article stays in the page; the interpretation file is attached beside it. */
export const EnhanceCmsArticle: Story = {
  args: { interpretation: ezhouInterpretationSrc },
  render: (args) => cmsArticle(args.interpretation),
};

/** The CMS article with no interpretation file: the document alone, no notes column. */
export const EnhanceWithoutInterpretation: Story = { render: () => cmsArticle(undefined) };

/** Phone width: one column, notes open from each clause. */
export const Narrow: Story = { args: { src: ezhouSrc, width: PHONE } };

export const Repealed: Story = { args: { bundle: ezhouRepealed } };

/**
 * The reader's high-contrast switch, set here on the inner document without saving the
 * preference (pressing the button would make every other story high-contrast too).
 */
export const HighContrast: Story = {
  args: { src: ezhouSrc },
  play: async ({ canvasElement }) => {
    const doc = await until(() => innerDocument(canvasElement));
    doc.contrast = true;
  },
};

export const TraditionalChineseUi: Story = { args: { bundle: regulationWithOrphans, lang: 'zh-Hant' } };

export const EnglishUi: Story = { args: { src: ezhouSrc, lang: 'en' } };

/** Performance showcase: 200 notes on the 94-article regulation. Kept off the docs page. */
export const TwoHundredNotes: Story = { tags: ['!autodocs'], args: { bundle: regulationWithManyNotes(200) } };

/** The document itself cannot be read: the page says why, naming each problem. */
export const InvalidBundle: Story = { args: { bundle: brokenBundle } };

/** One graphic and one question are invalid: the rest of the page is there, a notice in their place. */
export const OneBadGraphicAndQuestion: Story = { args: { bundle: bundleWithBadParts } };

/** Inline JSON a template cut off: the message quotes the parser's complaint. */
export const BrokenInlineJson: Story = { render: () => inlineJson(truncatedInlineJson) };

export const MissingFile: Story = { args: { src: missingSrc } };

/** The CMS article with an interpretation file that fails validation. */
export const EnhanceWithInvalidInterpretation: Story = {
  args: { interpretation: invalidInterpretationSrc },
  render: (args) => cmsArticle(args.interpretation),
};

// Lit cannot bind inside <script>, so the inline bundle is built as DOM.
function inlineJson(text: string): HTMLElement {
  const element = document.createElement('gk-policy');
  element.lang = 'zh-Hans';
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  element.append(script);
  return element;
}

function cmsArticle(interpretation: string | undefined) {
  return html`<gk-policy lang="zh-Hans" interpretation=${interpretation ?? nothing}>
    <div class="TRS_Editor">
      ${ezhouParagraphs.map((p) => html`<p style="text-indent:2em">\u00a0\u00a0${p}</p>`)}
    </div>
  </gk-policy>`;
}

/** A stand-in consultation service for the story, put back after it. */
const withService = (options: FakeOptions) => () => {
  const api = fakeConsultationApi(options);
  return () => api.restore();
};

/** A draft under consultation on a phone: the status bar and 我要提意见 first, then the text. */
export const DraftUnderConsultation: Story = {
  args: { bundle: { ...ezhou, consultation: bundleConsultation('open') }, width: PHONE },
  beforeEach: withService({}),
};

/** The same page once the feedback is published: 反馈已公布 with the counts, first. */
export const DraftFeedbackPublished: Story = {
  args: { bundle: { ...ezhou, consultation: bundleConsultation('closed') }, width: PHONE },
  beforeEach: withService({
    status: 'feedback-published',
    received: 6,
    feedback: demoFeedback(demoJson as DemoConsultation),
  }),
};
