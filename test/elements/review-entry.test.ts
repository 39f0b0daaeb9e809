// The staff console's 录入意见 tab (issue 21, every channel): a letter entered with its receipt and
// reply slip, the server's refusal shown by the field, imports checked and refused row by row or
// written whole, the tab only for those who may enter comments, and the channel of a comment shown.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { loadExample } from '../helpers/examples.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../helpers/review-fake-api.js';

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi;

afterEach(() => {
  fixtureCleanup();
  api?.restore();
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

const $ = <E extends Element = HTMLElement>(el: GkReview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(as: 'reviewer' | 'editor', lang = 'zh-Hans'): Promise<GkReview> {
  api = new ReviewFakeApi({ bundle: await loadExample('ezhou') }).install();
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[as], role: as }));
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
  </div>`);
  const el = wrapper.querySelector('gk-review')!;
  await waitUntil(() => $(el, 'tr[data-id="1"]'), 'no comments', { timeout: 4000 });
  // /staff/me has answered: the tabs follow the permissions.
  await waitUntil(() => sessionStorage.getItem(SESSION_KEY)?.includes('permissions'), 'no permissions', {
    timeout: 4000,
  });
  await el.updateComplete;
  return el;
}

async function openEntry(el: GkReview): Promise<void> {
  $(el, 'button[data-tab="entry"]')!.click();
  await waitUntil(() => $(el, '#en-body'), 'the entry form did not open', { timeout: 4000 });
}

async function type(el: GkReview, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
  await el.updateComplete;
}

async function choose(el: GkReview, files: File[]) {
  const input = $<HTMLInputElement>(el, '#im-files')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const HEAD = '渠道,收到日期,提交者类型,条款,意见内容,姓名或单位,联系方式,原件编号';

describe('gk-review: 录入意见', () => {
  it('is offered only to those who may enter comments', async () => {
    const reviewer = await mount('reviewer');
    expect($(reviewer, 'button[data-tab="entry"]')).to.equal(null);
    fixtureCleanup();
    api.restore();
    const editor = await mount('editor');
    expect(text($(editor, 'button[data-tab="entry"]'))).to.equal('录入意见');
  });

  it('registers a letter: the receipt, a reply slip fetched with the token, and the form for the next', async function () {
    this.timeout(30_000);
    const el = await mount('editor');
    await openEntry(el);
    await expect(el).to.be.accessible();
    expect(text($(el, 'label[for="en-channel"]'))).to.equal('收到方式');
    // Nothing typed: said by the field, focus on it, nothing sent.
    $<HTMLButtonElement>(el, '.entry button[type="submit"]')!.click();
    await waitUntil(() => $(el, '#en-body-error'), 'no message by the field');
    expect(text($(el, '#en-body-error'))).to.equal('请填写此项');
    expect(el.shadowRoot!.activeElement?.id).to.equal('en-body');
    expect(api.calls.some((c) => c.path.endsWith('/entries'))).to.equal(false);

    await type(el, '#en-channel', 'letter');
    await type(el, '#en-body', '建议将办理时限缩短为十五个工作日。');
    await type(el, '#en-name', '李四');
    $<HTMLButtonElement>(el, '.entry button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.entry .done'), 'no receipt shown', { timeout: 4000 });
    const sent = api.calls.find((c) => c.path.endsWith('/entries'))!;
    expect(sent.method).to.equal('POST');
    expect(sent.body).to.include({ channel: 'letter', body: '建议将办理时限缩短为十五个工作日。', name: '李四' });
    const added = [...api.comments.values()].at(-1)!;
    expect(text($(el, '.entry .done'))).to.equal(`已登记，回执编号 ${added.receipt}。`);

    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.entry .actions button')][0]!.click();
    const link = await clicked;
    expect(link.download).to.equal(`回执-${added.receipt}.html`);
    const slip = api.calls.find((c) => c.path.endsWith('/reply-slip'))!;
    expect(slip.auth).to.equal(`Bearer ${TOKENS.editor}`);

    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.entry .actions button')][1]!.click();
    await waitUntil(() => $<HTMLTextAreaElement>(el, '#en-body')?.value === '', 'the form was not emptied');
    expect($<HTMLSelectElement>(el, '#en-channel')!.value).to.equal('letter');
    await expect(el).to.be.accessible();
  });

  it('sends a letter’s scans with it: uploaded first, a failed one said by name and sent again, none twice', async function () {
    this.timeout(30_000);
    const el = await mount('editor');
    await openEntry(el);
    expect(text($(el, 'label[for="en-attachments"]'))).to.equal('原件扫描件（可选）');
    const input = $<HTMLInputElement>(el, '#en-attachments')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF-1.4'], '来信第1页.pdf', { type: 'application/pdf' }));
    dt.items.add(new File(['%PDF-1.4'], '来信第2页.pdf', { type: 'application/pdf' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '#en-scans-chosen'))).to.equal('已选：来信第1页.pdf、来信第2页.pdf');
    await type(el, '#en-body', '来信建议延长办理时间。');

    // The second upload fails: said by name, nothing registered, what was typed kept.
    api.failNext(
      /\/entries\/attachments$/,
      { status: 413, body: { error: 'too-large', message: 'over 10 MB' } },
      'POST',
      1,
    );
    $<HTMLButtonElement>(el, '.entry button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.entry .form-error'), 'no message');
    expect(text($(el, '.entry .form-error'))).to.match(
      /^扫描件“来信第2页\.pdf”未能上传：.+意见尚未登记，填写的内容都还在。$/,
    );
    expect(api.requests('POST', /\/entries$/)).to.have.length(0);
    expect($<HTMLTextAreaElement>(el, '#en-body')!.value).to.equal('来信建议延长办理时间。');
    await expect(el).to.be.accessible();

    // Again: only the one that failed is uploaded; the entry names both.
    $<HTMLButtonElement>(el, '.entry button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.entry .done'), 'no receipt shown', { timeout: 4000 });
    const uploads = api.requests('POST', /\/entries\/attachments$/).map((c) => c.query.get('name'));
    expect(uploads).to.deep.equal(['来信第1页.pdf', '来信第2页.pdf', '来信第2页.pdf']);
    expect(api.requests('POST', /\/entries\/attachments$/).every((c) => c.auth === `Bearer ${TOKENS.editor}`)).to.equal(
      true,
    );
    const [sent] = api.requests('POST', /\/entries$/);
    expect((sent!.body as { attachments: string[] }).attachments).to.deep.equal([
      'token-来信第1页.pdf',
      'token-来信第2页.pdf',
    ]);
    expect(text($(el, '.entry .done'))).to.match(/已附扫描件 2 个。$/);
  });

  it('shows the server’s refusal by the field, and keeps what was typed', async () => {
    const el = await mount('editor');
    await openEntry(el);
    // The date input's max is today; the server is the one that refuses a later date.
    $<HTMLInputElement>(el, '#en-receivedAt')!.removeAttribute('max');
    await type(el, '#en-receivedAt', '2099-01-01');
    await type(el, '#en-body', '传真来的意见。');
    $<HTMLButtonElement>(el, '.entry button[type="submit"]')!.click();
    await waitUntil(() => $(el, '#en-receivedAt-error'), 'no message by the date');
    expect(text($(el, '#en-receivedAt-error'))).to.equal('收到日期晚于今天');
    expect($(el, '#en-receivedAt')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#en-receivedAt')!.getAttribute('aria-describedby')).to.equal('en-receivedAt-error');
    expect($<HTMLTextAreaElement>(el, '#en-body')!.value).to.equal('传真来的意见。');
    expect(text($(el, '.entry .form-error'))).to.match(/^未能登记/);
  });

  it('imports a CSV: a wrong row named and nothing imported; then every row with its receipt', async function () {
    this.timeout(30_000);
    const el = await mount('editor');
    await openEntry(el);
    const before = api.comments.size;
    await choose(el, [
      new File([`${HEAD}\n信函,2026-03-01,个人,,来信一,,,\n座谈会,三月二日,个人,,座谈意见,,,\n`], '来信.csv'),
    ]);
    expect(text($(el, '.import .chosen'))).to.equal('已选 1 个文件');
    const [check, importButton] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.import .actions button')];
    importButton!.click();
    await waitUntil(() => $(el, '.import-rows'), 'no results per row', { timeout: 4000 });
    expect(text($(el, '.import [role="status"]'))).to.equal('1 条有误，全部未导入。请更正后重新选择文件。');
    const bad = $(el, '.import-rows tr[data-ok="false"]')!;
    expect(text(bad)).to.equal('来信.csv 3 收到日期"三月二日"不是日期（例如 2026-03-05）');
    expect(api.comments.size).to.equal(before);
    await expect(el).to.be.accessible();

    await choose(el, [
      new File([`${HEAD}\n信函,2026-03-01,个人,,来信一,,,\n座谈会,2026-03-02,个人,,座谈意见,,,\n`], '来信.csv'),
    ]);
    check!.click();
    await waitUntil(() => text($(el, '.import [role="status"]')).startsWith('检查通过'), 'not checked');
    expect(api.comments.size).to.equal(before);
    importButton!.click();
    await waitUntil(() => text($(el, '.import [role="status"]')).startsWith('已导入'), 'not imported');
    expect(text($(el, '.import [role="status"]'))).to.equal('已导入 2 条。');
    expect(api.comments.size).to.equal(before + 2);
    const rows = [...el.shadowRoot!.querySelectorAll('.import-rows tbody tr')].map(text);
    expect(rows[0]).to.match(/^来信\.csv 2 回执 [0-9A-Z-]{19}$/);
  });

  it('refuses e-mails and CSV files chosen together, before sending anything', async () => {
    const el = await mount('editor');
    await openEntry(el);
    await choose(el, [new File(['x'], 'a.eml'), new File([HEAD], 'b.csv')]);
    expect(text($(el, '.import [role="alert"]'))).to.equal('请只选电子邮件（.eml）或只选 CSV 文件，不要混选。');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.import .actions button')];
    expect(buttons.every((b) => b.disabled)).to.equal(true);
  });

  it('shows how an entered comment arrived, in the list and when opened; in English too', async () => {
    api = new ReviewFakeApi({ bundle: await loadExample('ezhou') });
    const first = api.comments.get(1)!;
    api.comments.set(1, {
      ...first,
      channel: 'letter',
      receivedAt: '2026-03-01T16:00:00.000Z',
      originalRef: '收文12号',
    });
    api.install();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS.editor, role: 'editor' }));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
      <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
    </div>`);
    const el = wrapper.querySelector('gk-review')!;
    await waitUntil(() => $(el, 'tr[data-id="1"] button.row-open'), 'no comments', { timeout: 4000 });
    expect(text($(el, 'tr[data-id="1"] .channel'))).to.equal('（letter）');
    $(el, 'tr[data-id="1"] button.row-open')!.click();
    await waitUntil(() => $(el, '.detail [data-channel]'), 'no channel in the detail', { timeout: 4000 });
    expect(text($(el, '.detail [data-channel]'))).to.match(
      /^letter（Date received .*2026.*）, 收文12号$|^letter（Date received .*），收文12号$/,
    );
    await waitUntil(() => $(el, 'button[data-tab="entry"]'), 'no entry tab');
    expect(text($(el, 'button[data-tab="entry"]'))).to.equal('Enter comments');
  });
});
