// gk-workbench ships in the staff entry, not in @gongkai/elements' citizen entry.
import '@gongkai/elements/staff';
import type { GkWorkbench } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import ezhouText from '../../test/fixtures/seeds/ezhou-2016-plan.txt?raw';
import guiyangPage from '../../test/fixtures/seeds/guiyang-eco-2017-plan.txt?raw';
import { ezhou } from '../examples/ezhou.js';
import { PHONE, until } from '../examples/frame.js';

type Answer = 'ok' | 'invalid' | 'too-large' | 'offline';

interface Args {
  lang?: string;
  phone?: boolean;
  /** An existing bundle to revise. */
  bundle?: unknown;
  step?: GkWorkbench['step'];
  /** How the stand-in server answers PUT /policies/:id. */
  answer?: Answer;
}

const ENDPOINT = '/api/v1';
/** A well-formed staff token, as gk-review keeps it for the tab. */
const TOKEN = `gks_5a0c9e1d2b34_${'Q'.repeat(43)}`;
const KEY_PREFIX = 'gongkai:workbench:draft:story-';

let realFetch: typeof fetch | null = null;
/** A stand-in for the policy store: answers PUT {endpoint}/policies/:id; everything else goes through. */
function install(answer: Answer): void {
  realFetch ??= window.fetch;
  const through = realFetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes(`${ENDPOINT}/policies/`) || init?.method !== 'PUT') return through(input, init);
    await new Promise((resolve) => setTimeout(resolve, 400));
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (answer === 'invalid')
      return json(400, {
        error: 'invalid-policy',
        message: 'the policy bundle is not valid',
        problems: [{ path: '$.meta.effective', message: 'must be a date such as 2017-06-01' }],
      });
    if (answer === 'too-large') return json(413, { error: 'too-large', message: 'Request body is too large' });
    const id = decodeURIComponent(url.split('/policies/')[1] ?? '');
    return json(200, { id });
  };
}

