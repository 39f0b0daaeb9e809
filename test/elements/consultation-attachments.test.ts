// gk-consultation's attachments (issue 21): the field only where the page takes attachments, the
// limits in words, every file listed with its remove button, refusals named; the files wait on
// the device with the queued comment (IndexedDB), are uploaded when the network returns, retried,
// and the comment is stored once with their tokens; its receipt lists them.
import '@gongkai/elements';
import type { GkConsultation } from '@gongkai/elements';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { fakeUploads, type UploadFake } from '../helpers/attachments-fake.js';
import {
  CONSULTATION_ID,
  ENDPOINT,
  type Failure,
  type FakeApi,
  fakeConsultationApi,
} from '../helpers/consultation-fake.js';

/** The machine may be busy: waits are generous, never timed assertions. */
const SLOW = { timeout: 8000 };

const PDF = '%PDF-1.4\n% 关于第三条的补充材料\n%%EOF\n';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]);
let api: FakeApi | null = null;
let uploads: UploadFake | null = null;

/** The consultation stand-in, with the upload endpoint answered in front of it. */
function useApi(commentFailures: Failure[] = []): FakeApi {
  api = fakeConsultationApi({ commentFailures });
  uploads = fakeUploads();
  return api;
}

const deleteFiles = () =>
  new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('gongkai-attachments');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });

/** The names of the files the device keeps, read from IndexedDB directly. */
const keptFiles = () =>
  new Promise<string[]>((resolve) => {
    const request = indexedDB.open('gongkai-attachments', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('files', { keyPath: 'id' });
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('files').objectStore('files').getAll();
      all.onsuccess = () => {
        db.close();
        resolve((all.result as { name: string }[]).map((f) => f.name).sort());
      };
    };
  });

afterEach(async () => {
  uploads?.restore();
  api?.restore();
  api = null;
  for (const key of Object.keys(localStorage))
    if (key.startsWith('gongkai:consultation:')) localStorage.removeItem(key);
  delete (navigator as { onLine?: boolean }).onLine;
  await deleteFiles();
});

async function mount(limits: string | null = '') {
  const el = await fixture<GkConsultation>(
    html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} attachments=${limits ?? nothing}></gk-consultation>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part="status"], [part="error"]'), 'no status rendered', SLOW);
  if (limits !== null) await waitUntil(() => $(el, '#files'), 'no attachments field', SLOW);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: GkConsultation, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const listed = (el: GkConsultation) =>
  [...el.shadowRoot!.querySelectorAll('.files .file-name')].map((n) => n.textContent);

async function pick(el: GkConsultation, files: File[]) {
  const input = $<HTMLInputElement>(el, '#files')!;
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const before = listed(el).length;
  await waitUntil(
    () => listed(el).length !== before || $(el, '#files-errors')!.textContent!.trim(),
    'the files were neither added nor refused',
    SLOW,
  );
  await el.updateComplete;
}

async function fillValid(el: GkConsultation, body = '第三条的公示期限建议延长到十五个工作日，材料见附件。') {
  const field = $<HTMLTextAreaElement>(el, '#body')!;
  field.value = body;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
}

const pdf = (name = '补充材料.pdf') => new File([PDF], name, { type: 'application/pdf' });
const png = (name = '现场照片.png') => new File([PNG], name, { type: 'image/png' });

