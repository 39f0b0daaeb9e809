// 因意见修改 in the staff console (issue 19): an adopted comment is linked to the changes of the
// next version it led to. The server's suggestions come first (the clause commented on), each
// with its redline; the choice is saved with a PUT, for the whole campaign when asked; a refusal
// is named and the choice kept; a comment not adopted has no panel.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type ChangesFake, fakeChanges } from '../helpers/changes-fake.js';
import { loadExample } from '../helpers/examples.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../helpers/review-fake-api.js';

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi;
let changes: ChangesFake | null = null;

afterEach(() => {
  fixtureCleanup();
  changes?.restore();
  changes = null;
  api?.restore();
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

type Role = 'reviewer' | 'editor';

/** The console, as `role`, with comment `id` open; `before` changes the stand-in server first. */
async function open(id: number, role: Role = 'reviewer', lang = 'zh-Hans', before?: () => void) {
  const draft = await loadExample('ezhou');
  api = new ReviewFakeApi({ bundle: draft }).install();
  changes = fakeChanges(api, draft);
  before?.();
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[role], role }));
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
  </div>`);
  const el = wrapper.querySelector('gk-review')!;
  await waitUntil(() => $(el, `tr[data-id="${id}"] button.row-open`), 'no comments', { timeout: 4000 });
  $(el, `tr[data-id="${id}"] button.row-open`)!.click();
  await waitUntil(() => $(el, `.detail[data-comment="${id}"]`), 'the comment did not open', { timeout: 4000 });
  return el;
}

/** The panel, once it has read the changes. */
async function panel(el: GkReview): Promise<ShadowRoot> {
  await waitUntil(() => $(el, 'gk-change-links')?.shadowRoot?.querySelector('section'), 'no changes panel', {
    timeout: 4000,
  });
  return $(el, 'gk-change-links')!.shadowRoot!;
}

const $ = <E extends Element = HTMLElement>(el: GkReview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const box = (root: ShadowRoot, key: string) => root.querySelector<HTMLInputElement>(`input[data-key="${key}"]`)!;

describe('gk-review 因意见修改', function () {
  // Each test signs in to the whole console and runs axe over it: slow on a shared machine.
  this.timeout(20_000);

  it('lists the suggestions first, the clause commented on first, each with why and its redline', async () => {
    const el = await open(1);
    const root = await panel(el);
    expect(text(root.querySelector('#cl-title'))).to.equal('因意见修改');
    expect(text(root.querySelector('section > p'))).to.contain('与正式稿相比');
    // Comment 1 is on 二、(一)1., which now has the query terminals it asked for.
    const suggested = [...root.querySelectorAll('.suggested li')];
    expect(suggested.map((li) => li.getAttribute('data-change'))).to.deep.equal(['2.1.1']);
    expect(text(suggested[0]!.querySelector('label'))).to.equal('二、(一)1.（修改） 所评条款');
    // The redline says what was inserted in words, not only by its underline.
    expect(text(suggested[0]!.querySelector('.text ins'))).to.equal('新增：在各政务服务大厅设置查询终端，（新增结束）');
    expect(box(root, '2.1.1').checked).to.equal(false);
    // The version's other changes are there to pick from, folded away.
    const others = root.querySelector<HTMLDetailsElement>('details.others')!;
    expect(others.open).to.equal(false);
    expect(text(others.querySelector('summary'))).to.equal('本版其他修改（2 处）');
    expect([...others.querySelectorAll('li')].map((li) => li.getAttribute('data-change'))).to.deep.equal([
      '2.4.15',
      '2.5.18',
    ]);
    // Not in a group: no campaign option.
    expect(root.querySelector('input[data-group]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('links the changes chosen by keyboard, for the whole campaign, with a PUT, and says how many', async () => {
    // Comment 11 is the partly adopted copy of the campaign on 二、(四)15.; another copy is adopted too.
    const el = await open(11, 'reviewer', 'zh-Hans', () => {
      api.edit(7, { decision: 'adopted' });
    });
    const root = await panel(el);
    const first = root.querySelector('.suggested li')!;
    expect(first.getAttribute('data-change')).to.equal('2.4.15');
    expect(text(first.querySelector('.why'))).to.equal('所评条款');
    box(root, '2.4.15').focus();
    await sendKeys({ press: 'Space' });
    // The fold opens from the keyboard too.
    root.querySelector<HTMLElement>('details.others summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(root.querySelector<HTMLDetailsElement>('details.others')!.open).to.equal(true);
    box(root, '2.5.18').focus();
    await sendKeys({ press: 'Space' });
    const group = root.querySelector<HTMLInputElement>('input[data-group]')!;
    expect(text(group.closest('label'))).to.equal('同一组的全部采纳意见');
    group.focus();
    await sendKeys({ press: 'Space' });
    const save = root.querySelector<HTMLButtonElement>('[data-action="link-changes"]')!;
    save.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root.querySelector('.saved')), 'nothing said after saving', { timeout: 4000 });
    // The keyboard stays where it was: saving never takes the focus away.
    expect(root.activeElement).to.equal(save);
    expect(changes!.puts).to.deep.equal([
      { comment: 11, body: { version: 2, changes: ['2.4.15', '2.5.18'], group: true } },
    ]);
    expect(text(root.querySelector('.saved'))).to.equal('已关联 2 条意见。');
    expect(changes!.links.get(7)).to.deep.equal(['2.4.15', '2.5.18']);
    await expect(el).to.be.accessible();
  });

  it('names a refusal (409: no longer adopted) and keeps what was ticked', async () => {
    const el = await open(1);
    const root = await panel(el);
    // A colleague changed the decision meanwhile; this console still shows it adopted.
    api.edit(1, { decision: 'not-adopted', reason: '现行规定已覆盖。' });
    box(root, '2.1.1').click();
    root.querySelector<HTMLButtonElement>('[data-action="link-changes"]')!.click();
    await waitUntil(() => root.querySelector('[role="alert"]'), 'no error shown', { timeout: 4000 });
    expect(text(root.querySelector('[role="alert"]'))).to.equal(
      '未能保存：服务器拒绝了这项操作：只有采纳或部分采纳的意见才能关联修改之处',
    );
    expect(box(root, '2.1.1').checked).to.equal(true);
    expect(changes!.links.size).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows what is already linked, and names a 403 for a role that lost the permission', async () => {
    const el = await open(1, 'reviewer', 'zh-Hans', () => {
      changes!.links.set(1, ['2.5.18']);
    });
    const root = await panel(el);
    // A linked change outside the suggestions opens the fold: what is saved is never hidden.
    expect(root.querySelector<HTMLDetailsElement>('details.others')!.open).to.equal(true);
    expect(box(root, '2.5.18').checked).to.equal(true);
    expect(text(root.querySelector('.foot'))).to.contain('已选 1 处修改');
    changes!.failures.push({
      status: 403,
      body: { error: 'forbidden', message: 'the reviewer role may not do this (needs admin or reviewer)' },
    });
    root.querySelector<HTMLButtonElement>('[data-action="link-changes"]')!.click();
    await waitUntil(() => root.querySelector('[role="alert"]'), 'no error shown', { timeout: 4000 });
    expect(text(root.querySelector('[role="alert"]'))).to.contain('无权执行此操作');
  });

  it('lets a role that may not decide read the changes, not link them', async () => {
    const el = await open(1, 'editor');
    const root = await panel(el);
    expect(text(root.querySelector('section'))).to.contain('不能关联修改之处，只能查看');
    expect(box(root, '2.1.1').disabled).to.equal(true);
    expect(root.querySelector<HTMLButtonElement>('[data-action="link-changes"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is not shown for a comment that is not adopted, and asks the server nothing for it', async () => {
    const el = await open(2);
    // Give a lazily loaded panel the time it would take to appear.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect($(el, 'gk-change-links')).to.equal(null);
    expect(changes!.reads).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('appears once the comment is adopted in the console', async () => {
    const el = await open(13);
    const form = $<HTMLFormElement>(el, 'form[data-form="c-13"]')!;
    form.querySelector<HTMLInputElement>('input[value="adopted"]')!.click();
    await el.updateComplete;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const root = await panel(el);
    // 吴静 asked for 图解 on 二、(五)18., which now has them.
    const first = root.querySelector('.suggested li')!;
    expect(first.getAttribute('data-change')).to.equal('2.5.18');
    expect(text(first.querySelector('.why'))).to.equal('所评条款');
    expect(changes!.reads).to.deep.equal([13]);
  });

  it('speaks English on an English page', async () => {
    const el = await open(1, 'reviewer', 'en');
    const root = await panel(el);
    expect(text(root.querySelector('section > p'))).to.contain('Compared with 正式稿');
    expect(text(root.querySelector('.suggested .why'))).to.equal('the clause commented on');
    expect(text(root.querySelector('[data-action="link-changes"]'))).to.equal('Save links');
  });
});
