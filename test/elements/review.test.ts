import '@gongkai/elements/staff';
import type { GkDecideEvent, GkPublishEvent, GkReview } from '@gongkai/elements/staff';
import type { FeedbackView } from '@gongkai/format';
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { loadExample } from '../helpers/examples.js';
import {
  campaignSeeds,
  ezhouSeeds,
  manySeeds,
  REVIEW_CONSULTATION,
  REVIEW_ENDPOINT,
  ReviewFakeApi,
  type ReviewFakeOptions,
  TOKEN_LABELS,
  TOKENS,
} from '../helpers/review-fake-api.js';

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi;

afterEach(() => {
  fixtureCleanup();
  api?.restore();
  sessionStorage.clear();
  // The console keeps what is open in the address: each test starts from a plain one.
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

interface Mount {
  /** Signed in already (a session kept in this tab) with this role; null: signed out. */
  as?: 'admin' | 'reviewer' | 'editor' | 'checker' | 'signer' | null;
  consultation?: string;
  lang?: string;
  fake?: ReviewFakeOptions;
}

async function mount(m: Mount = {}): Promise<GkReview> {
  api = new ReviewFakeApi({ bundle: await loadExample('ezhou'), ...m.fake }).install();
  const as = m.as === undefined ? 'reviewer' : m.as;
  if (as) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[as], role: as }));
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${m.lang ?? 'zh-Hans'}>
    <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${m.consultation ?? REVIEW_CONSULTATION}></gk-review>
  </div>`);
  return wrapper.querySelector('gk-review')!;
}

const $ = <E extends Element = HTMLElement>(el: GkReview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const $$ = (el: GkReview, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function until<E extends Element = HTMLElement>(el: GkReview, selector: string): Promise<E> {
  await waitUntil(() => $(el, selector), `${selector} never appeared`, { timeout: 4000 });
  return $<E>(el, selector)!;
}

/** The comments table and the progress are both loaded. */
async function ready(el: GkReview): Promise<void> {
  await waitUntil(() => $$(el, 'table.comments tbody tr').length > 0 && $(el, '.ws-progress'), 'workspace not ready', {
    timeout: 4000,
  });
  await el.updateComplete;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function pick(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function openComment(el: GkReview, id: number): Promise<HTMLElement> {
  $(el, `tr[data-id="${id}"] button.row-open`)!.click();
  return until(el, `.detail[data-comment="${id}"]`);
}

const announced = (el: GkReview, pattern: RegExp) =>
  waitUntil(() => pattern.test(text($(el, '[data-announcer]'))), `never announced ${pattern}`, { timeout: 3000 });

async function signInWith(el: GkReview, token: string): Promise<void> {
  type($<HTMLInputElement>(el, '#token')!, token);
  await el.updateComplete;
  $(el, 'form.sign-in button[type="submit"]')!.click();
}

describe('gk-review: signing in', () => {
  it('signs in with a token kept in sessionStorage only, learns the role, and signs out', async () => {
    const el = await mount({ as: null });
    expect(text($(el, 'h2'))).to.equal('工作人员登录');
    expect($<HTMLInputElement>(el, '#token')!.type).to.equal('password');

    // A pasting slip is named before anything is sent.
    await signInWith(el, 'gks_abc');
    expect(text(await until(el, '#token-error'))).to.contain('应以 gks_ 开头');
    expect(api.calls).to.have.length(0);

    await signInWith(el, TOKENS.revoked);
    await waitUntil(() => text($(el, '#token-error')).includes('令牌无效'), 'revoked token accepted');
    expect($<HTMLInputElement>(el, '#token')!.value).to.equal(TOKENS.revoked);

    const attempts = api.calls.length;
    await signInWith(el, TOKENS.editor);
    await ready(el);
    expect(text($(el, '.who'))).to.equal('已登录：编辑');
    // The server says who the token is: nothing is probed, nothing is changed.
    expect(api.requests('GET', /^\/staff\/me$/).map((c) => c.auth)).to.deep.equal([
      `Bearer ${TOKENS.revoked}`,
      `Bearer ${TOKENS.editor}`,
    ]);
    expect(api.calls.filter((c) => c.method !== 'GET')).to.have.length(0);
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!)).to.deep.equal({
      token: TOKENS.editor,
      role: 'editor',
      label: null,
      permissions: {
        moderate: false,
        decide: false,
        publish: true,
        export: true,
        editConsultations: true,
        editTemplates: false,
        contacts: false,
        tokens: false,
        check: false,
        signOff: false,
        assign: true,
        notes: true,
        enterComments: true,
      },
    });
    expect(Object.keys(localStorage).some((k) => k.startsWith('gongkai:review'))).to.equal(false);
    expect(location.href).not.to.contain('gks_');
    expect(
      api.calls.slice(attempts).every((c) => c.auth === `Bearer ${TOKENS.editor}` || c.path.startsWith('/policies/')),
    ).to.equal(true);
    expect(api.requests().every((c) => !c.query.toString().includes('gks_'))).to.equal(true);

    [...$$(el, '.bar button')].find((b) => text(b) === '退出登录')!.click();
    await el.updateComplete;
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
    expect(text($(el, '.notice'))).to.contain('已退出登录');
    expect($<HTMLInputElement>(el, '#token')!.value).to.equal('');
  });

  it('goes back to the sign-in form on 401, and keeps the reason being written', async () => {
    const el = await mount();
    await ready(el);
    const detail = await openComment(el, 3);
    detail.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    type(detail.querySelector('textarea')!, '施工合同涉及商业秘密，依法不予公开。');
    await el.updateComplete;
    api.failNext(/^\/comments\/3$/, {
      status: 401,
      body: { error: 'unauthorized', message: 'a valid staff token is required' },
    });
    $(el, 'form[data-form="c-3"] button[type="submit"]')!.click();
    await until(el, 'form.sign-in');
    expect(text($(el, '.notice'))).to.contain('登录已失效');
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);

    await signInWith(el, TOKENS.reviewer);
    await ready(el);
    const again = await openComment(el, 3);
    expect(again.querySelector('textarea')!.value).to.equal('施工合同涉及商业秘密，依法不予公开。');
    expect(again.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.checked).to.equal(true);
  });

  it('asks the server who a kept token is, as another element kept it, and shows its label', async () => {
    // The workbench keeps the token for the tab without a role.
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS.admin, role: null }));
    const el = await mount({ as: null, consultation: '' });
    await waitUntil(() => text($(el, '.who')) === `已登录：管理员（${TOKEN_LABELS.admin}）`, 'role not learnt');
    const kept = JSON.parse(sessionStorage.getItem(SESSION_KEY)!);
    expect([kept.token, kept.role, kept.label]).to.deep.equal([TOKENS.admin, 'admin', TOKEN_LABELS.admin]);
    expect(Object.values(kept.permissions).every(Boolean)).to.equal(true);
    expect(api.requests('GET', /^\/staff\/me$/)).to.have.length(1);
  });

  it('says what is missing without an endpoint', async () => {
    const el = await fixture<GkReview>(html`<gk-review></gk-review>`);
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('endpoint');
  });
});

describe('gk-review: consultations and comments', () => {
  it('lists every consultation on the server, newest first, with status and counts, and opens one', async () => {
    const el = await mount({ consultation: '' });
    const row = await until(el, `tr[data-consultation="${REVIEW_CONSULTATION}"]`);
    expect(api.requests('GET', /^\/consultations$/)).to.have.length(1);
    expect($$(el, 'tr[data-consultation]').map((r) => r.dataset.consultation)).to.deep.equal([
      'ezhou-zwfw-2026-draft',
      REVIEW_CONSULTATION,
      'ezhou-xxgk-2025-draft',
    ]);
    expect(text(row)).to.contain('已截止');
    expect(text(row)).to.contain('鄂州市全面推进政务公开工作实施方案');
    expect(text(row.querySelector('[data-count="received"]'))).to.equal('13');
    expect(text(row.querySelector('[data-count="unmoderated"]'))).to.equal('9');
    expect(text(row.querySelector('[data-count="undecided"]'))).to.equal('2');
    const upcoming = $(el, 'tr[data-consultation="ezhou-zwfw-2026-draft"]')!;
    expect(text(upcoming)).to.contain('未开始');
    expect(text(upcoming)).to.contain('预计');
    row.querySelector('button')!.click();
    await ready(el);
    expect($$(el, 'table.comments tbody tr')).to.have.length(13);
    await waitUntil(() => text($(el, '.ws-progress')) === '2 / 13 已处理', 'progress');
  });

  it('filters by moderation, decision, clause and text, on the server', async () => {
    const el = await mount();
    await ready(el);
    pick($(el, '#f-moderation')!, 'pending');
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 9, 'moderation filter');
    expect(
      api
        .requests('GET', /comments$/)
        .at(-1)!
        .query.get('moderation'),
    ).to.equal('pending');

    pick($(el, '#f-decision')!, 'undecided');
    await waitUntil(
      () =>
        api
          .requests('GET', /comments$/)
          .at(-1)!
          .query.get('decision') === 'undecided',
      'decision',
    );
    pick($(el, '#f-clause')!, '2.4.15');
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 4, 'clause filter');
    expect(text($(el, '#f-clause option:checked'))).to.contain('15.推进决策公开（5）');

    $<HTMLButtonElement>(el, '.filter-actions .gk-link-button')!.click(); // 清除筛选
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 13, 'cleared');
    const search = $<HTMLInputElement>(el, '#f-q')!;
    type(search, '环境保护');
    search.form!.requestSubmit();
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 1, 'text search');
    expect(
      api
        .requests('GET', /comments$/)
        .at(-1)!
        .query.get('q'),
    ).to.equal('环境保护');
    expect(text($(el, '.table-status'))).to.equal('符合条件的意见共 1 条');
  });

  it('reads the pages one cursor at a time', async () => {
    const seeds = Array.from({ length: 130 }, (_, i) => ({
      clause: '1.1',
      body: `第 ${i + 1} 条意见：建议${'加强'.repeat((i % 7) + 1)}公开。`,
    }));
    const el = await mount({ fake: { comments: seeds } });
    await ready(el);
    expect($$(el, 'table.comments tbody tr')).to.have.length(100);
    expect(text($(el, '.table-status'))).to.equal('已显示 100 条，还有更多');
    $(el, 'button.more')!.click();
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 130, 'second page');
    expect(
      api
        .requests('GET', /comments$/)
        .at(-1)!
        .query.get('cursor'),
    ).to.equal('100');
    expect($(el, 'button.more')).to.equal(null);
  });

  it('opens a comment whole beside the text of its clause', async () => {
    const el = await mount({ as: 'admin' });
    await ready(el);
    const detail = await openComment(el, 2);
    expect(text(detail.querySelector('h3'))).to.equal('意见 #2');
    expect(text(detail.querySelector('.comment-body'))).to.contain('我的联系电话 13907110002');
    // As printed, from the top: never the internal id 2.1.3.
    expect(text(detail.querySelector('.clause h4'))).to.equal('二、(一)3.推进政务服务公开');
    expect(text(detail.querySelector('.clause-text'))).to.contain('推进政务服务公开');
    expect(text(detail.querySelector('.meta'))).to.contain('刘芳');

    const whole = await openComment(el, 4);
    expect(text(whole.querySelector('.clause h4'))).to.equal('针对征求意见稿全文');
    expect(text(whole.querySelector('.meta'))).to.contain('匿名');
  });
  it('says names and contacts are not the staff member’s to see, without the permission', async function () {
    // Two consoles mounted in turn, each with axe or several comments opened: slow on a busy machine.
    this.timeout(20_000);
    const el = await mount();
    await ready(el);
    expect(api.requests('GET', /comments$/).length).to.be.greaterThan(0);
    expect(text($(el, 'tr[data-id="1"]'))).to.contain('无权查看');
    expect(text($(el, 'tr[data-id="4"]'))).to.contain('匿名');
    const detail = await openComment(el, 1);
    const meta = text(detail.querySelector('.meta'));
    expect(meta).to.contain('提交人 无权查看');
    expect(meta).not.to.contain('未留姓名');
    const contact = detail.querySelector('[data-withheld]')!;
    expect([text(contact.previousElementSibling), text(contact)]).to.deep.equal(['联系方式', '无权查看']);
    expect(text((await openComment(el, 4)).querySelector('.meta'))).not.to.contain('联系方式');
    await expect(el).to.be.accessible();
    api.restore();
    sessionStorage.clear();

    // Granted to this reviewer's token: shown.
    const granted = await mount({ fake: { grants: { reviewer: ['contacts'] } } });
    await ready(granted);
    const shown = text((await openComment(granted, 1)).querySelector('.meta'));
    expect(shown).to.contain('陈建国');
    expect(shown).to.contain('联系方式13907110001');
    expect(text((await openComment(granted, 2)).querySelector('.meta'))).not.to.contain('联系方式');
  });
});

describe('gk-review: moderating and deciding', () => {
  it('approves, and removes with a reason category', async () => {
    const el = await mount();
    await ready(el);
    const decided = oneEvent(el, 'gk-decide') as Promise<GkDecideEvent>;
    let detail = await openComment(el, 3);
    detail.querySelector<HTMLButtonElement>('[data-action="approve"]')!.click();
    expect((await decided).detail).to.deep.equal({
      consultation: REVIEW_CONSULTATION,
      ids: [3],
      moderation: 'approved',
    });
    await waitUntil(() => text($(el, 'tr[data-id="3"] .badge')) === '已通过', 'row not updated');
    expect(api.requests('PATCH')[0]!.body).to.deep.equal({ moderation: 'approved' });
    await announced(el, /意见 #3 已审核通过/);

    detail = await openComment(el, 6);
    detail.querySelector<HTMLButtonElement>('[data-action="remove"]')!.click();
    await el.updateComplete;
    expect(text(detail.querySelector('.moderation .form-error'))).to.equal('请先选择删除原因。');
    expect(api.requests('PATCH')).to.have.length(1);
    pick(detail.querySelector<HTMLSelectElement>('#remove-category')!, '广告');
    await el.updateComplete;
    detail.querySelector<HTMLButtonElement>('[data-action="remove"]')!.click();
    await waitUntil(() => text($(el, 'tr[data-id="6"] .badge')) === '已删除', 'not removed');
    expect(api.requests('PATCH')[1]!.body).to.deep.equal({ moderation: 'rejected', removalReason: '广告' });
    expect(text($(el, '.detail .meta'))).to.contain('已删除（广告）');
    expect(api.comments.get(6)!.removalReason).to.equal('广告');
  });

  it('shows the removal category the server kept, in the language of the page', async () => {
    const comments = [
      { body: '重复提交的意见', moderation: 'rejected' as const, removalReason: '重复' as const },
      { body: '早先删除、未记原因的意见', moderation: 'rejected' as const },
    ];
    const el = await mount({ fake: { comments } });
    await ready(el);
    expect(text((await openComment(el, 1)).querySelector('.meta'))).to.contain('已删除（重复）');
    expect(text((await openComment(el, 2)).querySelector('.meta'))).to.contain('已删除');
    expect(text($(el, '.detail .meta'))).not.to.contain('（');
    api.restore();
    const en = await mount({ lang: 'en', fake: { comments } });
    await ready(en);
    expect(text((await openComment(en, 1)).querySelector('.meta'))).to.contain('Removed (Duplicate)');
  });

  it('requires a reason unless adopted, checked before sending, and shows the server’s 422 by the field', async () => {
    const el = await mount();
    await ready(el);
    const detail = await openComment(el, 5);
    const form = detail.querySelector<HTMLFormElement>('form[data-form="c-5"]')!;
    const textarea = form.querySelector('textarea')!;
    form.querySelector<HTMLInputElement>('input[value="out-of-scope"]')!.click();
    await el.updateComplete;
    expect(text(form.querySelector('#c-5-reason-hint'))).to.contain('必填');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(form.querySelector('#c-5-reason-error'))).to.contain('请填写理由');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.contain('c-5-reason-error');
    await waitUntil(() => el.shadowRoot!.activeElement === textarea, 'reason not focused');
    expect(api.requests('PATCH')).to.have.length(0);

    // The server has the last word: its 422 is shown next to the field, the text kept.
    type(textarea, '不属于本次范围');
    api.failNext(/^\/comments\/5$/, {
      status: 422,
      body: {
        error: 'reason-required',
        message: 'a reason is required',
        zh: '除“采纳”外，每项处理意见都须说明理由',
        problems: [{ path: '$.reason', message: 'required unless the decision is adopted' }],
      },
    });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(
      () => text(form.querySelector('#c-5-reason-error')) === '除“采纳”外，每项处理意见都须说明理由',
      'no 422',
    );
    expect(textarea.value).to.equal('不属于本次范围');

    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(form.querySelector('.saved')) === '已保存', 'not saved');
    expect(api.requests('PATCH').at(-1)!.body).to.deep.equal({ decision: 'out-of-scope', reason: '不属于本次范围' });
    expect(text($(el, 'tr[data-id="5"] .d-out-of-scope'))).to.equal('不属于本次征求意见范围');

    // Adopted needs no reason.
    const other = await openComment(el, 12);
    other.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    other.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => api.requests('PATCH').length === 3, 'adopted not sent');
    expect(api.requests('PATCH').at(-1)!.body).to.deep.equal({ decision: 'adopted', reason: '' });
  });

  it('keeps the typed reason when the network fails, and says so', async () => {
    const el = await mount();
    await ready(el);
    const detail = await openComment(el, 3);
    detail.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    type(detail.querySelector('textarea')!, '涉及商业秘密的内容依法不予公开。');
    await el.updateComplete;
    api.failNext(/^\/comments\/3$/, 'network');
    detail.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => detail.querySelector('form .form-error'), 'no error shown');
    expect(text(detail.querySelector('form .form-error'))).to.contain('无法连接服务器');
    expect(text(detail.querySelector('form .form-error'))).to.contain('您填写的内容已保留');
    expect(detail.querySelector('textarea')!.value).to.equal('涉及商业秘密的内容依法不予公开。');
    // Moving away and back keeps it too.
    await openComment(el, 4);
    const back = await openComment(el, 3);
    expect(back.querySelector('textarea')!.value).to.equal('涉及商业秘密的内容依法不予公开。');
    back.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => text(back.querySelector('.saved')) === '已保存', 'retry not saved');
  });

  it('fills the reason from a template (undoable) and saves the reason as a new template', async () => {
    const el = await mount();
    await ready(el);
    const detail = await openComment(el, 5);
    const textarea = detail.querySelector('textarea')!;
    type(textarea, '我自己写的理由');
    await el.updateComplete;
    const select = detail.querySelector<HTMLSelectElement>('select[data-template]')!;
    expect([...select.options].map((o) => text(o))).to.include('不属于本次范围（转办） · 不属于本次征求意见范围');
    pick(select, '1');
    await el.updateComplete;
    expect(textarea.value).to.equal('该意见不属于本次征求意见范围，已转有关部门办理。');
    expect(detail.querySelector<HTMLInputElement>('input[value="out-of-scope"]')!.checked).to.equal(true);
    [...detail.querySelectorAll('.templates button')]
      .find((b) => text(b).startsWith('撤销'))!
      .dispatchEvent(new MouseEvent('click'));
    await el.updateComplete;
    expect(textarea.value).to.equal('我自己写的理由');

    type(textarea, '物业纠纷请向住房保障部门反映。');
    await el.updateComplete;
    [...detail.querySelectorAll<HTMLButtonElement>('.templates button')].find((b) => text(b) === '存为模板')!.click();
    await el.updateComplete;
    type(detail.querySelector<HTMLInputElement>('#c-5-template-title')!, '物业纠纷');
    [...detail.querySelectorAll<HTMLButtonElement>('.templates button')].find((b) => text(b) === '保存模板')!.click();
    await waitUntil(
      () => text(detail.querySelector('.templates [role="status"]')).includes('已保存模板“物业纠纷”'),
      'not saved',
    );
    expect(api.requests('POST', /reason-templates/)[0]!.body).to.deep.equal({
      decision: 'out-of-scope',
      title: '物业纠纷',
      text: '物业纠纷请向住房保障部门反映。',
    });
    expect([...select.options].map((o) => text(o))).to.include('物业纠纷 · 不属于本次征求意见范围');
  });

  it('explains a 403 and keeps the controls a role may not use out of reach', async () => {
    const editor = await mount({ as: 'editor' });
    await ready(editor);
    const detail = await openComment(editor, 3);
    expect(detail.querySelector<HTMLFieldSetElement>('form fieldset.body')!.disabled).to.equal(true);
    expect(detail.querySelector<HTMLButtonElement>('[data-action="approve"]')!.disabled).to.equal(true);
    expect(text(detail.querySelector('.role-note'))).to.contain('您的角色（编辑）可以查看和导出');
    api.restore();

    const el = await mount();
    await ready(el);
    const d = await openComment(el, 3);
    api.failNext(/^\/comments\/3$/, {
      status: 403,
      body: { error: 'forbidden', message: 'the reviewer role may not do this (needs admin)' },
    });
    d.querySelector<HTMLButtonElement>('[data-action="approve"]')!.click();
    await waitUntil(() => d.querySelector('.moderation .form-error'), 'no 403 message');
    expect(text(d.querySelector('.moderation .form-error'))).to.equal(
      '您的角色（审核员）无权执行此操作，需要管理员来做。',
    );
    // Now known: the controls are disabled and say why.
    await el.updateComplete;
    expect(d.querySelector<HTMLButtonElement>('[data-action="approve"]')!.disabled).to.equal(true);
  });
});

describe('gk-review: choosing many comments', () => {
  const box = (el: GkReview, id: number) => $<HTMLInputElement>(el, `input[data-select="${id}"]`)!;
  const all = (el: GkReview) => $<HTMLInputElement>(el, '#select-page')!;
  const chosen = (el: GkReview) =>
    $$(el, 'input[data-select]')
      .filter((b) => (b as HTMLInputElement).checked)
      .map((b) => Number(b.dataset.select));
  const bulk = (el: GkReview, action: string) => $<HTMLButtonElement>(el, `[data-bulk="${action}"]`)!;
  const shiftClick = (input: HTMLElement) =>
    input.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, shiftKey: true }));
  const pending = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ clause: '1.1', body: `第 ${i + 1} 条意见：建议公开第 ${i + 1} 项。` }));
  const decisions = () => api.requests('POST', /decisions$/);

  it('chooses rows, a range with shift, every row shown (with the mixed state), keeps the choice while paging', async () => {
    const el = await mount({ fake: { comments: pending(130) } });
    await ready(el);
    expect($(el, '[part="bulk"]')).to.equal(null);
    expect(box(el, 2).getAttribute('aria-label')).to.equal('选择意见 #2');
    expect(text($(el, 'label[for="select-page"]'))).to.equal('选择本页全部意见（100 条）');
    expect([all(el).checked, all(el).indeterminate]).to.deep.equal([false, false]);

    box(el, 2).click();
    await el.updateComplete;
    expect(text($(el, '.bulk-count'))).to.equal('已选 1 条');
    expect([all(el).checked, all(el).indeterminate]).to.deep.equal([false, true]);
    expect($(el, 'tr[data-id="2"]')!.classList.contains('selected')).to.equal(true);
    shiftClick(box(el, 6));
    await el.updateComplete;
    expect(chosen(el)).to.deep.equal([2, 3, 4, 5, 6]);
    await announced(el, /已选择 #2 至 #6 的 5 条意见（已选 5 条）/);
    // Shift+click upward from the last one toggled: a range taken out.
    box(el, 4).click();
    shiftClick(box(el, 3));
    await el.updateComplete;
    expect(chosen(el)).to.deep.equal([2, 5, 6]);
    expect(text($(el, '.bulk .hint'))).to.contain('更改筛选条件或刷新列表会清除选择');

    all(el).click();
    await el.updateComplete;
    expect(text($(el, '.bulk-count'))).to.equal('已选 100 条');
    expect([all(el).checked, all(el).indeterminate]).to.deep.equal([true, false]);
    await announced(el, /已选择本页全部 100 条意见/);
    // More rows: the choice stays, and the box says part of them is chosen.
    $(el, 'button.more')!.click();
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 130, 'second page');
    expect(text($(el, '.bulk-count'))).to.equal('已选 100 条');
    expect([all(el).checked, all(el).indeterminate]).to.deep.equal([false, true]);
    all(el).click();
    await el.updateComplete;
    expect(text($(el, '.bulk-count'))).to.equal('已选 130 条');
    all(el).click();
    await el.updateComplete;
    expect(chosen(el)).to.deep.equal([]);
    expect($(el, '[part="bulk"]')).to.equal(null);

    // Other filters: another list, so the choice is cleared, and said so.
    box(el, 7).click();
    box(el, 9).click();
    await el.updateComplete;
    pick($(el, '#f-moderation')!, 'pending');
    await announced(el, /筛选条件已更改，已清除选择（2 条）/);
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 100, 'filtered');
    expect(chosen(el)).to.deep.equal([]);
    box(el, 8).click();
    await el.updateComplete;
    bulk(el, 'clear').click();
    await el.updateComplete;
    expect($(el, '[part="bulk"]')).to.equal(null);
    expect(api.calls.filter((c) => c.method !== 'GET')).to.have.length(0);
  });

  it('approves the comments chosen, after a confirmation, and says when none could be', async () => {
    const el = await mount();
    await ready(el);
    for (const id of [3, 4, 5]) box(el, id).click();
    await el.updateComplete;
    bulk(el, 'approve').click();
    const confirm = await until(el, '.bulk-confirm');
    expect(text(confirm)).to.contain('确认将所选 3 条意见审核通过？');
    await waitUntil(() => el.shadowRoot!.activeElement === bulk(el, 'confirm'), 'confirm not focused');
    bulk(el, 'cancel').click();
    await el.updateComplete;
    expect($(el, '.bulk-confirm')).to.equal(null);
    expect(decisions()).to.have.length(0);

    api.failNext(/decisions$/, { status: 503, body: { error: 'unavailable', message: 'down' } });
    bulk(el, 'approve').click();
    await el.updateComplete;
    bulk(el, 'confirm').click();
    await waitUntil(() => $(el, '.bulk .form-error'), 'no error');
    expect(text($(el, '.bulk .form-error'))).to.equal(
      '所选 3 条意见均未处理，仍保持选中。原因：服务器出错（503），操作未完成。请稍后重试。',
    );
    expect(chosen(el)).to.deep.equal([3, 4, 5]);
    await waitUntil(() => el.shadowRoot!.activeElement === bulk(el, 'approve'), 'focus lost');

    const decided = oneEvent(el, 'gk-decide') as Promise<GkDecideEvent>;
    bulk(el, 'approve').click();
    await el.updateComplete;
    bulk(el, 'confirm').click();
    expect((await decided).detail).to.deep.equal({
      consultation: REVIEW_CONSULTATION,
      ids: [3, 4, 5],
      moderation: 'approved',
    });
    expect(decisions().at(-1)!.body).to.deep.equal({ ids: [3, 4, 5], moderation: 'approved' });
    await announced(el, /已将 3 条意见审核通过/);
    for (const id of [3, 4, 5]) expect(text($(el, `tr[data-id="${id}"] .badge`))).to.equal('已通过');
    expect(chosen(el)).to.deep.equal([]);
    expect(text($(el, '.bulk .done'))).to.equal('已将 3 条意见审核通过');
    // The confirmation is gone: focus goes back to the row under the cursor.
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('button.row-open'), 'focus lost');
    expect(['approved', 'approved', 'approved']).to.deep.equal([3, 4, 5].map((id) => api.comments.get(id)!.moderation));
  });

  it('removes the comments chosen only with a category, and says a decision will be cleared', async () => {
    const el = await mount();
    await ready(el);
    for (const id of [1, 5, 6]) box(el, id).click();
    await el.updateComplete;
    bulk(el, 'remove').click();
    await el.updateComplete;
    expect(text($(el, '.bulk .form-error'))).to.equal('请先选择删除原因。');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#bulk-category'), 'category not focused');
    expect($(el, '.bulk-confirm')).to.equal(null);
    pick($(el, '#bulk-category')!, '广告');
    await el.updateComplete;
    expect($(el, '.bulk .form-error')).to.equal(null);
    bulk(el, 'remove').click();
    const confirm = await until(el, '.bulk-confirm');
    expect(text(confirm)).to.contain('确认删除所选 3 条意见（删除原因：广告）？');
    expect(text(confirm)).to.contain('其中 1 条已作出处理，删除后处理结果将被清除。');
    bulk(el, 'confirm').click();
    await announced(el, /已删除 3 条意见（广告）/);
    expect(decisions()[0]!.body).to.deep.equal({ ids: [1, 5, 6], moderation: 'rejected', removalReason: '广告' });
    expect(api.comments.get(6)!.removalReason).to.equal('广告');
    expect(text($(el, 'tr[data-id="1"] .badge'))).to.equal('已删除');
    expect(text((await openComment(el, 6)).querySelector('.meta'))).to.contain('已删除（广告）');
    await waitUntil(() => text($(el, '.ws-progress')) === '4 / 13 已处理', 'progress');
  });

  it('decides the comments chosen with one reason, required unless adopted, from a template', async () => {
    const el = await mount();
    await ready(el);
    for (const id of [3, 4, 5]) box(el, id).click();
    await el.updateComplete;
    bulk(el, 'deciding').click();
    const form = await until<HTMLFormElement>(el, 'form[data-form="bulk"]');
    expect(bulk(el, 'deciding').getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('input[type="radio"]'), 'decision not focused');
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(text(submit)).to.equal('对所选 3 条意见作出此处理');
    submit.click();
    await el.updateComplete;
    expect(text(form.querySelector('.form-error'))).to.equal('请选择处理结果。');
    form.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    await el.updateComplete;
    submit.click();
    await el.updateComplete;
    expect(text(form.querySelector('#bulk-reason-error'))).to.contain('请填写理由');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#bulk-reason'), 'reason not focused');
    expect($(el, '.bulk-confirm')).to.equal(null);

    pick(form.querySelector<HTMLSelectElement>('select[data-template]')!, '2');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#bulk-reason')!.value).to.equal('现行法律法规已有明确规定，本方案不再重复。');
    submit.click();
    const confirm = await until(el, '.bulk-confirm');
    expect(text(confirm)).to.contain('确认对所选 3 条意见作出处理：不予采纳？');
    expect(text(confirm)).to.contain('理由：现行法律法规已有明确规定，本方案不再重复。');
    expect(decisions()).to.have.length(0);
    // The server has the last word: its 422 is shown by the reason, which is kept.
    api.failNext(/decisions$/, {
      status: 422,
      body: {
        error: 'reason-required',
        message: 'a reason is required',
        zh: '除“采纳”外，每项处理意见都须说明理由',
        problems: [{ path: '$.reason', message: 'required unless the decision is adopted' }],
      },
    });
    bulk(el, 'confirm').click();
    await waitUntil(() => text($(el, '#bulk-reason-error')) === '除“采纳”外，每项处理意见都须说明理由', 'no 422');
    expect(text($(el, '.bulk .form-error'))).to.contain('所选 3 条意见均未处理，仍保持选中。');
    expect(text($(el, '.bulk .form-error'))).to.contain('您填写的内容已保留');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#bulk-reason'), 'reason not focused');
    expect($<HTMLTextAreaElement>(el, '#bulk-reason')!.value).to.equal('现行法律法规已有明确规定，本方案不再重复。');
    submit.click();
    (await until(el, '[data-bulk="confirm"]')).click();
    await announced(el, /已对 3 条意见作出处理：不予采纳/);
    expect(decisions()[1]!.body).to.deep.equal({
      ids: [3, 4, 5],
      decision: 'not-adopted',
      reason: '现行法律法规已有明确规定，本方案不再重复。',
    });
    expect(text($(el, 'tr[data-id="4"] .d-not-adopted'))).to.equal('不予采纳');
    await waitUntil(() => text($(el, '.ws-progress')) === '5 / 13 已处理', 'progress');

    // Adopted needs no reason; the confirmation says which are decided already.
    for (const id of [1, 12, 13]) box(el, id).click();
    await el.updateComplete;
    const again = $<HTMLFormElement>(el, 'form[data-form="bulk"]')!;
    again.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    type($<HTMLTextAreaElement>(el, '#bulk-reason')!, '');
    await el.updateComplete;
    again.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const second = await until(el, '.bulk-confirm');
    expect(text(second)).to.contain('确认对所选 3 条意见作出处理：采纳？');
    expect(text(second)).to.contain('其中 1 条已有处理结果，将改为此处理。');
    bulk(el, 'confirm').click();
    await waitUntil(() => decisions().length === 3, 'adopted not sent');
    expect(decisions()[2]!.body).to.deep.equal({ ids: [1, 12, 13], decision: 'adopted', reason: '' });
    await waitUntil(() => text($(el, '.ws-progress')) === '7 / 13 已处理', 'progress');
  });

  it('keeps the ones not done chosen after a partial failure, and the reason typed', async () => {
    const el = await mount({ fake: { comments: pending(260) } });
    await ready(el);
    for (const rows of [200, 260]) {
      $(el, 'button.more')!.click();
      await waitUntil(() => $$(el, 'table.comments tbody tr').length === rows, `${rows} rows`);
    }
    all(el).click();
    await el.updateComplete;
    bulk(el, 'deciding').click();
    const form = await until<HTMLFormElement>(el, 'form[data-form="bulk"]');
    form.querySelector<HTMLInputElement>('input[value="partly-adopted"]')!.click();
    type($<HTMLTextAreaElement>(el, '#bulk-reason')!, '将在实施细则中予以细化。');
    await el.updateComplete;
    // The first 200 go through; the request with the last 60 is lost.
    api.failNext(/decisions$/, 'network', 'POST', 1);
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    (await until(el, '[data-bulk="confirm"]')).click();
    await waitUntil(() => $(el, '.bulk .form-error'), 'no error');
    expect(text($(el, '.bulk .form-error'))).to.equal(
      '已对 200 条意见作出处理：部分采纳；其余 60 条未能处理，仍保持选中。原因：无法连接服务器，操作未完成。请检查网络后重试。 您填写的内容已保留，可稍后重试。',
    );
    expect(decisions().map((c) => (c.body as { ids: number[] }).ids.length)).to.deep.equal([200, 60]);
    const left = Array.from({ length: 60 }, (_, i) => 201 + i);
    expect(chosen(el)).to.deep.equal(left);
    expect(text($(el, '.bulk-count'))).to.equal('已选 60 条');
    expect($<HTMLTextAreaElement>(el, '#bulk-reason')!.value).to.equal('将在实施细则中予以细化。');
    expect(text($(el, 'tr[data-id="200"] .d-partly-adopted'))).to.equal('部分采纳');
    expect(text($(el, 'tr[data-id="201"] .d-none'))).to.equal('未处理');
    await waitUntil(() => text($(el, '.ws-progress')) === '200 / 260 已处理', 'progress');

    $<HTMLButtonElement>(el, 'form[data-form="bulk"] button[type="submit"]')!.click();
    (await until(el, '[data-bulk="confirm"]')).click();
    await announced(el, /已对 60 条意见作出处理：部分采纳/);
    expect((decisions().at(-1)!.body as { ids: number[] }).ids).to.deep.equal(left);
    expect(chosen(el)).to.deep.equal([]);
    await waitUntil(() => text($(el, '.ws-progress')) === '260 / 260 已处理', 'progress');
  });

  it('x chooses the row under the cursor, shift+x a range, never while typing; listed in the help', async () => {
    const el = await mount();
    await ready(el);
    $<HTMLButtonElement>(el, 'button.row-open[data-index="0"]')!.focus();
    await sendKeys({ press: 'x' });
    await announced(el, /已选择意见 #1（已选 1 条）/);
    expect(chosen(el)).to.deep.equal([1]);
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    await waitUntil(() => $(el, 'tr.cursor')?.dataset.id === '4', 'cursor');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'X' });
    await sendKeys({ up: 'Shift' });
    await announced(el, /已选择 #1 至 #4 的 4 条意见/);
    expect(chosen(el)).to.deep.equal([1, 2, 3, 4]);
    await sendKeys({ press: 'x' });
    await el.updateComplete;
    expect(chosen(el)).to.deep.equal([1, 2, 3]);
    // The row's own box is a tab stop on the cursor row, and x works there too.
    box(el, 4).focus();
    await sendKeys({ press: 'x' });
    await el.updateComplete;
    expect(chosen(el)).to.deep.equal([1, 2, 3, 4]);
    // In a field, x is a letter.
    $<HTMLInputElement>(el, '#f-q')!.focus();
    await sendKeys({ type: 'x' });
    expect(chosen(el)).to.deep.equal([1, 2, 3, 4]);
    expect($<HTMLInputElement>(el, '#f-q')!.value).to.equal('x');
    $<HTMLButtonElement>(el, 'button.row-open[data-index="3"]')!.focus();
    await sendKeys({ press: '?' });
    const help = $<HTMLDialogElement>(el, 'dialog#help')!;
    await waitUntil(() => help.open, 'no help');
    expect(text(help)).to.contain('选择或取消选择当前意见（用于批量处理）');
    expect(text(help)).to.contain('Shift+X');
    await sendKeys({ press: 'Escape' });
  });

  it('offers only what the role may do, and learns from a 403', async () => {
    const editor = await mount({ as: 'editor' });
    await ready(editor);
    expect($(editor, 'input[data-select]')).to.equal(null);
    expect($(editor, '#select-page')).to.equal(null);
    $<HTMLButtonElement>(editor, 'button.row-open[data-index="0"]')!.focus();
    await sendKeys({ press: 'x' });
    await announced(editor, /您的角色不能审核或处理意见/);
    expect($(editor, '[part="bulk"]')).to.equal(null);
    api.restore();
    sessionStorage.clear();

    const el = await mount();
    await ready(el);
    box(el, 3).click();
    box(el, 4).click();
    await el.updateComplete;
    api.failNext(/decisions$/, {
      status: 403,
      body: { error: 'forbidden', message: 'the reviewer role may not do this (needs admin)' },
    });
    bulk(el, 'approve').click();
    await el.updateComplete;
    bulk(el, 'confirm').click();
    await waitUntil(() => $(el, '.bulk .form-error'), 'no 403');
    expect(text($(el, '.bulk .form-error'))).to.equal(
      '所选 2 条意见均未处理，仍保持选中。原因：您的角色（审核员）无权执行此操作，需要管理员来做。',
    );
    // Now known: moderation is no longer offered, deciding still is.
    expect($(el, '[data-bulk="approve"]')).to.equal(null);
    expect($(el, '[data-bulk="deciding"]')).not.to.equal(null);
    expect(chosen(el)).to.deep.equal([3, 4]);
  });

  it('passes axe with rows chosen, the decision form and the confirmation', async () => {
    const el = await mount();
    await ready(el);
    box(el, 3).click();
    shiftClick(box(el, 5));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    bulk(el, 'deciding').click();
    const form = await until<HTMLFormElement>(el, 'form[data-form="bulk"]');
    form.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(el, '.bulk-confirm');
    await openComment(el, 2);
    await expect(el).to.be.accessible();
  });
});

describe('gk-review: a colleague’s change meanwhile', () => {
  const form = (el: GkReview, id: number) => $<HTMLFormElement>(el, `form[data-form="c-${id}"]`)!;
  const submit = (el: GkReview, id: number) => form(el, id).querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const reason = (el: GkReview, id: number) => form(el, id).querySelector('textarea')!;
  const chosen = (el: GkReview, id: number) =>
    form(el, id).querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null;

  it('shows what the colleague saved, keeps what was typed, and saves it again only when asked', async () => {
    const el = await mount();
    await ready(el);
    const detail = await openComment(el, 3);
    detail.querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    type(reason(el, 3), '施工合同涉及商业秘密，依法不予公开。');
    await el.updateComplete;
    // Another staff member decides #3 after this one opened it.
    api.edit(3, { decision: 'partly-adopted', reason: '招标文件将在公共资源交易平台公开。' });
    submit(el, 3).click();
    const conflict = await until(el, 'form[data-form="c-3"] [data-conflict]');
    expect(text(conflict)).to.contain('已被他人修改');
    expect(text(conflict)).to.contain('对方已改为：已通过 · 部分采纳');
    expect(text(conflict)).to.contain('对方的理由：招标文件将在公共资源交易平台公开。');
    await announced(el, /意见 #3 已被他人修改，现为：已通过 · 部分采纳。.*您的选择和理由仍保留/);
    // Nothing was overwritten, and nothing typed was lost.
    expect(api.comments.get(3)!.decision).to.equal('partly-adopted');
    expect(api.requests('PATCH').map((c) => c.ifMatch)).to.deep.equal(['"3-1"']);
    expect(reason(el, 3).value).to.equal('施工合同涉及商业秘密，依法不予公开。');
    expect(chosen(el, 3)).to.equal('not-adopted');
    // The row and the comment show the colleague's decision.
    expect(text($(el, 'tr[data-id="3"] .d-partly-adopted'))).to.equal('部分采纳');
    expect(text(detail.querySelector('.meta'))).to.contain('已通过 · 部分采纳');
    expect(text(submit(el, 3))).to.equal('仍然保存（覆盖对方的修改）');
    expect(submit(el, 3).getAttribute('aria-describedby')).to.equal('c-3-conflict');
    await expect(el).to.be.accessible();

    // Saving again overwrites knowingly, with the version now shown.
    submit(el, 3).click();
    await waitUntil(() => text(form(el, 3).querySelector('.saved')) === '已保存', 'not saved again');
    expect(api.requests('PATCH').map((c) => c.ifMatch)).to.deep.equal(['"3-1"', '"3-2"']);
    expect(api.requests('PATCH')[1]!.body).to.deep.equal({
      decision: 'not-adopted',
      reason: '施工合同涉及商业秘密，依法不予公开。',
    });
    expect(api.comments.get(3)!.decision).to.equal('not-adopted');
    expect(form(el, 3).querySelector('[data-conflict]')).to.equal(null);
    expect(text(submit(el, 3))).to.equal('保存处理结果');
  });

  it('drops what was typed for the colleague’s decision when asked', async () => {
    const el = await mount();
    await ready(el);
    await openComment(el, 5);
    form(el, 5).querySelector<HTMLInputElement>('input[value="out-of-scope"]')!.click();
    type(reason(el, 5), '物业纠纷请向住房保障部门反映。');
    await el.updateComplete;
    api.edit(5, { moderation: 'rejected', removalReason: '与本次征求意见无关' });
    submit(el, 5).click();
    const conflict = await until(el, 'form[data-form="c-5"] [data-conflict]');
    expect(text(conflict)).to.contain('对方已改为：已删除（与本次征求意见无关）');
    conflict.querySelector<HTMLButtonElement>('[data-action="discard"]')!.click();
    await el.updateComplete;
    expect(form(el, 5).querySelector('[data-conflict]')).to.equal(null);
    expect(reason(el, 5).value).to.equal('');
    expect(chosen(el, 5)).to.equal(null);
    await announced(el, /已放弃您的修改/);
    expect(api.requests('PATCH')).to.have.length(1);
    expect(api.comments.get(5)!.moderation).to.equal('rejected');
  });

  it('a quick approval of a comment changed meanwhile is not done, and says why where it is', async () => {
    const el = await mount();
    await ready(el);
    $<HTMLButtonElement>(el, 'button.row-open[data-index="2"]')!.focus();
    api.edit(3, { moderation: 'rejected', removalReason: '广告' });
    await sendKeys({ press: 'a' });
    const detail = await until(el, '.detail[data-comment="3"]');
    const conflict = await until(el, '.moderation [data-conflict]');
    expect(text(conflict)).to.contain('已被他人修改');
    expect(text(conflict)).to.contain('对方已改为：已删除（广告）');
    expect(text(conflict)).to.contain('您的操作未执行');
    await announced(el, /意见 #3 已被他人修改，现为：已删除（广告）。/);
    expect(api.comments.get(3)!.moderation).to.equal('rejected');
    expect(api.requests('PATCH').map((c) => c.ifMatch)).to.deep.equal(['"3-1"']);
    expect(text($(el, 'tr[data-id="3"] .badge'))).to.equal('已删除');
    expect($(el, 'tr.cursor')!.dataset.id).to.equal('3');
    // Approving again, having seen it, restores it.
    detail.querySelector<HTMLButtonElement>('[data-action="approve"]')!.click();
    await waitUntil(() => text($(el, 'tr[data-id="3"] .badge')) === '已通过', 'not approved');
    expect(api.requests('PATCH').map((c) => c.ifMatch)).to.deep.equal(['"3-1"', '"3-2"']);
    expect($(el, '.moderation [data-conflict]')).to.equal(null);
  });

  it('our own bulk change is not taken for a colleague’s', async () => {
    const el = await mount();
    await ready(el);
    $<HTMLInputElement>(el, 'input[data-select="3"]')!.click();
    await el.updateComplete;
    $(el, '[data-bulk="approve"]')!.click();
    (await until(el, '[data-bulk="confirm"]')).click();
    await waitUntil(() => text($(el, 'tr[data-id="3"] .badge')) === '已通过', 'not approved');
    await openComment(el, 3);
    form(el, 3).querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    submit(el, 3).click();
    await waitUntil(() => text(form(el, 3).querySelector('.saved')) === '已保存', 'not saved');
    // The bulk answer has no etags: the one shown is refused, and, the comment standing as
    // shown, sent again with the new one.
    expect(api.requests('PATCH').map((c) => c.ifMatch)).to.deep.equal(['"3-1"', '"3-2"']);
    expect($(el, '[data-conflict]')).to.equal(null);
    expect(api.comments.get(3)!.decision).to.equal('adopted');
  });

  it('a kept reason is not resent for another decision unless the staff member keeps it', async () => {
    const el = await mount();
    await ready(el);
    const kept = '考核结果将按年度在政府门户网站公开；纳入绩效考核的权重由市考核办另行确定。';
    await openComment(el, 11);
    expect(reason(el, 11).value).to.equal(kept);
    form(el, 11).querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    expect(reason(el, 11).value).to.equal('');
    expect(text($(el, '#c-11-reason-cleared'))).to.contain('原理由是按“部分采纳”写的，已清空');
    expect(reason(el, 11).getAttribute('aria-describedby')).to.contain('c-11-reason-cleared');
    await announced(el, /原理由是按“部分采纳”写的，已清空/);
    // Back to the decision it was written for: it is back.
    form(el, 11).querySelector<HTMLInputElement>('input[value="partly-adopted"]')!.click();
    await el.updateComplete;
    expect(reason(el, 11).value).to.equal(kept);
    // Kept on purpose for another decision.
    form(el, 11).querySelector<HTMLInputElement>('input[value="not-adopted"]')!.click();
    await el.updateComplete;
    expect(reason(el, 11).value).to.equal('');
    $(el, '[data-action="restore-reason"]')!.click();
    await el.updateComplete;
    expect(reason(el, 11).value).to.equal(kept);
    submit(el, 11).click();
    await waitUntil(() => text(form(el, 11).querySelector('.saved')) === '已保存', 'not saved');
    expect(api.requests('PATCH')[0]!.body).to.deep.equal({ decision: 'not-adopted', reason: kept });

    // Adopted without a reason: none is kept.
    form(el, 11).querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    submit(el, 11).click();
    await waitUntil(() => api.requests('PATCH').length === 2, 'adopted not sent');
    expect(api.requests('PATCH')[1]!.body).to.deep.equal({ decision: 'adopted', reason: '' });
    await waitUntil(() => text(form(el, 11).querySelector('.saved')) === '已保存', 'adopted not saved');
    expect(api.comments.get(11)!.reason).to.equal(null);
    expect(text($(el, '.detail'))).not.to.contain(kept);

    // The stand-in, as the server: another decision without a reason drops the one kept.
    api.edit(1, { decision: 'not-adopted', reason: '已有规定。' });
    const answer = await fetch(`${REVIEW_ENDPOINT}/comments/1`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'adopted' }),
    });
    expect(((await answer.json()) as { reason: string | null }).reason).to.equal(null);
  });
});

describe('gk-review: groups', () => {
  /** The groups tab, once its first page is shown. */
  async function groupsTab(el: GkReview): Promise<void> {
    await ready(el);
    $(el, 'nav.tabs [data-tab="groups"]')!.click();
    await until(el, 'li.group');
  }
  const heading = (el: GkReview, group: number) => text($(el, `#group-${group}`));
  const open = async (el: GkReview, group: number) => {
    $(el, `li.group[data-group="${group}"] button[aria-expanded]`)!.click();
    await waitUntil(() => $(el, `li.group[data-group="${group}"] li[data-member]`), 'no members shown', {
      timeout: 3000,
    });
  };

  it('lists the groups a page at a time, largest first, each as one representative and its copies', async () => {
    // 25 campaigns: one of 55 copies, then 6 to 3, then twenty of 2.
    const sizes = [55, 6, 5, 4, 3, ...Array.from({ length: 20 }, () => 2)];
    const el = await mount({ fake: { comments: campaignSeeds(sizes) } });
    await groupsTab(el);
    const order = [...api.groups()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).map(([g]) => g);
    expect(text($(el, 'nav.tabs [data-tab="groups"]'))).to.equal('重复意见组（25）');
    expect($$(el, 'li.group')).to.have.length(20);
    expect(heading(el, order[0]!)).to.equal(`重复意见组 #${order[0]} · 1 条代表意见 + 54 份联名/相近意见`);
    expect(heading(el, order[1]!)).to.equal(`重复意见组 #${order[1]} · 1 条代表意见 + 5 份联名/相近意见`);
    expect(text($(el, '.groups .table-status'))).to.equal('已显示 20 个组，共 25 个');
    const [first] = api.requests('GET', /\/groups$/);
    expect(first!.query.get('limit')).to.equal('20');
    expect(first!.query.get('cursor')).to.equal(null);
    // The next page follows the last group shown, by its size and id.
    $(el, 'button[data-more-groups]')!.click();
    await waitUntil(() => $$(el, 'li.group').length === 25, 'the second page never came');
    expect(api.requests('GET', /\/groups$/)[1]!.query.get('cursor')).to.equal(`2~${order[19]}`);
    expect($$(el, 'li.group').map((li) => Number(li.dataset.group))).to.deep.equal(order);
    expect($(el, 'button[data-more-groups]')).to.equal(null);
    expect(text($(el, '.groups .table-status'))).to.equal('已显示 25 个组，共 25 个');

    // A group's members, a page of 50 at a time, from the comments list filtered by group.
    await open(el, order[0]!);
    const panel = $(el, `#group-${order[0]}-panel`)!;
    expect(panel.querySelectorAll('li[data-member]')).to.have.length(50);
    expect(text(panel.querySelector('legend'))).to.equal('本组意见（共 55 条）');
    expect(text(panel.querySelector('.muted[role="status"]'))).to.equal('已显示 50 / 55 条');
    const members = api.requests('GET', /\/comments$/).filter((r) => r.query.get('group'));
    expect(members.map((r) => [r.query.get('group'), r.query.get('cursor')])).to.deep.equal([[`${order[0]}`, null]]);
    panel.querySelector<HTMLButtonElement>('button[data-more-members]')!.click();
    await waitUntil(() => panel.querySelectorAll('li[data-member]').length === 55, 'the other members never came');
    const last = api.requests('GET', /\/comments$/).at(-1)!;
    expect(last.query.get('group')).to.equal(`${order[0]}`);
    expect(last.query.get('cursor')).to.equal(String(api.groups().get(order[0]!)![49]));
    expect(text(panel.querySelector('.group-progress'))).to.equal('已处理 0 / 55');
    expect(panel.querySelector('button[data-more-members]')).to.equal(null);
  });

  it('j past the last group shown reads the next page; a failed page keeps those shown', async () => {
    const el = await mount({ fake: { comments: campaignSeeds(Array.from({ length: 21 }, (_, i) => (i ? 2 : 3))) } });
    await groupsTab(el);
    const groups = $$(el, 'li.group');
    expect(groups).to.have.length(20);
    api.failNext(/\/groups$/, 'network');
    $(el, 'button[data-more-groups]')!.click();
    await until(el, '.groups .form-error');
    expect(text($(el, '.groups .form-error'))).to.contain('重试');
    expect($$(el, 'li.group')).to.have.length(20);
    // From the last heading, j reads the page that failed.
    groups[19]!.querySelector<HTMLElement>('h4')!.focus();
    await sendKeys({ press: 'j' });
    await waitUntil(() => $$(el, 'li.group').length === 21, 'j did not read the next page');
    await waitUntil(() => focused(el) === $$(el, 'li.group h4')[20], 'focus did not move to the new group');
  });

  it('decides a whole group in one request, by filter: its undecided members, or all of them', async () => {
    // A copy removed in moderation stays removed whatever the group's decision.
    const seeds = ezhouSeeds();
    seeds[7] = { ...seeds[7]!, moderation: 'rejected', removalReason: '广告' };
    const el = await mount({ fake: { comments: seeds } });
    await groupsTab(el);
    expect(text($(el, 'nav.tabs [data-tab="groups"]'))).to.equal('重复意见组（1）');
    expect(heading(el, 7)).to.equal('重复意见组 #7 · 1 条代表意见 + 4 份联名/相近意见');
    expect(text($(el, 'li.group[data-group="7"] .sample-label'))).to.equal('代表意见 #7');
    await open(el, 7);
    const group = $(el, 'li.group[data-group="7"]')!;
    expect(text(group.querySelector('.group-progress'))).to.equal('已处理 2 / 5');
    const form = group.querySelector<HTMLFormElement>('form[data-form="g-7"]')!;
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(text(submit)).to.equal('对本组尚未处理的意见作出此处理');
    form.querySelector<HTMLInputElement>('input[value="partly-adopted"]')!.click();
    await el.updateComplete;
    submit.click();
    await el.updateComplete;
    expect(text(form.querySelector('.field-error'))).to.contain('请填写理由');
    expect(api.requests('POST', /decisions$/)).to.have.length(0);
    type(form.querySelector('textarea')!, '考核结果将按年度公开。');
    submit.click();
    await announced(el, /已对 3 条意见作出处理：部分采纳/);
    expect(api.requests('POST', /decisions$/)[0]!.body).to.deep.equal({
      filter: { group: 7, decision: 'none' },
      decision: 'partly-adopted',
      reason: '考核结果将按年度公开。',
    });
    expect(text(group.querySelector('.group-progress'))).to.equal('已处理 5 / 5');
    expect(text(group.querySelector('li[data-member="8"] .badge'))).to.equal('已删除');
    // Every member, those decided on their own too: adopted needs no reason.
    group.querySelector<HTMLInputElement>('input[name="g-7-scope"][value="all"]')!.click();
    await el.updateComplete;
    expect(text(submit)).to.equal('对本组全部意见作出此处理');
    form.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    type(form.querySelector('textarea')!, '');
    await el.updateComplete;
    submit.click();
    await announced(el, /已对 4 条意见作出处理：采纳/);
    expect(api.requests('POST', /decisions$/)[1]!.body).to.deep.equal({
      filter: { group: 7 },
      decision: 'adopted',
      reason: '',
    });
    expect(api.comments.get(11)!.decision).to.equal('adopted');
    expect(api.comments.get(8)!.moderation).to.equal('rejected');
    // The comments table says the same, without reading it again.
    $(el, 'nav.tabs [data-tab="comments"]')!.click();
    await el.updateComplete;
    expect(text($(el, 'tr[data-id="9"]')))
      .to.contain('采纳')
      .and.not.contain('部分采纳');
    await expect(el).to.be.accessible();
  });

  it('splits the ticked members out of a group, the representative too, and says what is left', async () => {
    const el = await mount();
    await groupsTab(el);
    await open(el, 7);
    const group = () => $(el, 'li.group')!;
    group().querySelector<HTMLButtonElement>('button[data-split]')!.click();
    await el.updateComplete;
    expect(text(group().querySelector('.members .form-error'))).to.equal('请先勾选要移出本组的意见。');
    expect(api.requests('POST', /split$/)).to.have.length(0);
    // The checkbox is named by the comment it stands for.
    const nine = group().querySelector<HTMLInputElement>('#g7-m9')!;
    expect(text(nine.labels![0]!)).to.match(/^#9 /);
    nine.click();
    group().querySelector<HTMLInputElement>('#g7-m7')!.click();
    await el.updateComplete;
    const split = group().querySelector<HTMLButtonElement>('button[data-split]')!;
    expect(text(split)).to.equal('将所选 2 条移出本组');
    split.click();
    await announced(el, /已将 2 条意见移出本组，本组还有 3 条。/);
    expect(api.requests('POST', /\/groups\/7\/split$/)[0]!.body).to.deep.equal({ ids: [9, 7] });
    // Led by its first member left: the group is #8 now, still open, its members read again.
    expect(group().dataset.group).to.equal('8');
    expect(heading(el, 8)).to.equal('重复意见组 #8 · 1 条代表意见 + 2 份联名/相近意见');
    await waitUntil(() => group().querySelectorAll('li[data-member]').length === 3, 'members not read again');
    expect([...group().querySelectorAll<HTMLElement>('li[data-member]')].map((li) => li.dataset.member)).to.deep.equal([
      '8',
      '10',
      '11',
    ]);
    expect(focused(el)).to.equal($(el, '#group-8'));
    expect(text($(el, 'nav.tabs [data-tab="groups"]'))).to.equal('重复意见组（1）');
    $(el, 'nav.tabs [data-tab="comments"]')!.click();
    await el.updateComplete;
    expect(text($(el, 'tr[data-id="9"] td.group-col'))).to.equal('');
    expect(text($(el, 'tr[data-id="10"] td.group-col'))).to.contain('#8');
  });

  it('merges the groups chosen from the keyboard, in place of the first; fewer than two are refused', async () => {
    const other = '建议将政务公开工作年度报告的发布时间提前到每年一月底，并同时公开上年度依申请公开的办理数据。';
    const el = await mount({
      fake: { comments: [...ezhouSeeds(), { body: other, name: '甲' }, { body: other, name: '乙' }] },
    });
    await groupsTab(el);
    expect(text($(el, 'nav.tabs [data-tab="groups"]'))).to.equal('重复意见组（2）');
    const box = (group: number) => $<HTMLInputElement>(el, `#merge-${group}`)!;
    expect(text(box(7).labels![0]!)).to.equal('选择重复意见组 #7，用于合并');
    box(7).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text($(el, '#group-merge-count'))).to.equal('已选 1 个组');
    $(el, '[data-merge-action="merge"]')!.click();
    await el.updateComplete;
    expect(text($(el, '.group-merge .form-error'))).to.equal('请至少选择两个组再合并。');
    expect(api.requests('POST', /merge$/)).to.have.length(0);
    box(14).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text($(el, '#group-merge-count'))).to.equal('已选 2 个组');
    expect($$(el, 'li.group.chosen')).to.have.length(2);
    await expect(el).to.be.accessible();
    $(el, '[data-merge-action="merge"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await announced(el, /已合并为重复意见组 #7，共 7 条。/);
    expect(api.requests('POST', /\/groups\/merge$/)[0]!.body).to.deep.equal({ groups: [7, 14] });
    expect($$(el, 'li.group').map((li) => li.dataset.group)).to.deep.equal(['7']);
    expect(heading(el, 7)).to.equal('重复意见组 #7 · 1 条代表意见 + 6 份联名/相近意见');
    expect(text($(el, 'nav.tabs [data-tab="groups"]'))).to.equal('重复意见组（1）');
    expect(focused(el)).to.equal($(el, '#group-7'));
    await open(el, 7);
    expect($$(el, '#group-7-panel li[data-member]').map((li) => li.dataset.member)).to.deep.equal([
      '7',
      '8',
      '9',
      '10',
      '11',
      '14',
      '15',
    ]);
  });

  it('shows an editor the groups and their members, without splitting, merging or deciding', async () => {
    const el = await mount({ as: 'editor' });
    await groupsTab(el);
    expect($(el, 'input[data-merge]')).to.equal(null);
    await open(el, 7);
    expect($(el, 'button[data-split]')).to.equal(null);
    expect($(el, '#g7-m8')).to.equal(null);
    expect($<HTMLFieldSetElement>(el, 'fieldset.scope')!.disabled).to.equal(true);
    expect(text($(el, 'form[data-form="g-7"] .role-note'))).to.contain('编辑');
  });

  it('opens the group from a comment, even one on a page not read yet', async () => {
    const sizes = [3, ...Array.from({ length: 22 }, () => 2)];
    const el = await mount({ fake: { comments: campaignSeeds(sizes) } });
    await ready(el);
    // The last group in the server's order: not on the first page of 20.
    const last = [...api.groups()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).at(-1)![0];
    await openComment(el, last);
    $(el, '.detail .links button')!.click();
    await waitUntil(
      () => $(el, `#group-${last}`) && focused(el) === $(el, `#group-${last}`),
      'the group was not shown',
    );
    expect(heading(el, last)).to.equal(`重复意见组 #${last} · 1 条代表意见 + 1 份联名/相近意见`);
    expect($(el, `#group-${last}-panel`)).to.not.equal(null);
  });
});

