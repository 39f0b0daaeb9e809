// The staff console lists a comment's attachments (issue 21): type and size, a download fetched
// with the token, the scan state in words (a file awaiting or failing the scan is not offered),
// and "随反馈公开" only for a role that may publish.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { loadExample } from '../helpers/examples.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../helpers/review-fake-api.js';

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi;
let inner: typeof fetch;

interface Call {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}
let calls: Call[];

const FILES = [
  { id: 11, name: '补充材料.pdf', type: 'application/pdf', size: 1_258_291, scan: 'clean', published: false },
  { id: 12, name: '现场照片.png', type: 'image/png', size: 307_200, scan: 'pending', published: false },
  { id: 13, name: 'eicar.pdf', type: 'application/pdf', size: 68, scan: 'infected', published: false },
];

afterEach(() => {
  fixtureCleanup();
  window.fetch = inner;
  api?.restore();
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function mount(as: 'reviewer' | 'editor', files = FILES): Promise<GkReview> {
  const el = await open(as, files);
  await waitUntil(() => $(el, '.detail[data-comment="1"] .attachment-list'), 'no attachments listed', {
    timeout: 4000,
  });
  return el;
}

/** The console with comment 1 open, its attachments answered by `files`. */
async function open(as: 'reviewer' | 'editor', files: typeof FILES): Promise<GkReview> {
  api = new ReviewFakeApi({ bundle: await loadExample('ezhou') }).install();
  inner = window.fetch;
  calls = [];
  const items = files.map((f) => ({ ...f }));
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    const path = url.pathname.slice(REVIEW_ENDPOINT.length);
    const method = init.method ?? 'GET';
    const auth = new Headers(init.headers).get('authorization');
    if (/^\/comments\/1\/attachments$/.test(path) || path.startsWith('/attachments/')) {
      calls.push({ method, path, auth, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    }
    if (path === '/comments/1/attachments') return json(200, { items });
    const file = /^\/attachments\/(\d+)$/.exec(path);
    if (file) {
      const item = items.find((f) => f.id === Number(file[1]))!;
      if (method === 'PATCH') {
        if (as !== 'editor') return json(403, { error: 'forbidden', message: 'needs publish' });
        item.published = (JSON.parse(String(init.body)) as { published: boolean }).published;
        return json(200, item);
      }
      return new Response(new Blob(['%PDF-1.4']), {
        status: 200,
        headers: { 'content-type': item.type, 'content-disposition': 'attachment' },
      });
    }
    return inner(input, init);
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[as], role: as }));
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-Hans">
    <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
  </div>`);
  const el = wrapper.querySelector('gk-review')!;
  await waitUntil(() => $(el, 'tr[data-id="1"] button.row-open'), 'no comments', { timeout: 4000 });
  $(el, 'tr[data-id="1"] button.row-open')!.click();
  await waitUntil(() => $(el, '.detail[data-comment="1"]'), 'the comment did not open', { timeout: 4000 });
  return el;
}

const $ = <E extends Element = HTMLElement>(el: GkReview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('gk-review attachments', () => {
  it('lists each file with its type and size; the scanner’s verdict decides what is offered', async () => {
    const el = await mount('reviewer');
    const list = $(el, '.attachment-list')!;
    expect(text($(el, '#attachments-title'))).to.equal('附件');
    expect(text(list.querySelector('[data-attachment="11"]'))).to.contain('补充材料.pdf PDF · 1.2 MB');
    expect(text(list.querySelector('[data-attachment="12"]'))).to.contain('等待病毒扫描，暂不能下载');
    expect(text(list.querySelector('[data-attachment="13"]'))).to.contain('发现恶意代码，不予提供：eicar.pdf');
    expect(list.querySelector('[data-download="12"]')).to.equal(null);
    expect(list.querySelector('[data-download="13"]')).to.equal(null);
    // A reviewer may read but not publish: the state in words, no checkbox.
    expect(list.querySelector('[data-publish]')).to.equal(null);
    expect(text(list.querySelector('[data-attachment="11"]'))).to.contain('不公开');
    await expect(el).to.be.accessible();
  });

  it('downloads a file with the token, never by a plain link', async () => {
    const el = await mount('reviewer');
    const button = $<HTMLButtonElement>(el, '[data-download="11"]')!;
    expect(button.tagName).to.equal('BUTTON');
    expect(button.getAttribute('aria-label')).to.equal('下载 补充材料.pdf');
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    button.click();
    const link = await clicked;
    expect(link.download).to.equal('补充材料.pdf');
    const get = calls.find((c) => c.path === '/attachments/11')!;
    expect(get.method).to.equal('GET');
    expect(get.auth).to.equal(`Bearer ${TOKENS.reviewer}`);
  });

  it('an editor marks a file to publish with the feedback; the server is told', async () => {
    const el = await mount('editor');
    const box = $<HTMLInputElement>(el, '[data-publish="11"]')!;
    expect(text(box.closest('label'))).to.equal('随反馈公开');
    expect(box.checked).to.equal(false);
    box.click();
    await waitUntil(() => calls.some((c) => c.method === 'PATCH'), 'no PATCH sent');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).to.equal('/attachments/11');
    expect(patch.body).to.deep.equal({ published: true });
    await waitUntil(() => !$<HTMLInputElement>(el, '[data-publish="11"]')!.disabled);
    expect($<HTMLInputElement>(el, '[data-publish="11"]')!.checked).to.equal(true);
    // Files not yet passed by the scanner cannot be published.
    expect($(el, '[data-publish="12"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows nothing for a comment without files', async () => {
    const el = await open('reviewer', []);
    await waitUntil(() => calls.some((c) => c.path === '/comments/1/attachments'), 'attachments never asked for');
    await el.updateComplete;
    expect($(el, '.detail .attachments')).to.equal(null);
  });
});
