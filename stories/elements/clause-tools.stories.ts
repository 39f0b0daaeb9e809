import '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';

interface Args {
  clause: string;
  number: string;
  notes: number;
  expanded: boolean;
  /** The notes sit beside the clause (a wide page): no 查看解读 button. */
  notesBeside: boolean;
  lang: string;
  /** The clause's text after the tools. */
  text: string;
}

/**
 * gk-document inserts these at the start of every clause; shown here alone, at the start of
 * a clause of 北京市优化营商环境条例 as a CMS paragraph would hold them.
 */
const meta: Meta<Args> = {
  title: 'Elements/gk-clause-tools',
  component: 'gk-clause-tools',
  args: {
    clause: 'a7',
    number: '第七条',
    notes: 0,
    expanded: false,
    notesBeside: false,
    lang: 'zh-Hans',
    text: '第七条　市、区人民政府应当每年向同级人民代表大会常务委员会报告优化营商环境工作，人大常委会可以采取听取专项工作报告、执法检查、质询、询问或者代表视察等方式，对优化营商环境工作进行监督。',
  },
  render: (args) => html`<p lang=${args.lang} style="max-width:40em;line-height:1.75">
    <gk-clause-tools
      clause=${args.clause}
      number=${args.number}
      .notes=${args.notes}
      ?expanded=${args.expanded}
      ?notes-beside=${args.notesBeside}
      @gk-note-request=${action('gk-note-request')}
    ></gk-clause-tools
    >${args.text}
  </p>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A clause without notes: only the copy-link control. */
export const CopyLinkOnly: Story = {};

/** Two notes: the "查看解读" button appears. */
export const WithNotes: Story = { args: { notes: 2 } };

/** Its interpretation is open (aria-expanded). */
/** On a wide page the notes are beside the clause: only the copy-link control shows. */
export const NotesBeside: Story = { args: { notes: 2, notesBeside: true } };

export const Expanded: Story = { args: { notes: 2, expanded: true } };

/** An item inside an article: `（三）` in 第十三条. */
export const ItemOfAnArticle: Story = {
  args: { clause: 'a13.3', number: '（三）', notes: 1, text: '（三）允许多个经营主体使用同一地址作为登记住所；' },
};

export const TraditionalChineseUi: Story = { args: { notes: 3, lang: 'zh-Hant' } };

export const EnglishUi: Story = { args: { notes: 3, lang: 'en' } };