describe('gk-review: keyboard', () => {
  it('moves, approves, decides and picks a template from the keyboard, announced, never while typing', async () => {
    const el = await mount();
    await ready(el);
    $<HTMLButtonElement>(el, 'button.row-open[data-index="0"]')!.focus();
    await sendKeys({ press: 'j' });
    await announced(el, /第 2 条，共 13 条：#2/);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.row-open[data-index="1"]'));
    expect($(el, 'tr.cursor')!.dataset.id).to.equal('2');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'k' });
    await announced(el, /第 2 条/);

    // a: #2 is already approved, so move to #3 and approve it; the cursor moves on.
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'a' });
    await waitUntil(() => text($(el, 'tr[data-id="3"] .badge')) === '已通过', 'a did not approve');
    await waitUntil(() => $(el, 'tr.cursor')?.dataset.id === '4', 'cursor did not move on');

    // 3: not adopted, focus in the reason; typing there is text, not shortcuts.
    await sendKeys({ press: '3' });
    await until(el, '.detail[data-comment="4"]');
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('textarea[data-reason]'), 'reason not focused');
    expect($<HTMLInputElement>(el, 'form[data-form="c-4"] input[value="not-adopted"]')!.checked).to.equal(true);
    await announced(el, /已选择：不予采纳/);
    await sendKeys({ type: 'jk a/?' });
    expect($<HTMLTextAreaElement>(el, 'textarea[data-reason]')!.value).to.equal('jk a/?');
    expect($(el, 'tr.cursor')!.dataset.id).to.equal('4');
    expect($<HTMLDialogElement>(el, 'dialog#help')!.open).to.equal(false);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => api.requests('PATCH').length === 2, 'ctrl+enter did not save');
    expect(api.requests('PATCH')[1]!.body).to.deep.equal({ decision: 'not-adopted', reason: 'jk a/?' });

    // t: the template picker; /: the search; ?: the help.
    $<HTMLButtonElement>(el, 'button.row-open[data-index="3"]')!.focus();
    await sendKeys({ press: 't' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('select[data-template]'), 't did not focus templates');
    $<HTMLButtonElement>(el, 'button.row-open[data-index="3"]')!.focus();
    await sendKeys({ press: 'd' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('input[type="radio"]'), 'd did not focus the decision');
    await sendKeys({ press: '/' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#f-q'));
    expect($<HTMLInputElement>(el, '#f-q')!.value).to.equal('');
    $<HTMLButtonElement>(el, 'button.row-open[data-index="3"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.detail')).to.equal(null);
    await sendKeys({ press: '?' });
    const help = $<HTMLDialogElement>(el, 'dialog#help')!;
    await waitUntil(() => help.open, '? did not open the help');
    expect(text(help)).to.contain('审核通过，并移到下一条');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !help.open, 'help did not close');
  });
});

