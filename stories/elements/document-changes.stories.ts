import '@gongkai/elements';
import type { GkDocument } from '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PREVIOUS_URL, servePrevious } from '../../test/helpers/revision.js';
import { PHONE, until } from '../examples/frame.js';
import {
  regulation2024Paragraphs,
  regulationPrevious,
  regulationRevised,
  regulationStaleComparison,
} from '../examples/revision.js';

interface Args {
  lang?: string;
  bundle?: unknown;
  contrast?: boolean;
  /** Wraps the element in a box this wide (a phone, a CMS column). */
  width?: string;
}

const documentElement = (args: Args) =>
  html`<gk-document lang=${args.lang ?? 'zh-Hans'} .bundle=${args.bundle} ?contrast=${args.contrast}></gk-document>`;

/** Turns the mode on, as a reader would, and opens the redline of `clause` if given. */
const showChanges =
  (clause?: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const doc = await until(() => canvasElement.querySelector<GkDocument>('gk-document'));
    const toggle = await until(() =>
      [...doc.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="controls"] button')].find(
        (b) => b.textContent === '修改对照',
      ),
    );
    toggle.click();
    if (!clause) return;
    const mark = await until(() => doc.clauseMarker(clause)?.nextElementSibling?.shadowRoot?.querySelector('button'));
    mark.click();
  };

/**
 * 修改对照: gk-document compares the text with its previous version when the bundle carries the
 * comparison (`gongkai build --previous`). A summary line says what changed; the 修改对照 button
 * marks each changed clause in words, opens a clause's redline on demand, shows deleted clauses
 * where they stood, and offers 只看修改的条文.
 */
const meta: Meta<Args> = {
  title: 'Elements/gk-document/Changes',
  component: 'gk-document',
  render: (args) =>
    args.width ? html`<div style="max-width:${args.width}">${documentElement(args)}</div>` : documentElement(args),
};
export default meta;
type Story = StoryObj<Args>;

/** 北京市优化营商环境条例, 2024 revision, compared with the 2020 text: the summary, the mode off. */
export const RegulationRevised: Story = { args: { bundle: regulationRevised } };

/** The mode on: each changed clause marked, the redline of 第二条 open (side by side on a wide screen). */
export const ChangesShown: Story = { args: { bundle: regulationRevised }, play: showChanges('a2') };

/** On a phone, the redline is one text with its insertions and deletions inline. */
export const Narrow: Story = { args: { bundle: regulationRevised, width: PHONE }, play: showChanges('a1') };

export const HighContrast: Story = {
  args: { bundle: regulationRevised, contrast: true },
  play: showChanges('a2'),
};

export const EnglishUi: Story = { args: { bundle: regulationRevised, lang: 'en' } };

export const TraditionalChineseUi: Story = { args: { bundle: regulationRevised, lang: 'zh-Hant' } };

/** The previous version is served once, however often the story renders. */
let served = false;

/**
 * Enhance mode: the CMS article is the new text; the interpretation file names the previous
 * version's bundle (`revisionOf.url`), which the mode fetches, validates and compares in the
 * browser. (The story serves that bundle itself.)
 */
export const EnhanceWithPreviousVersion: Story = {
  render: () => {
    if (!served) servePrevious(regulationPrevious);
    served = true;
    return html`<gk-document lang="zh-Hans" .bundle=${{ schemaVersion: 1, revisionOf: { label: '2020年版', url: PREVIOUS_URL } }}>
      <div class="TRS_Editor">${regulation2024Paragraphs.map((p) => html`<p>${p}</p>`)}</div>
    </gk-document>`;
  },
};

/** A comparison left over from an earlier text: a notice says so, and the document reads as ever. */
export const StaleComparison: Story = { args: { bundle: regulationStaleComparison } };
