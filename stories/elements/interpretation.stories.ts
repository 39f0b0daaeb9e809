import '@gongkai/elements';
import type { GkDocument } from '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { invalidInterpretationSrc, missingSrc, truncatedInterpretationSrc } from '../examples/broken.js';
import {
  ezhou,
  ezhouInterpretationSrc,
  ezhouWithMedia,
  ezhouWithoutNotes,
  ezhouWithUpdates,
} from '../examples/ezhou.js';
import { notesButton, PHONE, until } from '../examples/frame.js';
import { regulationWithManyNotes, regulationWithOrphans } from '../examples/regulation.js';

interface Args {
  bundle: unknown;
  /** An interpretation file; without it the notes come from the document's bundle. */
  src?: string;
  layout?: 'auto' | 'column' | 'popover';
  lang?: string;
  theme?: string;
  /** Phone width: the notes go below the text and open from each clause. */
  phone?: boolean;
}

/**
 * The document and its notes side by side, as gk-policy lays them out. Ids are per story
 * because the docs page renders every story in one document.
 */
const meta: Meta<Args> = {
  title: 'Elements/gk-interpretation',
  component: 'gk-interpretation',
  args: { bundle: ezhou, layout: 'auto' },
  argTypes: { layout: { control: 'inline-radio', options: ['auto', 'column', 'popover'] } },
  render: (args, { id }) => {
    const doc = `doc-${id}`;
    const grid = args.phone
      ? `max-width:${PHONE}`
      : 'display:grid;grid-template-columns:minmax(0,1fr) minmax(16em,20em);gap:1.5em;align-items:start';
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${grid}>
      <gk-document id=${doc} .bundle=${args.bundle} theme=${args.theme ?? nothing}></gk-document>
      <gk-interpretation for=${doc} src=${args.src ?? nothing} layout=${args.layout ?? 'auto'}></gk-interpretation>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const docIn = (canvas: HTMLElement) => canvas.querySelector<GkDocument>('gk-document')!;

/** Brings a clause (and its notes) into view once the notes are placed, as a deep link would. */
const showClause =
  (clause: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const doc = docIn(canvasElement);
    await until(() => notesButton(doc, clause));
    doc.scrollToClause(clause);
  };

/** The demo bundle's ten notes, beside the clauses they explain. */
export const BesideTheText: Story = {};

/** Notes from a separate interpretation file (a partial bundle), for a document published earlier. */
export const FromInterpretationFile: Story = { args: { bundle: ezhouWithoutNotes, src: ezhouInterpretationSrc } };

/** A document nobody has interpreted yet. */
export const NoInterpretation: Story = { args: { bundle: ezhouWithoutNotes } };

/**
 * The 2024 regulation with notes by article id, plus notes written against the 2020 text: two
 * follow their moved passage, three are orphans listed with the reason.
 */
export const OrphansAfterRevision: Story = { args: { bundle: regulationWithOrphans } };

/** One clause with three dated notes: the newest is marked as an update, the earlier ones fold away. */
export const SeveralDatedNotes: Story = {
  args: { bundle: ezhouWithUpdates },
  play: async (context) => {
    await showClause('2.4.15')(context);
    const notes = context.canvasElement.querySelector('gk-interpretation')!;
    const earlier = await until(() =>
      notes.shadowRoot?.querySelector<HTMLDetailsElement>('[data-clause="2.4.15"] .earlier'),
    );
    earlier.open = true;
  },
};

/** An online interview on 2.5.18 (shown) and a video on 2.1.1, each with its transcript (文字实录). */
export const VideoAndInterview: Story = { args: { bundle: ezhouWithMedia }, play: showClause('2.5.18') };

/** Phone width: notes open in a popover from the clause's "查看解读" button (opened here). */
export const NarrowPopover: Story = {
  args: { bundle: ezhouWithUpdates, phone: true },
  play: async ({ canvasElement }) => {
    const button = await until(() => notesButton(docIn(canvasElement), '2.4.15'));
    button.scrollIntoView({ block: 'center' });
    button.click();
  },
};

export const TraditionalChineseUi: Story = { args: { bundle: regulationWithOrphans, lang: 'zh-Hant' } };

export const EnglishUi: Story = { args: { bundle: ezhouWithUpdates, lang: 'en' } };

/** `theme="dark"` on the document; the notes beside it have no dark theme of their own. */
export const DarkTheme: Story = {
  args: { bundle: ezhouWithMedia, theme: 'dark' },
  decorators: [(story) => html`<div style="background:#0d1117;padding:1rem">${story()}</div>`],
};

/** Performance showcase: 200 notes over the 128 clauses of the regulation. Kept off the docs page. */
export const TwoHundredNotes: Story = {
  tags: ['!autodocs'],
  args: { bundle: regulationWithManyNotes(200) },
};

/** An interpretation file with schema problems: the message names the file. */
export const InvalidInterpretationFile: Story = { args: { bundle: ezhouWithoutNotes, src: invalidInterpretationSrc } };

/** A file cut off mid-upload: not JSON. */
export const TruncatedInterpretationFile: Story = {
  args: { bundle: ezhouWithoutNotes, src: truncatedInterpretationSrc },
};

export const MissingInterpretationFile: Story = { args: { bundle: ezhouWithoutNotes, src: missingSrc } };
