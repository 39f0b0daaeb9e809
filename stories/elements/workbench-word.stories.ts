// gk-workbench's first step with Word files (issue 21): the file is built in the story with the
// `docx` package and handed to the file field, as a drafter choosing it would.
import '@gongkai/elements/staff';
import type { GkWorkbench } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from '../examples/frame.js';
import { oldWordFile, wordNotice } from '../examples/word.js';

interface Args {
  lang?: string;
}

const KEY_PREFIX = 'gongkai:workbench:draft:story-word-';
let stories = 0;

const meta: Meta<Args> = {
  title: 'Elements/gk-workbench/Word files',
  component: 'gk-workbench',
  render: (args) =>
    html`<div lang=${args.lang ?? 'zh-Hans'} style="max-width:1400px">
      <gk-workbench draft-key=${`story-word-${++stories}`} endpoint="/api/v1"></gk-workbench>
    </div>`,
  beforeEach: () => () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(KEY_PREFIX)) localStorage.removeItem(key);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Chooses `file` in the workbench's file field. */
async function choose(canvas: HTMLElement, file: File): Promise<GkWorkbench> {
  const el = await until(() => canvas.querySelector('gk-workbench'));
  const input = await until(() => el.shadowRoot?.getElementById('source-file') as HTMLInputElement | null);
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
  return el;
}

/** A 公文 chosen: Word's automatic 一、（一）1. read as printed, 文号, title, 落款 and 成文日期 as meta. */
export const WordNoticeRead: Story = {
  play: async ({ canvasElement }) => {
    await choose(canvasElement, await wordNotice({ alt: '政务服务办理流程图' }));
  },
};

/** An image without alt text: the reading stops and asks for one, named by the text before it. */
export const WordImageNeedsAlt: Story = {
  play: async ({ canvasElement }) => {
    await choose(canvasElement, await wordNotice({}));
  },
};

/** A .wps (or .doc): the drafter is told to save it as .docx. */
export const WordOldFormat: Story = {
  play: async ({ canvasElement }) => {
    await choose(canvasElement, oldWordFile());
  },
};

/** The same, in English. */
export const WordNoticeReadEnglish: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, await wordNotice({ alt: 'How an application is handled' }));
  },
};
