import '@gongkai/elements';
import type { GkQa } from '@gongkai/elements';
import type { Bundle, QaItem } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { brokenBundle, missingSrc } from '../examples/broken.js';
import { ezhou, ezhouSrc } from '../examples/ezhou.js';
import { PHONE, until } from '../examples/frame.js';

interface Args {
  bundle?: unknown;
  src?: string;
  items?: QaItem[];
  lang?: string;
  theme?: string;
  /** Emit schema.org FAQPage JSON-LD (look for the script in the element's light DOM). */
  structuredData?: boolean;
  /** Where votes are counted; without it no vote is offered. */
  endpoint?: string;
  phone?: boolean;
}

/** The demo bundle with the contact channel its consultation would give. */
const ezhouWithContact: Bundle = {
  ...ezhou,
  consultation: {
    id: 'c-2016-40',
    endpoint: '/api/v1',
    opens: '2016-06-01',
    closes: '2016-07-01',
    contact: '市政务公开工作领导小组办公室，电话 3830202，邮箱 ez3830202@sina.com',
  },
};

/** The same questions as a Hong Kong or Taiwan reader's page would carry them. */
const ezhouQaHant: QaItem[] = [
  {
    id: 'q1',
    question: '什麼是「五公開」？',
    answer: '「五公開」是指決策公開、執行公開、管理公開、服務公開和結果公開。',
    clauses: ['1.1'],
    category: '總體要求',
  },
  {
    id: 'q4',
    question: '文件印發後多久會在網上公開？',
    answer: '所有註明公開的文件在 7 個工作日內予以公開。',
    clauses: ['2.6.22'],
    category: '公開時限',
  },
  {
    id: 'q9',
    question: '對政務公開工作有意見或建議，可以找誰？',
    answer: '可以聯繫市政務公開工作領導小組辦公室，聯繫電話 3830202。',
    clauses: ['4.2'],
    category: '聯繫方式',
  },
];

/** Types into the search box as a reader would. */
const search =
  (query: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const qa = canvasElement.querySelector<GkQa>('gk-qa')!;
    const input = await until(() => qa.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]'));
    input.value = query;
    input.dispatchEvent(new Event('input'));
  };

const meta: Meta<Args> = {
  title: 'Elements/gk-qa',
  component: 'gk-qa',
  args: { bundle: ezhouWithContact },
  render: (args) =>
    html`<div lang=${args.lang ?? 'zh-Hans'} style=${args.phone ? `max-width:${PHONE}` : 'max-width:48em'}>
      <gk-qa
        .bundle=${args.bundle}
        .items=${args.items}
        src=${args.src ?? nothing}
        theme=${args.theme ?? nothing}
        ?structured-data=${args.structuredData}
        endpoint=${args.endpoint ?? nothing}
      ></gk-qa>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The nine questions of 鄂州政办发〔2016〕40号, with category filter and search. */
export const DemoBundle: Story = {};

/** Loaded from the bundle's URL; the bundle's prebuilt search index is used. */
export const FromUrl: Story = { args: { bundle: undefined, src: ezhouSrc, structuredData: true } };

/** A search: ranked results, matches marked in the question and in a snippet of the answer. */
export const Searching: Story = { play: search('公开时限') };

/** A traditional-character query finds the simplified text (政務公開 → 政务公开). */
export const TraditionalQuery: Story = { play: search('政務公開') };

/** Nothing matches: the closest questions and the contact channel. */
export const NoResults: Story = { play: search('水费价格调整') };

/** zh-Hant interface and questions. */
export const TraditionalChinese: Story = { args: { bundle: undefined, items: ezhouQaHant, lang: 'zh-Hant' } };

/** English interface (the questions stay in Chinese, as published). */
export const English: Story = { args: { lang: 'en' } };

/** On a phone. */
export const Phone: Story = { args: { phone: true } };

/** Dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** An editor's half-finished bundle: every problem is named with its path. */
export const BadInput: Story = { args: { bundle: brokenBundle } };

/** A bundle URL that does not exist. */
export const MissingFile: Story = { args: { bundle: undefined, src: missingSrc } };

/**
 * With a server to count votes, "这条回答有帮助吗？" is offered; the thanks come only once the
 * server answers (Storybook has none: a vote says it could not be sent).
 */
export const WithVotes: Story = { args: { endpoint: '/api/v1' } };