describe('gk-review: publishing', () => {
  // Decided and signed off (拟办 → 审核 → 签发 done): nothing but the window stands in the way.
  const allDecided = () => [
    {
      clause: '2.1.1',
      body: '建议设置查询终端。联系电话 13907110001',
      name: '陈建国',
      decision: 'adopted' as const,
      stage: 'signed' as const,
    },
    {
      clause: '2.2.5',
      body: '应公开施工合同全文。',
      submitterType: 'organization' as const,
      name: '某协会',
      decision: 'not-adopted' as const,
      reason: '涉及商业秘密。',
      stage: 'signed' as const,
    },
    { clause: null, body: '广告', moderation: 'rejected' as const },
  ];

  it('shows the progress and what blocks publication', async () => {
    const el = await mount({ fake: { window: 'open' } });
    await ready(el);
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    const panel = await until(el, '.publish');
    expect(text(panel.querySelector('.progress-line'))).to.equal('2 / 13 已处理');
    const blockers = text(panel.querySelector('.blockers'));
    expect(blockers).to.contain('征求意见期尚未结束');
    expect(blockers).to.contain('9 条意见尚未审核');
    expect(blockers).to.contain('2 条意见尚未作出处理');
    expect(panel.querySelector<HTMLButtonElement>('[data-action="publish"]')!.disabled).to.equal(true);
    // The reviewer may not publish in any case, and is told so.
    expect(text(panel.querySelector('.role-note'))).to.contain('不能发布');
    // The preview is the server's, made while comments are unhandled, and says which are missing.
    await waitUntil(() => panel.querySelector('.preview-pending'), 'no preview');
    expect(text(panel.querySelector('.preview-pending'))).to.contain('尚有 9 条意见未审核、2 条意见未作出处理');
    expect(api.requests('GET', /\/feedback\/preview$/)).to.have.length(1);
    // Shown in gk-feedback, a chunk the tab loads when first opened.
    await waitUntil(() => panel.querySelector('[part="preview"] gk-feedback'), 'the preview is not in gk-feedback');
    const preview = panel.querySelector('[part="preview"] gk-feedback') as HTMLElement & { feedback: FeedbackView };
    expect(preview.feedback).to.deep.equal({ ...api.preview().feedback, published: preview.feedback.published });
    expect(preview.feedback.comments.map((c) => c.name)).to.deep.equal(['陈**', '周*']);
    [...panel.querySelectorAll<HTMLButtonElement>('.blockers button')][1]!.click();
    await waitUntil(
      () =>
        api
          .requests('GET', /comments$/)
          .at(-1)!
          .query.get('decision') === 'undecided',
      'show them',
    );
    expect($<HTMLSelectElement>(el, '#f-decision')!.value).to.equal('undecided');
  });

  it('previews the public feedback, explains a 409, then publishes', async () => {
    const el = await mount({ as: 'editor', fake: { comments: allDecided() } });
    await ready(el);
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    const panel = await until(el, '.publish');
    expect(text(panel.querySelector('.ready'))).to.contain('可以发布');
    const preview = panel.querySelector('[part="preview"]')!;
    await waitUntil(
      () => preview.querySelector('gk-feedback')?.shadowRoot?.textContent?.includes('陈**'),
      'no preview',
    );
    const previewText = text(preview.querySelector('gk-feedback')!.shadowRoot!);
    expect(previewText).to.contain('［电话已隐去］');
    expect(previewText).not.to.contain('13907110001');
    expect(previewText).not.to.contain('陈建国');
    expect(panel.querySelector('.preview-pending')).to.equal(null);
    const asked = api.requests('GET', /\/feedback\/preview$/);
    expect(asked.map((c) => c.auth)).to.deep.equal([`Bearer ${TOKENS.editor}`]);

    // Meanwhile a colleague reopened a comment: the server refuses, and says why.
    api.comments.set(1, { ...api.comments.get(1)!, decision: null });
    panel.querySelector<HTMLButtonElement>('[data-action="publish"]')!.click();
    await el.updateComplete;
    panel.querySelector<HTMLButtonElement>('[data-action="confirm-publish"]')!.click();
    await waitUntil(() => panel.querySelector('.form-error'), 'no 409 message');
    expect(text(panel.querySelector('.form-error'))).to.contain('尚有 0 条意见未审核、1 条意见未作出处理');
    await waitUntil(
      () => text(panel.querySelector('.blockers')).includes('1 条意见尚未作出处理'),
      'progress not refreshed',
    );
    // The preview is read again too, and says what is now missing.
    await waitUntil(
      () => text(panel.querySelector('.preview-pending')).includes('0 条意见未审核、1 条意见未作出处理'),
      'preview not refreshed',
    );

    // Once it is decided again, "刷新进度" reads the state anew.
    api.comments.set(1, { ...api.comments.get(1)!, decision: 'adopted' });
    panel.querySelector<HTMLButtonElement>('[data-action="refresh"]')!.click();
    const again = await until(el, '.publish');
    await waitUntil(() => again.querySelector('.ready'), 'not ready again');
    const published = oneEvent(el, 'gk-publish') as Promise<GkPublishEvent>;
    again.querySelector<HTMLButtonElement>('[data-action="publish"]')!.click();
    await el.updateComplete;
    again.querySelector<HTMLButtonElement>('[data-action="confirm-publish"]')!.click();
    expect((await published).detail).to.deep.equal({ consultation: REVIEW_CONSULTATION, version: 1 });
    await waitUntil(() => text(again.querySelector('.done')) === '已发布第 1 版。', 'no success message');
    await waitUntil(() => text(again.querySelector('.versions')).includes('第 1 版'), 'versions not read again');
    expect(text(again.querySelector('[data-action="publish"]'))).to.equal('发布更新（第 2 版）');
  });

  it('follows a publication the server works in the background: queued, running, then the version; a refusal explained', async function () {
    // The console asks after a run every second or more, as it would a real server.
    this.timeout(20_000);
    const el = await mount({ as: 'editor', fake: { comments: allDecided(), publishPolls: 1 } });
    await ready(el);
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    const panel = await until(el, '.publish');
    await waitUntil(() => panel.querySelector('.ready'), 'not ready');
    const published = oneEvent(el, 'gk-publish') as Promise<GkPublishEvent>;
    panel.querySelector<HTMLButtonElement>('[data-action="publish"]')!.click();
    await el.updateComplete;
    panel.querySelector<HTMLButtonElement>('[data-action="confirm-publish"]')!.click();
    await waitUntil(() => panel.querySelector('.publish-waiting'), 'no word while the server publishes');
    await waitUntil(() => text(panel.querySelector('.publish-waiting')).startsWith('正在发布，已用时'), 'not running');
    expect(text(panel.querySelector('.publish-waiting'))).to.contain('离开此页不会中断发布');
    expect(panel.querySelector('.publish-waiting')!.getAttribute('role')).to.equal('status');
    expect((await published).detail).to.deep.equal({ consultation: REVIEW_CONSULTATION, version: 1 });
    await waitUntil(() => text(panel.querySelector('.done')) === '已发布第 1 版。', 'no success message');
    await el.updateComplete;
    expect(panel.querySelector('.publish-waiting')).to.equal(null);
    expect(api.requests('GET', /\/feedback\/runs\/1$/).length).to.equal(2);

    // Refused in its run (a comment reopened meanwhile): explained as the request's own 409.
    api.comments.set(1, { ...api.comments.get(1)!, decision: null });
    const again = await until(el, '.publish');
    again.querySelector<HTMLButtonElement>('[data-action="publish"]')!.click();
    await el.updateComplete;
    again.querySelector<HTMLButtonElement>('[data-action="confirm-publish"]')!.click();
    await waitUntil(() => again.querySelector('.form-error'), 'no 409 message', { timeout: 8000 });
    expect(text(again.querySelector('.form-error'))).to.contain('尚有 0 条意见未审核、1 条意见未作出处理');
    await expect(el).to.be.accessible();
  });

  it('lists the comments whose text still holds a long number, before publishing', async () => {
    const comments = [
      ...allDecided(),
      {
        clause: '2.1.3',
        body: '我的社保卡号 4201 2345 678，办理时限应精确到工作日。',
        name: '刘芳',
        decision: 'adopted' as const,
        stage: 'signed' as const,
      },
      {
        clause: '1.3',
        body: '合同编号 2016.0405.118 的项目应公开。',
        name: '赵强',
        decision: 'adopted' as const,
        stage: 'signed' as const,
      },
    ];
    const el = await mount({ as: 'editor', fake: { comments } });
    await ready(el);
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    const list = await until(el, '.publish [data-flagged]');
    const flagged = api.preview().flagged;
    expect(flagged.map((f) => f.digits)).to.deep.equal([['4201 2345 678'], ['2016.0405.118']]);
    expect(text(list.querySelector('h4'))).to.equal('2 条意见含有较长数字，请人工核对是否为个人信息');
    const items = [...list.querySelectorAll('li')].map(text);
    expect(items[0]).to.contain(`序号 ${flagged[0]!.no} 4201 2345 678`);
    expect(items[1]).to.contain(`序号 ${flagged[1]!.no} 2016.0405.118`);
    // The phone number was masked: not listed.
    expect(text(list)).not.to.contain('13907110001');
    $(el, '[data-action="publish"]')!.click();
    await el.updateComplete;
    expect(text($(el, '.publish .actions'))).to.contain('其中 2 条意见含有较长数字，请确认已人工核对。');
    await expect(el).to.be.accessible();
  });

  it('downloads the CSV, the report and its Word version with the token', async () => {
    const el = await mount({ fake: { comments: allDecided() } });
    await ready(el);
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      $(el, 'nav.tabs [data-tab="publish"]')!.click();
      (await until(el, '[data-download="csv"]')).click();
      await waitUntil(() => clicked.length === 1, 'csv not offered');
      expect(clicked[0]!.download).to.equal(`${REVIEW_CONSULTATION}-comments.csv`);
      expect(clicked[0]!.href).to.match(/^blob:/);
      const csv = api.requests('GET', /export\.csv$/)[0]!;
      expect(csv.auth).to.equal(`Bearer ${TOKENS.reviewer}`);
      api.failNext(/report\.html$/, { status: 503, body: { error: 'unavailable', message: 'down' } });
      $(el, '[data-download="report"]')!.click();
      await waitUntil(() => text($(el, '.publish .form-error')).includes('服务器出错（503）'), 'no download error');
      $(el, '[data-download="report"]')!.click();
      await waitUntil(() => clicked.length === 2, 'report not offered');
      expect(clicked[1]!.download).to.equal(`${REVIEW_CONSULTATION}-report.html`);
      // Everything is handled: the report is final, and says so by its name alone.
      expect($(el, '.report-draft')).to.equal(null);
      expect(text($(el, '[data-download="report"]'))).to.equal('采纳情况说明（可打印）');
      // The same 说明 as a Word document, beside it.
      $(el, '[data-download="docx"]')!.click();
      await waitUntil(() => clicked.length === 3, 'docx not offered');
      expect(clicked[2]!.download).to.equal(`${REVIEW_CONSULTATION}-report.docx`);
      expect(api.requests('GET', /report\.docx$/)[0]!.auth).to.equal(`Bearer ${TOKENS.reviewer}`);
      expect(text($(el, '[data-download="docx"]'))).to.equal('采纳情况说明（Word，公文格式）');
      expect(text($(el, '.report-counts'))).to.equal('共收到 3 条意见，已处理 3 条。');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});

describe('gk-review: audit, languages, layout, accessibility', () => {
  it('lists who changed which decision when', async () => {
    const el = await mount();
    await ready(el);
    const detail = await openComment(el, 5);
    detail.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    detail.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => text(detail.querySelector('.saved')) === '已保存', 'not saved');
    // The decision is at 拟办, and says who drafted it (审核 and 签发 will say theirs).
    await waitUntil(() => text(detail.querySelector('.stage')).includes('（审核员 00000000000b ·'), 'no drafter');
    expect(text(detail.querySelector('.stage'))).to.match(/^签批环节：拟办/);
    [...detail.querySelectorAll<HTMLButtonElement>('.links button')].find((b) => text(b) === '查看处理记录')!.click();
    const row = await until(el, '.audit-table tbody tr');
    expect(text(row)).to.contain('审核员 00000000000b');
    expect(text(row)).to.contain('审核：待审核 → 已通过');
    expect(text(row)).to.contain('处理结果：— → 采纳');
    expect($<HTMLInputElement>(el, '#a-comment')!.value).to.equal('5');
  });

  it('speaks traditional Chinese and English', async () => {
    const hant = await mount({ lang: 'zh-Hant', as: null });
    expect(text(hant.shadowRoot!.querySelector('h2'))).to.equal('工作人員登入');
    api.restore();
    sessionStorage.clear();
    const en = await mount({ lang: 'en' });
    await ready(en);
    await waitUntil(() => text($(en, '.ws-progress')) === '2 / 13 handled', 'progress');
    expect(text($(en, 'nav.tabs'))).to.contain('Duplicate groups');
    const detail = await openComment(en, 3);
    expect(text(detail.querySelector('legend'))).to.equal('Decision');
  });

  it('puts the open comment below the table on a narrow screen and beside it on a wide one', async () => {
    await setViewport({ width: 1400, height: 900 });
    const el = await mount();
    await ready(el);
    await openComment(el, 2);
    const split = $(el, '.split')!;
    expect(getComputedStyle(split).gridTemplateColumns.split(' ')).to.have.length(2);
    await setViewport({ width: 360, height: 800 });
    await waitUntil(() => getComputedStyle(split).gridTemplateColumns.split(' ').length === 1, 'not stacked');
    await setViewport({ width: 800, height: 600 });
  });

  it('passes axe: signed out, a comment open, the groups, the publishing panel', async () => {
    const out = await mount({ as: null });
    await expect(out).to.be.accessible();
    api.restore();
    const el = await mount();
    await ready(el);
    await openComment(el, 3);
    await expect(el).to.be.accessible();
    $(el, 'nav.tabs [data-tab="groups"]')!.click();
    (await until(el, 'li.group button[aria-expanded]')).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    await until(el, '.publish');
    await expect(el).to.be.accessible();
  });
});

/** The part of `node` a user sees: inside the window, and not covered (by the save bar, say). */
function inView(el: GkReview, node: Element | null): boolean {
  if (!node) return false;
  const r = node.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 16);
  const y = r.top + r.height / 2;
  if (r.height === 0 || y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
  const hit = el.shadowRoot!.elementFromPoint(x, y);
  return hit !== null && (hit === node || node.contains(hit));
}

const focused = (el: GkReview) => el.shadowRoot!.activeElement;

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

describe('gk-review: the keyboard path from the first click', () => {
  beforeEach(() => setViewport({ width: 1280, height: 900 }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('focuses the comments once a consultation is opened, so ?, j, o, a, 1–4, Alt+T and Ctrl+Enter work at once', async () => {
    const el = await mount({ consultation: '' });
    const open = await until<HTMLButtonElement>(el, `tr[data-consultation="${REVIEW_CONSULTATION}"] button`);
    open.focus();
    await sendKeys({ press: 'Enter' });
    await ready(el);
    // The button pressed is gone: focus is on the first comment, not left on the page.
    await waitUntil(() => focused(el)?.matches('button.row-open[data-index="0"]'), 'the table was not focused');

    await sendKeys({ press: '?' });
    const help = $<HTMLDialogElement>(el, 'dialog#help')!;
    await waitUntil(() => help.open, '? did nothing');
    expect(text(help)).to.contain('Alt+T');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !help.open, 'help stayed open');

    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    await waitUntil(() => $(el, 'tr.cursor')?.dataset.id === '3', 'j did not move');
    await sendKeys({ press: 'o' });
    await until(el, '.detail[data-comment="3"]');

    // a approves the comment open, and the next one opens in its place.
    await sendKeys({ press: 'a' });
    await waitUntil(() => text($(el, 'tr[data-id="3"] .badge')) === '已通过', 'a did not approve');
    await until(el, '.detail[data-comment="4"]');
    expect($(el, 'tr.cursor')!.dataset.id).to.equal('4');
    expect(focused(el)).to.equal($(el, 'button.row-open[data-index="3"]'));

    // 3 chooses "not adopted" and leaves focus in the reason, where t is a letter…
    await sendKeys({ press: '3' });
    await waitUntil(() => focused(el)?.matches('#c-4-reason'), 'the reason was not focused');
    await sendKeys({ type: 't' });
    expect($<HTMLTextAreaElement>(el, '#c-4-reason')!.value).to.equal('t');
    // …and Alt+T, shown beside the list, still reaches the templates.
    expect(text($(el, 'form[data-form="c-4"] .templates'))).to.contain('Alt+T');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 't' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => focused(el)?.matches('#c-4-template'), 'Alt+T did not reach the templates');
    expect($<HTMLTextAreaElement>(el, '#c-4-reason')!.value).to.equal('t');

    // Ctrl+Enter from the template list saves, with what was typed.
    await ctrlEnter();
    await waitUntil(() => api.requests('PATCH').length === 2, 'Ctrl+Enter did not save');
    expect(api.requests('PATCH')[1]!.body).to.deep.equal({ decision: 'not-adopted', reason: 't' });
  });

  it('keeps the reason’s problem and the save button in a 900 px window', async () => {
    const el = await mount();
    await ready(el);
    $<HTMLButtonElement>(el, 'button.row-open[data-index="2"]')!.focus();
    await sendKeys({ press: 'o' });
    await until(el, '.detail[data-comment="3"]');
    await sendKeys({ press: '2' });
    await waitUntil(() => focused(el)?.matches('#c-3-reason'), 'the reason was not focused');
    const save = $(el, 'form[data-form="c-3"] button[type="submit"]');
    expect(inView(el, save), 'the save button is out of sight').to.equal(true);
    await ctrlEnter();
    const error = await until(el, '#c-3-reason-error');
    expect(text(error)).to.contain('请填写理由');
    await waitUntil(() => inView(el, error), 'the reason’s problem is out of sight');
    expect(inView(el, $(el, 'form[data-form="c-3"] button[type="submit"]'))).to.equal(true);
    expect(api.requests('PATCH')).to.have.length(0);
  });
});

describe('gk-review: links to a consultation and a comment', () => {
  it('opens what the address names, writes what is opened, and follows the back button', async () => {
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#top&consultation=${REVIEW_CONSULTATION}&comment=5`,
    );
    const el = await mount({ consultation: '' });
    await until(el, '.detail[data-comment="5"]');
    await waitUntil(() => $(el, 'tr.cursor')?.dataset.id === '5', 'the linked row is not the cursor');
    await waitUntil(() => focused(el)?.matches('button.row-open[data-index="4"]'), 'the linked row was not focused');

    // Opening another comment is a step in the history; the page's own part of the hash stays.
    await openComment(el, 7);
    await waitUntil(() => location.hash === `#top&consultation=${REVIEW_CONSULTATION}&comment=7`, 'not written');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => location.hash === `#top&consultation=${REVIEW_CONSULTATION}`, 'closing not written');
    expect($(el, '.detail')).to.equal(null);

    history.back();
    await until(el, '.detail[data-comment="7"]');
    history.back();
    await until(el, '.detail[data-comment="5"]');
    history.forward();
    await until(el, '.detail[data-comment="7"]');

    // Back to the list, and back again to the consultation.
    [...$$(el, '.ws-head button')].find((b) => text(b) === text($(el, '.ws-head .gk-link-button')))!.click();
    await until(el, `tr[data-consultation="${REVIEW_CONSULTATION}"]`);
    await waitUntil(() => location.hash === '#top', 'the list not written');
    await waitUntil(
      () => focused(el)?.matches(`tr[data-consultation="${REVIEW_CONSULTATION}"] button`),
      'focus not back on the consultation',
    );
    history.back();
    await until(el, '.detail[data-comment="7"]');
  });

  it('reads one page of comments, not all of them, and opens a linked comment on a page not read', async () => {
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#consultation=${REVIEW_CONSULTATION}&comment=248`,
    );
    const el = await mount({ consultation: '', fake: { comments: manySeeds(260, 120) } });
    const detail = await until(el, '.detail[data-comment="248"]');
    expect(text(detail)).to.contain('第 248 条意见');
    await waitUntil(() => text($(el, '.ws-progress')) === '120 / 260 已处理', 'progress');
    // The progress is the server's count: the list holds the first page only.
    expect($$(el, 'table.comments tbody tr')).to.have.length(100);
    expect(api.requests('GET', /\/comments$/)).to.have.length(1);
    expect(api.requests('GET', /\/comments\/248$/)).to.have.length(1);
    expect(api.requests('GET', /\/counts$/).length).to.be.greaterThan(0);

    // A comment that cannot be read says so.
    location.hash = `consultation=${REVIEW_CONSULTATION}&comment=999`;
    const error = await until(el, '.form-error[role="alert"]');
    expect(text(error)).to.match(/^无法打开意见 #999：/);
    expect($(el, '.detail')).to.equal(null);
  });

  it('a link followed on the page opens the comment', async () => {
    const el = await mount();
    await ready(el);
    location.hash = `consultation=${REVIEW_CONSULTATION}&comment=12`;
    await until(el, '.detail[data-comment="12"]');
    expect(text($(el, '.detail .comment-body'))).to.contain('重点排污单位');
  });
});

