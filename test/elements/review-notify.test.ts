// gk-review's 通知 tab (issue 20): a consultation's notification counts (never an address) and
// failures sent again; the message templates edited with the server's preview, a typo in a
// placeholder named, saved and reset; read-only for a role without editTemplates.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { loadExample } from '../helpers/examples.js';
import { NotifyFake } from '../helpers/notify-templates-fake.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../helpers/review-fake-api.js';

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi | null = null;
let notify: NotifyFake | null = null;

afterEach(async () => {
  fixtureCleanup();
  notify?.restore();
  api?.restore();
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  await setViewport({ width: 1280, height: 800 });
});

async function mount(as: 'admin' | 'reviewer' | 'editor' = 'reviewer', lang = 'zh-Hans'): Promise<GkReview> {
  api = new ReviewFakeApi({ bundle: await loadExample('ezhou') }).install();
  notify = new NotifyFake().install();
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[as], role: as }));
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
  </div>`);
  const el = wrapper.querySelector<GkReview>('gk-review')!;
  await waitUntil(() => $(el, 'button[data-tab="notify"]'), 'no 通知 tab', { timeout: 4000 });
  $(el, 'button[data-tab="notify"]')!.click();
  await waitUntil(() => $(el, '#nt-kind') && $(el, '#nt-counts'), 'the tab did not load', { timeout: 4000 });
  await waitUntil(
    () => !text($(el, '.notify-tab')).includes('加载中') && !text($(el, '.notify-tab')).includes('載入中'),
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: GkReview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
function pick(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
function button(el: GkReview, name: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notify-tab button')].find(
    (b) => text(b) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('gk-review: the 通知 tab (issue 20)', () => {
  it('shows the counts of this consultation, never an address, and sends failures again (publish)', async () => {
    const el = await mount('admin');
    const counts = text($(el, 'section[aria-labelledby="nt-counts"]'));
    expect(counts).to.contain('订阅：待确认 3，已确认 128，已退订 4');
    expect(counts).to.contain('失败 2，被拒收 1');
    expect(counts).not.to.match(/@/);
    button(el, '重新发送失败的消息').click();
    await waitUntil(() => text($(el, '.notify-tab .done')) === '已重新排队 2 条消息。');
    expect(text($(el, 'section[aria-labelledby="nt-counts"]'))).to.contain('排队 2');
    expect(notify!.calls.some((c) => c.method === 'POST' && c.path.endsWith('/notifications/retry'))).to.equal(true);
  });

  it('edits a template: a typo in a placeholder is named, the preview shows the message, saved, then reset', async () => {
    const el = await mount();
    pick($<HTMLSelectElement>(el, '#nt-kind')!, 'confirm');
    await el.updateComplete;
    const subject = $<HTMLInputElement>(el, '#nt-subject')!;
    const body = $<HTMLTextAreaElement>(el, '#nt-body')!;
    expect(subject.value).to.equal('请确认订阅通知');
    expect(text($(el, '#nt-placeholders'))).to.equal('可用的占位符：{what}');
    expect(text($(el, '.notify-tab'))).to.contain('正在使用内置模板');

    type(body, '您申请在{waht}时收到通知。');
    await el.updateComplete;
    button(el, '保存模板').click();
    await waitUntil(() => $(el, '.notify-tab .form-error'));
    expect(text($(el, '.notify-tab .form-error'))).to.contain('{waht}');
    expect($(el, '.notify-tab .form-error')!.getAttribute('role')).to.equal('alert');
    expect(body.value, 'the text is kept').to.equal('您申请在{waht}时收到通知。');

    type(body, '您申请在{what}时收到通知。\n请点击下方链接确认。');
    await el.updateComplete;
    button(el, '预览').click();
    await waitUntil(() => $(el, '.nt-preview'));
    const preview = text($(el, '.nt-preview'));
    expect(preview).to.contain('您申请在您的意见处理结果公布时收到通知。');
    expect(preview).to.contain('确认订阅: https://consult.example.gov.cn/');
    await expect(el).to.be.accessible();

    button(el, '保存模板').click();
    await waitUntil(() => text($(el, '.notify-tab .done')) === '模板已保存。');
    const put = notify!.calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(put.path).to.equal('/staff/notify-templates/confirm/zh-Hans');
    expect(put.body).to.deep.equal({
      subject: '请确认订阅通知',
      body: '您申请在{what}时收到通知。\n请点击下方链接确认。',
    });
    expect(text($(el, '.notify-tab'))).to.match(/已修改：/);

    // Another language keeps its own text; back again, the saved one is there.
    pick($<HTMLSelectElement>(el, '#nt-lang')!, 'en');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#nt-subject')!.value).to.equal('confirm (en): ');
    pick($<HTMLSelectElement>(el, '#nt-lang')!, 'zh-Hans');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#nt-body')!.value).to.equal('您申请在{what}时收到通知。\n请点击下方链接确认。');

    button(el, '恢复内置模板').click();
    await waitUntil(() => text($(el, '.notify-tab .done')) === '已恢复内置模板。');
    expect($<HTMLTextAreaElement>(el, '#nt-body')!.value).to.contain('地址将于 7 天后删除');
  });

  it('a role without editTemplates previews but cannot change; on a phone nothing spills sideways', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await mount('editor');
    expect(text($(el, '.notify-tab'))).to.contain('您的角色不能修改模板，只能预览。');
    expect($<HTMLInputElement>(el, '#nt-subject')!.readOnly).to.equal(true);
    expect(() => button(el, '保存模板')).to.throw();
    button(el, '预览').click();
    await waitUntil(() => $(el, '.nt-preview'));
    const tab = $(el, '.notify-tab')!;
    expect(tab.scrollWidth).to.be.at.most(tab.clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it('speaks English, and the kind and language are chosen by labelled fields', async () => {
    const el = await mount('reviewer', 'en');
    expect(text($(el, '#nt-heading'))).to.equal('Message templates (the whole site)');
    expect(text(el.shadowRoot!.querySelector('label[for="nt-kind"]'))).to.equal('Message');
    expect(text(el.shadowRoot!.querySelector('label[for="nt-lang"]'))).to.equal('Language');
    expect($<HTMLSelectElement>(el, '#nt-lang')!.value).to.equal('en');
    expect([...$<HTMLSelectElement>(el, '#nt-kind')!.options].map((o) => o.textContent?.trim())).to.include(
      'Comment received (with the receipt)',
    );
  });
});
