// gk-feedback's 修改说明 (issue 19, 因意见修改): the changes of the 正式稿 that comments led to, each
// comment's "因此修改" link to its change, the changes a receipt's comment led to, and nothing at
// all from servers that do not send them.
import '../../packages/elements/src/feedback/define.js';
import type { FeedbackView } from '@gongkai/format';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { GkFeedback } from '../../packages/elements/src/feedback/feedback.js';
import {
  feedbackWithChanges,
  feedbackWithoutChanges,
  SERVICE_CONSULTATION,
  serviceReceiptAnswers,
  serviceReceipts,
  TIME_LIMIT,
} from '../helpers/feedback-changes-examples.js';
import { type FakeApi, fakeApi, pagedFeedback } from '../helpers/feedback-examples.js';

const ENDPOINT = '/fake-api/v1';
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

// The part is a module of its own that the element imports on first use: compiled once here, so
// that no test's time limit counts the dev server's first compile of it.
before(async function () {
  this.timeout(60_000);
  await import('../../packages/elements/src/feedback/explanation.js');
});

let api: FakeApi | null = null;
afterEach(() => {
  api?.restore();
  api = null;
});

async function withFeedback(feedback: FeedbackView, lang = 'zh-Hans') {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang}><gk-feedback .feedback=${feedback}></gk-feedback></div>`,
  );
  const el = wrap.querySelector('gk-feedback') as GkFeedback;
  await waitUntil(() => el.shadowRoot!.querySelector('.published'), 'the feedback was not shown');
  return { el, root: el.shadowRoot! };
}

/** The 修改说明 comes with a part of its own: wait for it. */
async function explained(el: GkFeedback) {
  await waitUntil(() => el.shadowRoot!.querySelector('[part="changes"]'), 'no 修改说明', { timeout: 4000 });
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLElement>('[part="changes"]')!;
}

const commentNo = (r: ShadowRoot, no: number) => r.querySelector<HTMLElement>(`li.comment[data-no="${no}"]`)!;

describe('gk-feedback 修改说明 (因意见修改)', function () {
  // axe's first run and the first render share two cores with other test runs.
  this.timeout(20_000);
  it('says how many changes comments led to, names each as printed with the comments, campaigns and reasons behind it', async () => {
    const { el } = await withFeedback(feedbackWithChanges());
    const section = await explained(el);
    expect(text(section.querySelector('h3'))).to.equal('修改说明');
    expect(text(section.querySelector('.ch-lead'))).to.equal('本文件根据公众意见修改了 3 处。');
    expect(text(section.querySelector('.ch-summary'))).to.equal(
      '与征求意见稿相比，正式稿修改 1 条、新增 1 条、删除 1 条，其中 3 处根据公众意见修改。',
    );
    const items = [...section.querySelectorAll('.ch-item')];
    expect(items.map((i) => text(i.querySelector('h4')))).to.deep.equal(['第三条', '删除原第五条', '新增第五条']);
    expect(text(items[0]!.querySelector('.ch-basis'))).to.equal('1 条意见促成此处修改');
    expect(text(items[1]!.querySelector('.ch-basis'))).to.equal('3 条意见促成此处修改，其中内容相近的意见 1 组');
    expect(text(items[1]!.querySelector('.ch-reasons'))).to.equal('主要理由 删除统一设置的要求，由各区自定。（3 条）');
    expect(items[0]!.querySelector('.ch-reasons')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens a change’s redline from the keyboard: insertions and deletions said in words, not only in colour', async () => {
    const { el } = await withFeedback(feedbackWithChanges());
    const section = await explained(el);
    const button = section.querySelector<HTMLButtonElement>('.ch-item .ch-toggle')!;
    const region = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(text(button)).to.equal('查看修改前后对照（第三条）');
    expect(region.hidden).to.equal(true);

    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(region.hidden).to.equal(false);
    expect(region.getAttribute('aria-label')).to.equal('第三条修改前后对照');
    expect(text(region.querySelector('del'))).to.equal('删除：三（删除结束）');
    expect(text(region.querySelector('ins'))).to.equal('新增：五（新增结束）');
    expect(text(region.querySelector('.ch-text'))).to.equal(
      '第三条 行政机关应当自受理申请之日起删除：三（删除结束）十新增：五（新增结束）日内作出决定。',
    );
    const ins = getComputedStyle(region.querySelector('ins')!);
    const del = getComputedStyle(region.querySelector('del')!);
    expect(ins.textDecorationLine).to.equal('underline');
    expect(del.textDecorationLine).to.equal('line-through');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(region.hidden).to.equal(true);
    expect(text(button)).to.equal('查看修改前后对照（第三条）');
  });

  it('links each comment that led to a change to it, and moves the focus there', async () => {
    const { el, root: r } = await withFeedback(feedbackWithChanges());
    await explained(el);
    const first = commentNo(r, 1);
    expect(text(first.querySelector('.body'))).to.equal(TIME_LIMIT);
    expect(text(first.querySelector('.ch-led'))).to.equal('因此修改：第三条');
    expect(text(commentNo(r, 4).querySelector('.ch-led'))).to.equal('因此修改：删除原第五条');
    expect(text(commentNo(r, 2).querySelector('.ch-led'))).to.equal('因此修改：新增第五条');
    // Not adopted: no change.
    expect(commentNo(r, 3).querySelector('.ch-led')).to.equal(null);

    const link = commentNo(r, 4).querySelector<HTMLAnchorElement>('.ch-led a')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    const target = r.activeElement as HTMLElement;
    expect(target?.classList.contains('ch-item')).to.equal(true);
    expect(text(target.querySelector('h4'))).to.equal('删除原第五条');
    expect(location.hash).to.equal('');

    commentNo(r, 1).querySelector<HTMLAnchorElement>('.ch-led a')!.click();
    expect(text((r.activeElement as HTMLElement).querySelector('h4'))).to.equal('第三条');
    await expect(el).to.be.accessible();
  });

  it('links comments that come in pages from the server (…/feedback/comments) too', async () => {
    const full = feedbackWithChanges();
    api = fakeApi(ENDPOINT, { feedback: pagedFeedback(full, 2), comments: full.comments });
    const el = await fixture<GkFeedback>(
      html`<gk-feedback endpoint=${ENDPOINT} consultation=${SERVICE_CONSULTATION}></gk-feedback>`,
    );
    const r = el.shadowRoot!;
    await explained(el);
    r.querySelector<HTMLButtonElement>('[part="filter"] button[data-decision="adopted"]')!.click();
    await waitUntil(() => r.querySelectorAll('li.comment').length === 4, 'the adopted comments did not come', {
      timeout: 4000,
    });
    await el.updateComplete;
    expect(api.requests.some((u) => u.includes('/feedback/comments?') && u.includes('decision=adopted'))).to.equal(
      true,
    );
    const led = [...r.querySelectorAll('li.comment')].map((li) => text(li.querySelector('.ch-led')));
    expect(led).to.deep.equal([
      '因此修改：第三条',
      '因此修改：删除原第五条',
      '因此修改：删除原第五条',
      '因此修改：删除原第五条',
    ]);
    commentNo(r, 5).querySelector<HTMLAnchorElement>('.ch-led a')!.click();
    expect(text((r.activeElement as HTMLElement).querySelector('h4'))).to.equal('删除原第五条');
  });

  it('shows a receipt’s comment the change it led to, with the redline on demand', async () => {
    api = fakeApi(ENDPOINT, { feedback: feedbackWithChanges(), receipts: serviceReceiptAnswers() });
    const el = await fixture<GkFeedback>(
      html`<gk-feedback endpoint=${ENDPOINT} consultation=${SERVICE_CONSULTATION} receipt=${serviceReceipts.changed}></gk-feedback>`,
    );
    const r = el.shadowRoot!;
    await waitUntil(() => r.querySelector('[part="lookup-changes"]'), 'the receipt shows no change');
    const part = r.querySelector('[part="lookup-changes"]')!;
    expect(text(part.querySelector('.ch-led'))).to.equal('您的意见促成了以下修改（正式稿）：第三条');
    const button = part.querySelector<HTMLButtonElement>('.ch-toggle')!;
    const region = r.getElementById(button.getAttribute('aria-controls')!)!;
    expect(region.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(region.hidden).to.equal(false);
    expect(text(region.querySelector('ins'))).to.equal('新增：五（新增结束）');
    await expect(el).to.be.accessible();

    // A decided comment that led to no change: nothing about changes.
    const form = r.querySelector<HTMLFormElement>('[part="form"]')!;
    form.querySelector('input')!.value = serviceReceipts.unchanged;
    form.requestSubmit();
    await waitUntil(() => text(r.querySelector('.result-title')).includes(serviceReceipts.unchanged));
    await el.updateComplete;
    expect(r.querySelector('[part="lookup-changes"]')).to.equal(null);
    expect(text(r.querySelector('[part="lookup-result"]'))).to.contain('不予采纳');

    // A comment that led to two changes: each named, each with its own redline, closed at first.
    const answers = serviceReceiptAnswers();
    const items = feedbackWithChanges().changes!.items.map((i) => i.change);
    const changed = answers[serviceReceipts.changed]!;
    api!.set({
      receipts: { ...answers, [serviceReceipts.changed]: { ...changed, changes: { ...changed.changes!, items } } },
    });
    form.querySelector('input')!.value = serviceReceipts.changed;
    form.requestSubmit();
    await waitUntil(() => r.querySelectorAll('[part="lookup-changes"] .ch-toggle').length === 3, 'not three changes');
    const two = r.querySelector('[part="lookup-changes"]')!;
    expect(text(two.querySelector('.ch-led'))).to.equal(
      '您的意见促成了以下修改（正式稿）：第三条、删除原第五条、新增第五条',
    );
    expect([...two.querySelectorAll('.ch-name')].map(text)).to.deep.equal(['第三条', '删除原第五条', '新增第五条']);
    expect([...two.querySelectorAll<HTMLElement>('.ch-redline')].every((x) => x.hidden)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows nothing of changes, and breaks nothing, for an older server’s answers without them', async () => {
    api = fakeApi(ENDPOINT, { feedback: feedbackWithoutChanges(), receipts: serviceReceiptAnswers(false) });
    const el = await fixture<GkFeedback>(
      html`<gk-feedback endpoint=${ENDPOINT} consultation=${SERVICE_CONSULTATION} receipt=${serviceReceipts.changed}></gk-feedback>`,
    );
    const r = el.shadowRoot!;
    await waitUntil(() => r.querySelector('.published') && r.querySelector('[part="lookup-result"]'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(r.querySelectorAll('li.comment').length).to.equal(6);
    expect(text(r.querySelector('[part="lookup-result"]'))).to.contain('采纳');
    expect(r.querySelector('[part="changes"]')).to.equal(null);
    expect(r.querySelector('.ch-led')).to.equal(null);
    expect(r.querySelector('[part="lookup-changes"]')).to.equal(null);
    await expect(el).to.be.accessible();

    // A policy with no later version: `changes: null`.
    const { root: none } = await withFeedback({ ...feedbackWithoutChanges(), changes: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(none.querySelector('[part="changes"]')).to.equal(null);
  });

  it('says so when the 修改说明 is malformed, and keeps the rest of the feedback', async () => {
    const bad = feedbackWithChanges();
    const explanation = { ...bad.changes!, items: [{ ...bad.changes!.items[0]!, change: { kind: 'rewritten' } }] };
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const { el, root: r } = await withFeedback({ ...bad, changes: explanation as never });
      const section = await explained(el);
      expect(text(section.querySelector('[role="alert"]'))).to.equal('修改说明有误，暂不显示（其余反馈不受影响）');
      expect(section.querySelector('.ch-item')).to.equal(null);
      expect(r.querySelectorAll('li.comment').length).to.equal(6);
      expect(r.querySelector('.ch-led')).to.equal(null);
      expect(warnings.some((w) => w.includes('changes.items[0].change'))).to.equal(true, warnings.join('\n'));
    } finally {
      console.warn = warn;
    }
  });

  it('speaks traditional Chinese and English; a version without a label is named by its number', async () => {
    const { el: hant } = await withFeedback(feedbackWithChanges(), 'zh-Hant');
    const zh = await explained(hant);
    expect(text(zh.querySelector('h3'))).to.equal('修改說明');
    expect(text(zh.querySelector('.ch-summary'))).to.equal(
      '與徵求意見稿相比，正式稿修改 1 條、新增 1 條、刪除 1 條，其中 3 處根據公眾意見修改。',
    );
    hant.parentElement!.remove(); // one feedback on the page at a time (one banner)
    const view = feedbackWithChanges();
    const { el: en, root: r } = await withFeedback({ ...view, changes: { ...view.changes!, label: null } }, 'en');
    const section = await explained(en);
    expect(text(section.querySelector('h3'))).to.equal('Changes made in response to comments');
    expect(text(section.querySelector('.ch-summary'))).to.equal(
      'Compared with the draft for comment, version 2: 1 modified, 1 added, 1 removed; 3 of these changes were made because of public comments.',
    );
    expect(text(commentNo(r, 4).querySelector('.ch-led'))).to.equal('Led to changes in: 第五条 removed');
    section.querySelector<HTMLButtonElement>('.ch-toggle')!.click();
    await en.updateComplete;
    expect(text(section.querySelector('.ch-redline del'))).to.equal('removed: 三 (end of removal)');
    await expect(en).to.be.accessible();
  });

  it('prints every redline, struck through and underlined without colour, and high contrast drops the tints', async () => {
    const { el } = await withFeedback(feedbackWithChanges());
    const section = await explained(el);
    el.contrast = true;
    await el.updateComplete;
    const ins = section.querySelector('ins')!;
    expect(getComputedStyle(ins).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ media: 'print' });
    try {
      const regions = [...section.querySelectorAll<HTMLElement>('.ch-redline')];
      expect(regions.length).to.equal(3);
      for (const region of regions) expect(getComputedStyle(region).display).to.equal('block');
      expect(getComputedStyle(section.querySelector('.ch-toggle')!).display).to.equal('none');
      expect(getComputedStyle(section.querySelector('del')!).textDecorationLine).to.equal('line-through');
      expect(getComputedStyle(section).display).to.not.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
