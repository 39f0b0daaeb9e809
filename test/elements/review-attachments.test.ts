// The staff console lists a comment's attachments (issue 21): type and size, a download fetched
// with the token, the scan state in words (a file awaiting or failing the scan is not offered),
// and "随反馈公开" only for a role that may publish.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { fakeStaffAttachments, STAFF_FILES, type StaffFile } from '../helpers/attachments-fake.js';
import { loadExample } from '../helpers/examples.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../helpers/review-fake-api.js';

/** The machine may be busy: waits are generous, never timed assertions. */
const SLOW = { timeout: 8000 };

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi;
let staff: ReturnType<typeof fakeStaffAttachments> | null = null;

afterEach(() => {
  fixtureCleanup();
  staff?.restore();
  api?.restore();
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

async function mount(as: 'reviewer' | 'editor', files = STAFF_FILES): Promise<GkReview> {
  const el = await open(as, files);
  await waitUntil(() => $(el, '.detail[data-comment="1"] .attachment-list'), 'no attachments listed', SLOW);
  return el;
}

/** The console with comment 1 open, its attachments answered by `files`. */
async function open(as: 'reviewer' | 'editor', files: StaffFile[]): Promise<GkReview> {
  api = new ReviewFakeApi({ bundle: await loadExample('ezhou') }).install();
  staff = fakeStaffAttachments(files, as === 'editor');
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[as], role: as }));
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-Hans">
    <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
  </div>`);
  const el = wrapper.querySelector('gk-review')!;
  await waitUntil(() => $(el, 'tr[data-id="1"] button.row-open'), 'no comments', SLOW);
  $(el, 'tr[data-id="1"] button.row-open')!.click();
  await waitUntil(() => $(el, '.detail[data-comment="1"]'), 'the comment did not open', SLOW);
  return el;
}

const $ = <E extends Element = HTMLElement>(el: GkReview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('gk-review attachments', function () {
  // The whole console loads on a shared, busy machine.
  this.timeout(30_000);
  it('lists each file with its type and size; the scanner’s verdict decides what is offered', async () => {
    const el = await mount('reviewer');
    const list = $(el, '.attachment-list')!;
    expect(text($(el, '#attachments-title'))).to.equal('附件');
    expect(text(list.querySelector('[data-attachment="11"]'))).to.contain('补充材料.pdf PDF · 1.2 MB');
    expect(text(list.querySelector('[data-attachment="12"]'))).to.contain('等待病毒扫描，暂不能下载');
    expect(text(list.querySelector('[data-attachment="13"]'))).to.contain(
      'eicar.pdf PDF · 1 KB · 发现恶意代码，不予提供',
    );
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
    const get = staff!.calls.find((c) => c.path === '/attachments/11')!;
    expect(get.method).to.equal('GET');
    expect(get.auth).to.equal(`Bearer ${TOKENS.reviewer}`);
  });

  it('an editor marks a file to publish with the feedback; the server is told', async () => {
    const el = await mount('editor');
    const box = $<HTMLInputElement>(el, '[data-publish="11"]')!;
    expect(text(box.closest('label'))).to.equal('随反馈公开');
    expect(box.checked).to.equal(false);
    box.click();
    await waitUntil(() => staff!.calls.some((c) => c.method === 'PATCH'), 'no PATCH sent', SLOW);
    const patch = staff!.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).to.equal('/attachments/11');
    expect(patch.body).to.deep.equal({ published: true });
    await waitUntil(() => !$<HTMLInputElement>(el, '[data-publish="11"]')!.disabled, 'still busy', SLOW);
    expect($<HTMLInputElement>(el, '[data-publish="11"]')!.checked).to.equal(true);
    // Files not yet passed by the scanner cannot be published.
    expect($(el, '[data-publish="12"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows nothing for a comment without files', async () => {
    const el = await open('reviewer', []);
    await waitUntil(
      () => staff!.calls.some((c) => c.path === '/comments/1/attachments'),
      'attachments never asked for',
      SLOW,
    );
    await el.updateComplete;
    expect($(el, '.detail .attachments')).to.equal(null);
  });
});
