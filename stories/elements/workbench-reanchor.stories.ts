// gk-workbench after a revision: the notes written on 北京市优化营商环境条例 (2020) carried over
// to the 2024 text. Those whose place is certain follow their passage; the others wait in the
// queue "以下解读的位置有变化，请确认或重新定位" with their candidate marked.
import '@gongkai/elements/staff';
import type { GkWorkbench } from '@gongkai/elements/staff';
import { carryNotes, type Interpretation, reanchorNotes, segment } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import text2020 from '../../test/fixtures/regulations/beijing-business-environment-2020.md?raw';
import text2024 from '../../test/fixtures/regulations/beijing-business-environment-2024.md?raw';
import fixture from '../../test/format/fixtures/anchor/beijing-2020-notes.json' with { type: 'json' };
import { PHONE, until } from '../examples/frame.js';

interface Args {
  lang?: string;
  phone?: boolean;
  bundle?: unknown;
  step?: GkWorkbench['step'];
}

const notes: Interpretation[] = fixture.notes.map((n) => ({
  id: n.id,
  target: { clause: n.clause, quote: { exact: n.quote } },
  body: `关于“${n.quote.slice(0, 12)}…”的解读。`,
  author: '市发展改革委',
  role: 'department',
}));
const bundleOf = (body: string, interpretations: Interpretation[]) => ({
  schemaVersion: 1,
  id: 'bj-business-environment',
  lang: 'zh-Hans',
  meta: { title: '北京市优化营商环境条例', status: 'valid', published: '2024-03-29', effective: '2024-03-29' },
  body,
  clauses: segment(body),
  interpretations,
});
/** The 2020 bundle with its notes: the version a revision starts from. */
const previous = bundleOf(text2020, notes);
/** The 2024 text with the 2020 notes carried over, as `gongkai reanchor` writes it. */
const carried = bundleOf(text2024, carryNotes(notes, reanchorNotes(notes, segment(text2020), segment(text2024))));

let stories = 0;
const meta: Meta<Args> = {
  title: 'Elements/gk-workbench/Notes after a revision',
  component: 'gk-workbench',
  render: (args) => {
    const key = `story-reanchor-${++stories}`;
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${args.phone ? `max-width:${PHONE}` : 'max-width:1400px'}>
      <gk-workbench draft-key=${key} step=${args.step ?? 'notes'} .bundle=${args.bundle}></gk-workbench>
    </div>`;
  },
  beforeEach: () => () => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('gongkai:workbench:draft:story-reanchor-')) localStorage.removeItem(key);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The 2024 text with the 2020 notes: 13 placed by themselves, 8 waiting, each with its candidate marked. */
export const Queue: Story = { args: { bundle: carried } };

/** The same in English. */
export const English: Story = { args: { bundle: carried, lang: 'en' } };

/** On a phone: the queue above the notes, the preview below. */
export const Phone: Story = { args: { bundle: carried, phone: true } };

/** Another step: the workbench says notes await confirmation, with the way to the queue. */
export const NoticeElsewhere: Story = { args: { bundle: carried, step: 'meta' } };

/** Started from the 2020 bundle: the 2024 text pasted and read carries the notes over. */
export const StartedFromPreviousVersion: Story = {
  args: { bundle: previous, step: 'source' },
  play: async ({ canvasElement }) => {
    const el = await until(() => canvasElement.querySelector('gk-workbench'));
    const area = await until(() => el.shadowRoot?.getElementById('source-text') as HTMLTextAreaElement | null);
    area.value = text2024;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    el.shadowRoot?.getElementById('source-read')?.click();
  },
};