describe('gk-consultation attachments', function () {
  // Uploads, retries and IndexedDB on a shared, busy machine.
  this.timeout(30_000);
  it('offers no attachments unless the page says it takes them', async () => {
    useApi();
    const el = await mount(null);
    await aTimeout(20);
    expect($(el, '#files')).to.equal(null);
  });

  it('says the types and limits in words, lists each file with its own remove button', async () => {
    useApi();
    const el = await mount();
    expect($(el, '#files-hint')!.textContent).to.contain(
      'PDF、JPEG、PNG 或 Word（.docx）文件，最多 5 个，每个不超过 10 MB',
    );
    expect($(el, '#files-hint')!.textContent).to.contain('不会公开');
    expect($<HTMLInputElement>(el, '#files')!.accept).to.contain('.docx');
    expect($(el, 'label[for="files"]')!.textContent).to.contain('附件');
    await pick(el, [pdf(), png()]);
    expect(listed(el)).to.deep.equal(['补充材料.pdf', '现场照片.png']);
    const remove = $<HTMLButtonElement>(el, '.files button')!;
    expect(remove.getAttribute('aria-label')).to.equal('删除 补充材料.pdf');
    await expect(el).to.be.accessible();
    remove.click();
    await waitUntil(() => listed(el).length === 1, 'not removed', SLOW);
    expect(listed(el)).to.deep.equal(['现场照片.png']);
    expect(await keptFiles()).to.deep.equal(['现场照片.png']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('files');
  });

  it('takes the attribute from an ancestor too (<gk-policy attachments>), through shadow roots', async () => {
    useApi();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div attachments="2/3"><gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation></div>`,
    );
    const el = wrapper.querySelector('gk-consultation')!;
    await waitUntil(() => $(el, '#files-hint'), 'no attachments field from the ancestor', SLOW);
    expect($(el, '#files-hint')!.textContent).to.contain('最多 2 个，每个不超过 3 MB');
  });

  it('fits a 320 px phone, a long file name included', async () => {
    useApi();
    await setViewport({ width: 320, height: 700 });
    try {
      const el = await mount();
      el.style.display = 'block';
      await pick(el, [pdf(`${'关于鄂州市全面推进政务公开工作实施方案的修改建议'.repeat(3)}_final_v2_scan.pdf`)]);
      const form = $(el, 'form')!;
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
      await pick(el, [pdf(`${'a'.repeat(120)}.pdf`)]);
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('speaks traditional Chinese and English', async () => {
    useApi();
    for (const [lang, hint, tooBig] of [
      ['zh-Hant', '最多 5 個，每個不超過 10 MB', '超過每個 10 MB 的上限'],
      ['en', 'up to 5, each at most 10 MB', 'over the limit of 10 MB a file'],
    ]) {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang=${lang!}><gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} attachments></gk-consultation></div>`,
      );
      const el = wrapper.querySelector('gk-consultation')!;
      await waitUntil(() => $(el, '#files-hint'), 'no attachments field', SLOW);
      expect($(el, '#files-hint')!.textContent).to.contain(hint);
      await pick(el, [new File([PDF, new Uint8Array(10 * 1024 * 1024)], 'big.pdf')]);
      expect($(el, '#files-errors')!.textContent).to.contain(tooBig);
    }
  });

  it('names each refused file and why: too big, not one of the types, one too many', async () => {
    useApi();
    const el = await mount('2/1');
    expect($(el, '#files-hint')!.textContent).to.contain('最多 2 个，每个不超过 1 MB');
    const big = new File([PDF, new Uint8Array(1024 * 1024 + 1)], '扫描件.pdf', { type: 'application/pdf' });
    const exe = new File([EXE], '通知.pdf', { type: 'application/pdf' });
    await pick(el, [big, exe, pdf('一.pdf'), png('二.png'), pdf('三.pdf')]);
    const errors = $(el, '#files-errors')!;
    expect(errors.getAttribute('role')).to.equal('alert');
    expect(errors.textContent).to.contain('“扫描件.pdf”有 1 MB，超过每个 1 MB 的上限，未添加。');
    expect(errors.textContent).to.contain('“通知.pdf”不是 PDF、JPEG、PNG 或 Word（.docx）文件，未添加。');
    expect(errors.textContent).to.contain('最多只能附 2 个文件，“三.pdf”未添加。');
    expect(listed(el)).to.deep.equal(['一.pdf', '二.png']);
    expect($<HTMLInputElement>(el, '#files')!.disabled).to.equal(true);
    expect($<HTMLInputElement>(el, '#files')!.getAttribute('aria-describedby')).to.contain('files-errors');
    await expect(el).to.be.accessible();
  });

  it('uploads the files, then sends the comment naming them once; the receipt lists them', async () => {
    const fake = useApi();
    const el = await mount();
    await fillValid(el);
    await pick(el, [pdf(), png()]);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.receipt-code'), 'no receipt', SLOW);
    expect(uploads!.calls.map((c) => c.name)).to.deep.equal(['补充材料.pdf', '现场照片.png']);
    expect(fake.posts().filter((p) => p.path.endsWith('/comments'))).to.have.length(1);
    expect((fake.posts().at(-1)!.body as { attachments: string[] }).attachments).to.deep.equal(uploads!.tokens);
    expect($(el, '.receipt-files')!.textContent).to.match(
      /^附件（2 个）：补充材料\.pdf（\d+ KB）、现场照片\.png（\d+ KB）$/,
    );
    expect(await keptFiles()).to.deep.equal([]);
    expect($(el, '.files')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offline: the files wait with the queued comment, survive a closed page, and go once when back online', async () => {
    const fake = useApi();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const first = await mount();
    await fillValid(first, '断网时写的意见，附两张照片。');
    await pick(first, [png('一.png'), png('二.png')]);
    $<HTMLButtonElement>(first, 'button[type="submit"]')!.click();
    await waitUntil(() => $(first, '[part="delivery"]')?.textContent?.includes('等待网络'), 'no offline state', SLOW);
    expect(uploads!.calls).to.have.length(0);
    first.remove();
    expect(await keptFiles()).to.deep.equal(['一.png', '二.png']);

    const second = await mount();
    await waitUntil(() => listed(second).length === 2, 'the files were not kept with the queued comment', SLOW);
    await waitUntil(() => $(second, '[part="delivery"]')?.textContent?.includes('等待网络'), 'not queued', SLOW);
    // Back online, the first upload fails on the way (the network drops again): retried.
    uploads!.failures.push('network');
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => uploads!.calls.length >= 1, 'no upload after the network returned', SLOW);
    $<HTMLButtonElement>(second, '[part="delivery"] .gk-button')?.click(); // 立即重试
    await waitUntil(() => $(second, '.receipt-code'), 'not sent after the network returned', SLOW);
    expect(uploads!.calls.map((c) => c.name)).to.deep.equal(['一.png', '一.png', '二.png']);
    const comments = fake.posts().filter((p) => p.path.endsWith('/comments'));
    expect(comments).to.have.length(1);
    expect(fake.comments.size).to.equal(1);
    expect((comments[0]!.body as { attachments: string[] }).attachments).to.deep.equal(uploads!.tokens);
    expect($(second, '.receipt-files')!.textContent).to.contain('一.png');
    expect(await keptFiles()).to.deep.equal([]);
  });

  it('uploads again files the server no longer knows (expired while queued), and stores the comment once', async () => {
    const fake = useApi([
      {
        status: 422,
        body: { error: 'attachment-unknown', message: 'expired', tokens: ['tok-1-abcdefghijklmnop'] },
      },
    ]);
    const el = await mount();
    await fillValid(el);
    await pick(el, [pdf()]);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.receipt-code'), 'no receipt', SLOW);
    expect(uploads!.calls).to.have.length(2);
    const comments = fake.posts().filter((p) => p.path.endsWith('/comments'));
    expect(comments.map((c) => (c.body as { attachments: string[] }).attachments)).to.deep.equal([
      ['tok-1-abcdefghijklmnop'],
      ['tok-2-abcdefghijklmnop'],
    ]);
    expect(new Set(comments.map((c) => c.headers['idempotency-key'])).size).to.equal(1);
    expect(fake.comments.size).to.equal(1);
  });

  it('a file the server refuses keeps the comment as a draft and says which file and why', async () => {
    const fake = useApi();
    const el = await mount();
    await fillValid(el, '这条意见不能丢。');
    await pick(el, [pdf('病毒.pdf')]);
    uploads!.failures.push({
      status: 422,
      body: { error: 'infected', message: 'malware', zh: '病毒扫描发现该文件含有恶意代码，未予保存' },
    });
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.gk-error[role="alert"]'), 'no refusal shown', SLOW);
    expect($(el, '.gk-error')!.textContent).to.contain(
      '附件“病毒.pdf”未能上传：病毒扫描发现该文件含有恶意代码，未予保存',
    );
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('这条意见不能丢。');
    expect(fake.posts().filter((p) => p.path.endsWith('/comments'))).to.have.length(0);
    expect(listed(el)).to.deep.equal(['病毒.pdf']);
    await expect(el).to.be.accessible();
  });

  it('"清除本机记录" removes the files kept on the device too', async () => {
    useApi();
    const el = await mount();
    await fillValid(el);
    await pick(el, [pdf()]);
    expect(await keptFiles()).to.deep.equal(['补充材料.pdf']);
    $<HTMLButtonElement>(el, '[part="device"] button')!.click();
    await waitUntil(async () => (await keptFiles()).length === 0, 'files left on the device', SLOW);
    await el.updateComplete;
    expect(listed(el)).to.deep.equal([]);
  });
});
