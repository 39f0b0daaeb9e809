// gk-consultation with attachments (issue 21): the field, files picked and refused, the receipt
// listing them, and files waiting offline with the queued comment.
import '@gongkai/elements';
import type { GkConsultation } from '@gongkai/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeUploads, type UploadFake } from '../../test/helpers/attachments-fake.js';
import { CONSULTATION_ID, ENDPOINT, type FakeApi, fakeConsultationApi } from '../../test/helpers/consultation-fake.js';
import { until } from '../examples/frame.js';

interface Args {
  /** The `attachments` attribute: '' for 5 files of 10 MB, or FILES/MB. */
  attachments: string;
  lang?: string;
}

let api: FakeApi | null = null;
let uploads: UploadFake | null = null;
const clear = () => {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('gongkai:consultation:')) localStorage.removeItem(key);
  indexedDB.deleteDatabase('gongkai-attachments');
};

const meta: Meta<Args> = {
  title: 'Elements/gk-consultation/attachments',
  component: 'gk-consultation',
  args: { attachments: '' },
  render: (args) => {
    uploads?.restore();
    api?.restore();
    api = fakeConsultationApi();
    uploads = fakeUploads();
    return html`<div lang=${args.lang ?? 'zh-Hans'} style="max-width:48em">
      <gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} attachments=${args.attachments}></gk-consultation>
    </div>`;
  },
  beforeEach: () => {
    clear();
    return () => {
      uploads?.restore();
      api?.restore();
      uploads = null;
      api = null;
      delete (navigator as { onLine?: boolean }).onLine;
      clear();
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const inside = (canvas: HTMLElement) => canvas.querySelector<GkConsultation>('gk-consultation')!;
const part = <T extends Element>(canvas: HTMLElement, selector: string) =>
  until(() => inside(canvas).shadowRoot?.querySelector<T>(selector));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const files = () => [
  new File(['%PDF-1.4\n%%EOF\n'], '关于第三条的补充材料.pdf', { type: 'application/pdf' }),
  new File([PNG], '公示栏现场照片.png', { type: 'image/png' }),
];
const refused = () => [
  new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], '通知.pdf', { type: 'application/pdf' }),
  new File(['%PDF-1.4', new Uint8Array(3 * 1024 * 1024)], '扫描件.pdf', { type: 'application/pdf' }),
];

/** Writes a comment, picks `chosen`, and (with `send`) presses 提交意见. */
const write =
  (chosen: () => File[], { send = false, offline = false } = {}) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const body = await part<HTMLTextAreaElement>(canvasElement, '#body');
    body.value = '第三条的公示期限建议延长到十五个工作日，公示栏现场照片见附件。';
    body.dispatchEvent(new Event('input'));
    (await part<HTMLInputElement>(canvasElement, '#consent')).click();
    const input = await part<HTMLInputElement>(canvasElement, '#files');
    const transfer = new DataTransfer();
    for (const f of chosen()) transfer.items.add(f);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(() => inside(canvasElement).shadowRoot?.querySelector('.files li, #files-errors .field-error'));
    if (send) (await part<HTMLButtonElement>(canvasElement, 'button[type="submit"]')).click();
  };

/** The field: the types and limits in words, and that the files stay private. */
export const Field: Story = {};

/** Two files picked: each listed with its size and its own remove button. */
export const Picked: Story = { play: write(files) };

/** attachments="3/2": a program renamed .pdf and a file over 2 MB, each refused by name. */
export const Refused: Story = { args: { attachments: '3/2' }, play: write(refused) };

/** Sent: the files uploaded first, then the comment; the receipt lists them. */
export const Receipt: Story = { play: write(files, { send: true }) };

/** Offline: the comment and its files wait on the device, sent when the network returns. */
export const Offline: Story = { play: write(files, { send: true, offline: true }) };

/** English. */
export const English: Story = { args: { lang: 'en' }, play: write(files) };