describe('gk-review: clause numbers and layout', () => {
  it('names clauses as printed in the table, the filter and the open comment, from the server or the draft', async () => {
    for (const clauseLabels of [true, false]) {
      const el = await mount({ fake: { clauseLabels } });
      await ready(el);
      await waitUntil(() => text($(el, 'td.clause-col')) !== '…', 'clause never named');
      const cells = $$(el, 'td.clause-col').map(text);
      expect(cells[0]).to.equal('二、(一)1.推进权力清单和责任清单公开');
      expect(cells[3]).to.equal('全文');
      expect(cells[4]).to.equal('一、(三)工作目标');
      // The filter's clauses come from the draft, which may arrive after the comments.
      await waitUntil(
        () => $$(el, '#f-clause option').map(text).join(' | ').includes('| 一、(三)工作目标（1） |'),
        `filter clauses: ${$$(el, '#f-clause option').map(text).join(' | ')}`,
      );
      const options = $$(el, '#f-clause option').map(text);
      // No internal id (1.3, 2.1.1, 2.4.15) anywhere a staff member reads.
      for (const shown of [...cells, ...options]) expect(shown).not.to.match(/\d+\.\d+/);
      const detail = await openComment(el, 7);
      expect(text(detail.querySelector('.clause h4'))).to.equal('二、(四)15.推进决策公开');
      api.restore();
      sessionStorage.clear();
    }
  });

  it('after a revision, an earlier comment keeps the clause its author read and says where it stands now', async () => {
    const el = await mount({
      fake: {
        comments: [
          { clause: '1.3', body: '目标应量化。', clauseNow: { clause: '1.4', label: '一、(四)工作目标' } },
          { clause: '1.2', body: '原则太空。', clauseNow: { clause: null, label: null } },
          { clause: '1.1', body: '指导思想很好。' },
        ],
      },
    });
    await ready(el);
    await waitUntil(() => text($(el, 'td.clause-col')) !== '…', 'clause never named');
    const cells = $$(el, 'td.clause-col').map(text);
    expect(cells[0]).to.equal('一、(三)工作目标（修订后为一、(四)工作目标）');
    expect(cells[1]).to.equal('一、(二)基本原则（修订中已删去）');
    expect(cells[2]).to.equal('一、(一)指导思想');
    const detail = await openComment(el, 1);
    expect(text(detail.querySelector('.clause h4'))).to.equal('一、(三)工作目标（修订后为一、(四)工作目标）');
  });

  it('fits the table beside an open comment and on a phone, cutting off no column', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await mount();
    await ready(el);
    await openComment(el, 7);
    await waitUntil(() => $(el, 'tr[data-id="7"] td:last-child')?.textContent?.includes('#7'), 'no group');
    const scroller = $(el, '.table-scroll')!;
    expect(scroller.scrollWidth, 'the table is cut off beside the comment').to.be.at.most(scroller.clientWidth + 1);
    const group = $(el, 'tr[data-id="8"] td:last-child')!.getBoundingClientRect();
    expect(group.width).to.be.above(0);
    expect(group.right).to.be.at.most(scroller.getBoundingClientRect().right + 1);
    expect(text($(el, 'tr[data-id="8"] td:last-child'))).to.equal('重复组 #7');

    await setViewport({ width: 390, height: 844 });
    await openComment(el, 3);
    await waitUntil(() => scroller.scrollWidth <= scroller.clientWidth + 1, 'the table is wider than the phone');
    expect($(el, 'table.comments')!.getBoundingClientRect().right).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    // Each comment a card: its text whole-width, its state and group beside its number.
    const row = $(el, 'tr[data-id="8"]')!.getBoundingClientRect();
    const cell = $(el, 'tr[data-id="8"] td.text')!.getBoundingClientRect();
    expect(cell.right).to.be.at.most(row.right + 1);
    expect(cell.width).to.be.above(row.width * 0.8);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});

describe('gk-review: the report before processing is finished', () => {
  it('says the report is a draft, with the counts, before it is downloaded', async () => {
    const el = await mount();
    await ready(el);
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      $(el, 'nav.tabs [data-tab="publish"]')!.click();
      const button = await until(el, '[data-download="report"]');
      expect(text($(el, '.report-counts'))).to.equal('共收到 13 条意见，已处理 2 条。');
      const note = $(el, '.report-draft')!;
      expect(text(note)).to.contain('草稿');
      expect(text(note)).to.contain('尚有 11 条意见未处理（9 条未审核、2 条未作出处理）');
      expect(text(button)).to.equal('采纳情况说明（草稿，可打印）');
      expect(button.getAttribute('aria-describedby')).to.equal('report-draft');
      button.click();
      await waitUntil(() => clicked.length === 1, 'report not offered');
      expect(clicked[0]!.download).to.equal(`${REVIEW_CONSULTATION}-report-draft.html`);
      await expect(el).to.be.accessible();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});

describe('gk-review: sign-off, assignment and notes (拟办 → 审核 → 签发)', () => {
  it('says where each decision stands in words, and a checker checks one comment after a counted confirmation', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const el = await mount({ as: 'checker' });
    await ready(el);
    // In the row and in the open comment, in words: never by colour alone.
    expect(text($(el, 'tr[data-id="1"] .stage-word'))).to.equal('拟办');
    expect($(el, 'tr[data-id="4"] .stage-word')).to.equal(null, 'no decision, no stage');
    // Its drafter, as the server records them (a checker and a signer see who drafted it).
    api.comments.set(1, { ...api.comments.get(1)!, draftedBy: 'reviewer:00000000000b' });
    const detail = await openComment(el, 1);
    expect(text(detail.querySelector('.stage'))).to.contain('签批环节：拟办');
    // A checker checks; the keyboard reaches the button and Enter presses it.
    const check = detail.querySelector<HTMLButtonElement>('[data-scope="comment"] [data-step="check"]')!;
    expect(detail.querySelector('[data-scope="comment"] [data-step="sign"]')).to.equal(null, 'a checker does not sign');
    check.focus();
    await sendKeys({ press: 'Enter' });
    const confirm = await until(el, '[data-confirm] #signoff-confirm');
    expect(text(confirm)).to.equal('确认审核本条的 1 条拟办意见？');
    const dry = api.requests('POST', /\/signoff$/)[0]!;
    expect(dry.body).to.deep.equal({ step: 'check', comment: 1, dryRun: true });
    expect(api.comments.get(1)!.stage).to.equal('draft', 'counted, not changed');
    await expect(el).to.be.accessible();
    $(el, '[data-action="confirm-step"]')!.click();
    await waitUntil(() => api.comments.get(1)!.stage === 'checked', 'not checked');
    await waitUntil(() => text($(el, '.workflow .done')) === '已审核 1 条。', 'no word of it');
    await waitUntil(() => text($(el, 'tr[data-id="1"] .stage-word')) === '待签发（已审核）', 'row not read again');
    // Checked: the stage names the checker, and the drafter is still said.
    await waitUntil(() => text($(el, '.workflow .stage')).includes('审核人'), 'the checker not named');
    expect(text($(el, '.workflow .drafted'))).to.equal('拟办人：审核员 00000000000b');
    expect(api.audit.at(-1)!.action).to.equal('comment.check');
    expect(api.audit.at(-1)!.actor).to.match(/^checker:/);
  });

  it('signs off a whole group and the current filter, and sends back only with a reason', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const el = await mount({ as: 'admin' });
    await ready(el);
    // Every decision checked first, by the filter 拟办.
    const stage = $<HTMLSelectElement>(el, '#f-stage')!;
    stage.value = 'draft';
    stage.dispatchEvent(new Event('change'));
    await waitUntil(
      () =>
        api
          .requests('GET', /comments$/)
          .at(-1)!
          .query.get('stage') === 'draft',
      'not filtered',
    );
    const bar = await until(el, '.filter-signoff');
    bar.querySelector<HTMLButtonElement>('[data-step="check"]')!.click();
    await waitUntil(() => text(bar.querySelector('#signoff-confirm')).startsWith('确认审核当前筛选的'), 'no count');
    const drafted = [...api.comments.values()].filter((c) => c.decision && c.stage === 'draft').length;
    expect(text(bar.querySelector('#signoff-confirm'))).to.equal(`确认审核当前筛选的 ${drafted} 条拟办意见？`);
    bar.querySelector<HTMLButtonElement>('[data-action="confirm-step"]')!.click();
    await waitUntil(() => [...api.comments.values()].every((c) => !c.decision || c.stage === 'checked'), 'not all');
    expect(api.requests('POST', /\/signoff$/).at(-1)!.body).to.deep.equal({
      step: 'check',
      filter: { stage: 'draft' },
    });

    // The campaign's group signed off from one of its members.
    stage.value = '';
    stage.dispatchEvent(new Event('change'));
    await waitUntil(
      () =>
        !api
          .requests('GET', /comments$/)
          .at(-1)!
          .query.get('stage'),
      'filter kept',
    );
    await waitUntil(() => $(el, 'tr[data-id="11"]'), 'no row 11');
    const detail = await openComment(el, 11);
    const group = api.comments.get(11)!;
    expect(group.decision).to.equal('partly-adopted');
    detail.querySelector<HTMLButtonElement>('[data-scope="group"] [data-step="sign"]')!.click();
    await waitUntil(() => $(el, '[data-action="confirm-step"]'), 'no confirmation');
    expect(text($(el, '#signoff-confirm'))).to.match(/^确认签发整组（第 \d+ 组）的 1 条已审核意见？$/);
    $(el, '[data-action="confirm-step"]')!.click();
    await waitUntil(() => api.comments.get(11)!.stage === 'signed', 'group not signed');
    expect(api.comments.get(1)!.stage).to.equal('checked', 'only the group');

    // Sending back needs a reason, said by the field; with one, back to 拟办 and the reason shown.
    await waitUntil(() => text($(el, '.workflow .done')) === '已签发 1 条。', 'no word of the sign-off');
    $(el, '.detail[data-comment="11"] [data-scope="comment"] [data-step="return"]')!.click();
    await waitUntil(() => text($(el, '.workflow .form-error')) === '请填写退回理由。', 'no reason asked');
    type($<HTMLInputElement>(el, '#return-reason')!, '理由未引用条文。');
    await el.updateComplete;
    $(el, '[data-scope="comment"] [data-step="return"]')!.click();
    await waitUntil(() => $(el, '[data-action="confirm-step"]'), 'no confirmation');
    $(el, '[data-action="confirm-step"]')!.click();
    await waitUntil(() => api.comments.get(11)!.stage === 'draft', 'not sent back');
    await waitUntil(() => text($(el, '.workflow .returned')) === '已退回：理由未引用条文。', 'reason not shown');
    await expect(el).to.be.accessible();
  });

  it('offers no steps to a reviewer, and says why', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const el = await mount({ as: 'reviewer' });
    await ready(el);
    const detail = await openComment(el, 1);
    expect(detail.querySelector('[data-step]')).to.equal(null);
    expect(text(detail.querySelector('.workflow .role-note'))).to.contain('需要“审核”或“签发”权限');
    expect(text(detail.querySelector('.workflow'))).to.contain('需要“交办”权限');
  });

  it('assigns a comment to a unit with a due date, shows the unit’s queue, and keeps internal notes with replies', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const el = await mount({ as: 'admin' });
    await ready(el);
    const detail = await openComment(el, 5);
    await waitUntil(() => detail.querySelector('#assign-unit option'), 'no units');
    const unit = detail.querySelector<HTMLSelectElement>('#assign-unit')!;
    unit.value = '2';
    unit.dispatchEvent(new Event('change'));
    detail.querySelector<HTMLButtonElement>('[data-action="assign"]')!.click();
    await waitUntil(() => text($(el, '.assign .form-error')) === '请选择办理期限。', 'due not asked');
    type($<HTMLInputElement>(el, '#assign-due')!, '2030-01-15');
    await el.updateComplete;
    $(el, '[data-action="assign"]')!.click();
    await waitUntil(() => api.comments.get(5)!.assignment?.unitName === '法规科', 'not assigned');
    expect(api.requests('POST', /\/assignments$/)[0]!.body).to.deep.equal({ unit: 2, due: '2030-01-15', comment: 5 });
    await waitUntil(() => text($(el, '.workflow .assigned')).includes('已交办 法规科'), 'not shown');

    // The unit's queue: the list's unit filter.
    const queue = $<HTMLSelectElement>(el, '#f-unit')!;
    expect([...queue.options].map((o) => o.textContent)).to.deep.equal(['全部', '政务公开科', '法规科']);
    queue.value = '2';
    queue.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, 'table.comments tbody tr').length === 1, 'queue not shown');
    expect(
      api
        .requests('GET', /comments$/)
        .at(-1)!
        .query.get('unit'),
    ).to.equal('2');

    // Notes, then a reply to one: staff only, and said so.
    const opened = await openComment(el, 5);
    await waitUntil(() => text(opened.querySelector('[data-notes]')).includes('尚无批注'), 'notes not read');
    expect(text(opened.querySelector('#notes-title'))).to.equal('内部批注（不公开、不导出）');
    type($<HTMLTextAreaElement>(el, '#note-body')!, '请法规科核实该小区情况。');
    await el.updateComplete;
    $<HTMLFormElement>(el, '.note-form')!.requestSubmit();
    await waitUntil(() => $(el, '[data-note="1"]'), 'note not listed');
    $(el, '[data-note="1"] .gk-link-button')!.click();
    await el.updateComplete;
    expect(text($(el, '.note-form'))).to.contain('回复 管理员');
    type($<HTMLTextAreaElement>(el, '#note-body')!, '已核实，属物业纠纷。');
    await el.updateComplete;
    $<HTMLFormElement>(el, '.note-form')!.requestSubmit();
    await waitUntil(() => $(el, '[data-note="2"]'), 'reply not listed');
    expect(api.notes[1]).to.include({ replyTo: 1, comment: 5, body: '已核实，属物业纠纷。' });
    expect(text($(el, '[data-note="2"]'))).to.contain('回复 管理员');
    await expect(el).to.be.accessible();
  });

  it('lists what blocks publication in words: decisions not signed off, per unit; and the server’s 409', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const el = await mount({ as: 'editor' });
    await ready(el);
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    const panel = await until(el, '.publish');
    await waitUntil(() => panel.querySelector('[data-block="draft"]'), 'no sign-off blocker');
    const drafted = api.blocking().draft;
    expect(text(panel.querySelector('[data-block="draft"]'))).to.contain(`${drafted} 条处理意见尚未审核（拟办）`);
    expect(text(panel.querySelector('[data-block="draft"]'))).to.contain('例如第 1');
    expect(panel.querySelector<HTMLButtonElement>('[data-action="publish"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('explains a refusal to publish by the server’s blocking list', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const signed = [
      {
        clause: '2.1.1',
        body: '建议设置查询终端。',
        name: '陈建国',
        decision: 'adopted' as const,
        stage: 'signed' as const,
      },
      { clause: '1.3', body: '应公开合同。', name: '赵强', decision: 'adopted' as const, stage: 'signed' as const },
    ];
    const el = await mount({ as: 'editor', fake: { comments: signed } });
    await ready(el);
    $(el, 'nav.tabs [data-tab="publish"]')!.click();
    const panel = await until(el, '.publish');
    await waitUntil(() => panel.querySelector('.ready'), 'not ready');
    // Meanwhile a decision was changed: back to 拟办, and the server refuses.
    api.comments.set(2, { ...api.comments.get(2)!, stage: 'draft' });
    panel.querySelector<HTMLButtonElement>('[data-action="publish"]')!.click();
    await el.updateComplete;
    panel.querySelector<HTMLButtonElement>('[data-action="confirm-publish"]')!.click();
    await waitUntil(() => panel.querySelector('.form-error'), 'no 409 message');
    expect(text(panel.querySelector('.form-error'))).to.equal('服务器拒绝发布：');
    await waitUntil(
      () => text(panel.querySelector('[data-block="draft"]')).includes('1 条处理意见尚未审核（拟办）'),
      'no list',
    );
    expect(text(panel.querySelector('[data-block="draft"]'))).to.contain('例如第 2 号意见');
    await expect(el).to.be.accessible();
  });

  it('speaks zh-Hant and English', async function () {
    // A console mounted, comments opened, axe: slow on a busy machine.
    this.timeout(20_000);
    const en = await mount({ as: 'checker', lang: 'en' });
    await ready(en);
    expect(text($(en, 'tr[data-id="1"] .stage-word'))).to.equal('Draft (拟办)');
    const detail = await openComment(en, 1);
    expect(text(detail.querySelector('#workflow-title'))).to.equal('Check and sign off');
    expect(text(detail.querySelector('[data-scope="comment"] [data-step="check"]'))).to.equal('Check');
    api.restore();
    sessionStorage.clear();
    const hant = await mount({ as: 'checker', lang: 'zh-Hant' });
    await ready(hant);
    expect(text($(hant, 'tr[data-id="1"] .stage-word'))).to.equal('擬辦');
  });
});