let stories = 0;
const meta: Meta<Args> = {
  title: 'Elements/gk-workbench',
  component: 'gk-workbench',
  args: { answer: 'ok' },
  render: (args) => {
    install(args.answer ?? 'ok');
    // A fresh autosave slot per rendering: a story never restores another's draft.
    const key = `story-${++stories}`;
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${args.phone ? `max-width:${PHONE}` : 'max-width:1400px'}>
      <gk-workbench draft-key=${key} endpoint=${ENDPOINT} step=${args.step ?? 'source'} .bundle=${args.bundle}></gk-workbench>
    </div>`;
  },
  beforeEach: () => {
    sessionStorage.removeItem(`gongkai:review:session:${ENDPOINT}`);
    return () => {
      if (realFetch) window.fetch = realFetch;
      for (const key of Object.keys(localStorage)) if (key.startsWith(KEY_PREFIX)) localStorage.removeItem(key);
      sessionStorage.removeItem(`gongkai:review:session:${ENDPOINT}`);
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const workbench = (canvas: HTMLElement) => until(() => canvas.querySelector('gk-workbench'));
const control = <T extends HTMLElement>(el: GkWorkbench, id: string) =>
  until(() => el.shadowRoot?.getElementById(id) as T | null);

function type(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** Pastes the seed (鄂州市政务公开实施方案, as copied from the government site) and reads it. */
async function pasteSeed(canvas: HTMLElement): Promise<GkWorkbench> {
  const el = await workbench(canvas);
  type(await control<HTMLTextAreaElement>(el, 'source-text'), ezhouText);
  await el.updateComplete;
  (await control<HTMLButtonElement>(el, 'source-read')).click();
  await el.updateComplete;
  return el;
}

async function openStep(el: GkWorkbench, step: GkWorkbench['step']): Promise<void> {
  el.step = step;
  await el.updateComplete;
}

/** Nothing yet: paste or choose the document. */
export const Empty: Story = {};

/** The seed pasted and read: 42 clauses, the 文号, issuer and dates found in the text. */
export const PastedSeed: Story = {
  play: async ({ canvasElement }) => {
    const el = await pasteSeed(canvasElement);
    await openStep(el, 'clauses');
  },
};

/** The demo bundle taken up for revision, a note being written beside the live gk-policy. */
export const NotesBeingWritten: Story = {
  args: { bundle: ezhou, step: 'notes' },
  play: async ({ canvasElement }) => {
    const el = await workbench(canvasElement);
    type(await control<HTMLSelectElement>(el, 'notes-new-clause'), '2.6.21');
    (await control<HTMLButtonElement>(el, 'notes-add')).click();
    await el.updateComplete;
    type(
      await control<HTMLTextAreaElement>(el, 'note-body'),
      '依申请公开的答复期限为**20个工作日**。申请人可以：\n\n- 通过政府网站在线提交；\n- 到政务服务中心窗口提交。',
    );
    type(await control<HTMLInputElement>(el, 'note-author'), '市人民政府办公室');
  },
};

/** A chart from a table pasted from Excel, with what was understood, and its preview with the PNG export. */
export const ChartFromCsv: Story = {
  play: async ({ canvasElement }) => {
    const el = await pasteSeed(canvasElement);
    await openStep(el, 'graphics');
    (await control<HTMLButtonElement>(el, 'graphic-add')).click();
    await el.updateComplete;
    type(await control<HTMLInputElement>(el, 'graphic-caption'), '各渠道主动公开政府信息数量');
    type(
      await control<HTMLTextAreaElement>(el, 'graphic-table'),
      '渠道\t2016年\t2020年\n政府网站\t12500\t31800\n政务微博\t3400\t5200\n政务微信\t2100\t9600\n新闻发布会\t26\t58',
    );
    type(await control<HTMLInputElement>(el, 'graphic-unit'), '条');
    type(
      await control<HTMLTextAreaElement>(el, 'graphic-description'),
      '2020年通过政府网站主动公开信息3.18万条，是2016年的2.5倍；政务微信增长最快。',
    );
  },
};

/** A bad cell in the pasted table, reported by line and column. */
export const ChartWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await pasteSeed(canvasElement);
    await openStep(el, 'graphics');
    (await control<HTMLButtonElement>(el, 'graphic-add')).click();
    await el.updateComplete;
    type(
      await control<HTMLTextAreaElement>(el, 'graphic-table'),
      '渠道,2016年,2020年\n政府网站,12500,31800\n政务微博,约三千,5200,?',
    );
  },
};

/** The self-check of the pasted seed: no interpretation yet, and no 施行日期 for a valid document. */
export const CheckWithFindings: Story = {
  play: async ({ canvasElement }) => {
    const el = await pasteSeed(canvasElement);
    await openStep(el, 'check');
  },
};

/** A CMS page pasted whole: 当前位置, the title again, 日期:, 分享到 and 请稍候 taken out and listed, with "put back". */
export const PageJunkTakenOut: Story = {
  play: async ({ canvasElement }) => {
    const el = await workbench(canvasElement);
    type(await control<HTMLTextAreaElement>(el, 'source-text'), guiyangPage);
    await el.updateComplete;
    (await control<HTMLButtonElement>(el, 'source-read')).click();
  },
};

/** Saving while the self-check fails (no 施行日期): the failures listed, "fix first" or "save anyway". */
export const SaveWithFailures: Story = {
  args: { answer: 'ok' },
  play: async ({ canvasElement }) => {
    const el = await pasteSeed(canvasElement);
    await openStep(el, 'save');
    type(await control<HTMLInputElement>(el, 'save-token'), TOKEN);
    (await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="save"]'))).click();
  },
};

/** Saved with the token gk-review keeps for the tab; the two lines for the CMS, with a copy button. */
export const SaveSuccess: Story = {
  args: { bundle: ezhou, step: 'save', answer: 'ok' },
  play: async ({ canvasElement }) => {
    sessionStorage.setItem(`gongkai:review:session:${ENDPOINT}`, JSON.stringify({ token: TOKEN, role: 'editor' }));
    const el = await workbench(canvasElement);
    el.requestUpdate();
    await el.updateComplete;
    (await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="save"]'))).click();
  },
};

/** The server refuses the bundle (400): its problems listed, nothing lost. */
export const SaveRefused: Story = {
  args: { bundle: ezhou, step: 'save', answer: 'invalid' },
  play: async ({ canvasElement }) => {
    const el = await workbench(canvasElement);
    type(await control<HTMLInputElement>(el, 'save-token'), TOKEN);
    (await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="save"]'))).click();
  },
};

/** No network: said plainly, the work stays autosaved. */
export const SaveOffline: Story = {
  args: { bundle: ezhou, step: 'save', answer: 'offline' },
  play: SaveRefused.play,
};

/** 繁體中文. */
export const TraditionalChinese: Story = { args: { lang: 'zh-Hant' }, play: PastedSeed.play };

export const English: Story = { args: { lang: 'en', bundle: ezhou, step: 'notes' } };

/** On a phone (or at 200% zoom): one column, the preview under the editor. */
export const OnPhone: Story = { args: { phone: true, bundle: ezhou, step: 'notes' } };
