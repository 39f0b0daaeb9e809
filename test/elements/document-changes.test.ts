import '@gongkai/elements';
import type { GkDocument, GkPolicy } from '@gongkai/elements';
import type { Bundle, Change, Comparison } from '@gongkai/format';
import { compareTexts } from '@gongkai/format';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { PREVIOUS_URL, revisionPair, servePrevious } from '../helpers/revision.js';
import { smallControls } from '../helpers/targets.js';

const shadow = (el: Element) => el.shadowRoot!;
const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const summaryOf = (el: GkDocument) => shadow(el).querySelector('gk-change-summary');
const toggleOf = (el: GkDocument) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="controls"] button')].find((b) =>
    /修改对照|修改對照|Show changes/.test(b.textContent ?? ''),
  );
/** The mark the mode put at the start of clause `id` (right after its clause tools). */
const markOf = (el: GkDocument, id: string) => {
  const next = el.clauseMarker(id)?.nextElementSibling;
  return next?.localName === 'gk-change-mark' ? (next as HTMLElement) : null;
};
const wordsOf = (mark: Element | null) =>
  [...(mark?.shadowRoot?.querySelectorAll('[part="tag"]') ?? [])].map((t) => t.textContent?.trim());
const visible = (node: Element) => node.getBoundingClientRect().height > 0;
const bodyOf = (el: GkDocument) => shadow(el).querySelector('[part="body"]')!;
/** The clause's (first) block: the element its marker sits in. */
const blocksOf = (el: GkDocument, id: string) => el.clauseMarker(id)!.parentElement!;
/** The redline shown for the clause numbered `number`, checked to stand between it and the next clause. */
function redlineOf(el: GkDocument, id: string): HTMLElement | null {
  const number = el.clauses.find((c) => c.id === id)!.number;
  const found = [...el.renderRoot.querySelectorAll<HTMLElement>('gk-change-redline:not([removed])')].concat([
    ...el.querySelectorAll<HTMLElement>('gk-change-redline:not([removed])'),
  ]);
  const redline = found.find((r) => (r as unknown as { toNumber: string }).toNumber === number) ?? null;
  if (!redline) return null;
  const index = el.clauses.findIndex((c) => c.id === id);
  const next = el.clauses.slice(index + 1).find((c) => c.level <= el.clauses[index]!.level);
  const follows = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  expect(follows(el.clauseMarker(id)!, redline), 'the redline is below its clause').to.equal(true);
  if (next) expect(follows(redline, el.clauseMarker(next.id)!), 'the redline is above the next clause').to.equal(true);
  return redline;
}

async function shown(bundle: unknown, attrs: { lang?: string } = {}): Promise<GkDocument> {
  const el = await fixture<GkDocument>(
    html`<gk-document lang=${attrs.lang ?? 'zh-Hans'} .bundle=${bundle}></gk-document>`,
  );
  await waitUntil(() => toggleOf(el), 'the 修改对照 toggle did not appear', { timeout: 5000 });
  await (summaryOf(el) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

async function turnOn(el: GkDocument): Promise<void> {
  toggleOf(el)!.click();
  await waitUntil(() => summaryOf(el)?.shadowRoot?.querySelector('[part="filter"]'), 'the mode did not turn on');
}

function change(comparison: Comparison, id: string): Change {
  return comparison.changes.find((c) => c.to?.id === id)!;
}

describe('gk-document: 修改对照', function () {
  // A 94-article regulation, rendered and compared, on a shared machine.
  this.timeout(30000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
  });

  it('says what changed from the previous version, in the comparison’s own figures', async () => {
    const { current } = await revisionPair();
    const s = current.comparison!.summary;
    const el = await shown(current);
    const line = squeeze(summaryOf(el)!.shadowRoot!.querySelector('[part="summary"]')?.textContent);
    expect(line).to.equal(
      `与2020年版相比：修改 ${s.modified} 条，新增 ${s.added} 条，删除 ${s.removed} 条（另有 ${s.renumbered} 条仅调整序号）。`,
    );
    // The real revision: 94 articles from 83, most reworded (市场主体 → 经营主体).
    expect(s.modified).to.be.greaterThan(40);
    expect(s.added).to.be.greaterThan(5);
    expect(s.removed).to.be.greaterThan(0);
    // Off by default: the text reads as the new version, with no marks and no deleted clauses.
    expect(toggleOf(el)!.getAttribute('aria-pressed')).to.equal('false');
    expect([...bodyOf(el).querySelectorAll('gk-change-mark, gk-change-redline')].some(visible)).to.equal(false);
  });

  it('a notice’s nested clauses (一、（一）) are numbered from the top, as the comparison numbers them: no false “不一致”', async () => {
    const clause = (id: string, number: string, parent: string | null, text: string) => ({
      id,
      number,
      level: parent ? 2 : 1,
      parent,
      title: '',
      text: `${number}${text}`,
    });
    const before = [
      clause('1', '一、', null, '总体要求'),
      clause('1.1', '（一）', '1', '坚持公开为常态。'),
      clause('1.2', '（二）', '1', '按季度公开考核结果。'),
    ];
    const after = [before[0]!, before[1]!, clause('1.2', '（二）', '1', '按月公开考核结果，并公开评价方法。')];
    const comparison = compareTexts(before, after);
    const body = after.map((c) => c.text).join('\n\n');
    const el = await shown({
      schemaVersion: 1,
      id: 'notice',
      meta: { title: '示例方案' },
      body,
      clauses: after,
      revisionOf: { label: '征求意见稿', id: 'notice-draft' },
      comparison,
    });
    expect(shadow(el).querySelector('.gk-error'), 'no notice of a mismatch').to.equal(null);
    expect(squeeze(summaryOf(el)!.shadowRoot!.querySelector('[part="summary"]')?.textContent)).to.match(
      /^与征求意见稿相比：修改 1 条/,
    );
  });

  it('marks every changed clause, in words, once the reader turns it on', async () => {
    const { current } = await revisionPair();
    const comparison = current.comparison!;
    const el = await shown(current);
    await turnOn(el);
    expect(toggleOf(el)!.getAttribute('aria-pressed')).to.equal('true');
    const changed = comparison.changes.filter((c) => c.to && c.kind !== 'unchanged');
    expect(changed.every((c) => markOf(el, c.to!.id) && visible(markOf(el, c.to!.id)!))).to.equal(true);
    // 第一条 reworded in place; 第六条 new; the old 第六条 now 第七条; the old 第六十四条 reworded and moved.
    expect(wordsOf(markOf(el, 'a1'))).to.deep.equal(['修改']);
    expect(change(comparison, 'a6').kind).to.equal('added');
    expect(wordsOf(markOf(el, 'a6'))).to.deep.equal(['新增']);
    expect(wordsOf(markOf(el, 'a7'))).to.deep.equal(['序号调整']);
    expect(squeeze(markOf(el, 'a7')!.shadowRoot!.textContent)).to.contain('原第六条');
    const movedId = comparison.changes.find((c) => c.kind === 'modified' && c.moved)!.to!.id;
    expect(wordsOf(markOf(el, movedId))).to.deep.equal(['修改', '移动']);
    // Not by colour alone: the changed clause's block has a rule, and says how it changed.
    expect(blocksOf(el, 'a1').getAttribute('data-gk-change')).to.equal('modified');
    expect(getComputedStyle(blocksOf(el, 'a1')).borderInlineStartWidth).to.equal('3px');
    // Turned off, it all goes again.
    toggleOf(el)!.click();
    await waitUntil(() => !visible(markOf(el, 'a1')!));
    expect(blocksOf(el, 'a1').hasAttribute('data-gk-change')).to.equal(false);
  });

  it('shows a clause’s redline on demand: insertions and deletions in <ins> and <del>, named in words', async () => {
    const { current } = await revisionPair(true);
    const a2 = change(current.comparison!, 'a2');
    const el = await shown(current);
    await turnOn(el);
    const button = markOf(el, 'a2')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="redline-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('第二条修改前后对照');
    button.click();
    await waitUntil(() => redlineOf(el, 'a2'));
    const redline = redlineOf(el, 'a2')!;
    await (redline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    // Wide: the text before and after, side by side; each side has only its own runs.
    const sides = redline.shadowRoot!.querySelector('.sides')!;
    expect(getComputedStyle(sides).display).to.equal('grid');
    const [before, after] = [...sides.querySelectorAll('.text')];
    const runs = (op: number, word: string, end: string) =>
      a2.ops!.filter(([o]) => o === op).map(([, text]) => squeeze(`${word}${text}${end}`));
    expect([...before!.querySelectorAll('del')].map((d) => squeeze(d.textContent))).to.deep.equal(
      runs(-1, '删除：', '（删除结束）'),
    );
    expect([...after!.querySelectorAll('ins')].map((i) => squeeze(i.textContent))).to.deep.equal(
      runs(1, '新增：', '（新增结束）'),
    );
    expect(before!.querySelector('ins')).to.equal(null);
    expect(after!.querySelector('del')).to.equal(null);
    // 市场主体 became 经营主体 throughout the revision.
    expect(squeeze(before!.querySelector('del')?.textContent)).to.equal('删除：市场（删除结束）');
    expect(squeeze(after!.querySelector('ins')?.textContent)).to.equal('新增：经营（新增结束）');
    // The words 新增/删除 are for screen readers: visually hidden, not gone.
    const word = after!.querySelector('ins .sr-only')!;
    expect(word.getBoundingClientRect().width).to.be.at.most(1);
    await expect(el).to.be.accessible();
    button.click();
    await waitUntil(() => !visible(redline));
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows a deleted article where it stood, struck through and labelled, not as a clause', async () => {
    const { current } = await revisionPair(true);
    const comparison = current.comparison!;
    const el = await shown(current);
    const index = comparison.changes.findIndex((c) => c.kind === 'removed');
    const removed = comparison.changes[index]!;
    const before = comparison.changes
      .slice(0, index)
      .reverse()
      .find((c) => c.to)!;
    const placeholder = [...bodyOf(el).querySelectorAll('gk-change-redline[removed]')][0]!;
    expect(visible(placeholder)).to.equal(false);
    await turnOn(el);
    expect(visible(placeholder)).to.equal(true);
    // Where it stood: after the article that preceded it (and its paragraphs), before the next one.
    const after = comparison.changes.slice(index + 1).find((c) => c.to)!;
    const follows = (x: Node, y: Node) => !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(el.clauseMarker(before.to!.id)!, placeholder)).to.equal(true);
    expect(follows(placeholder, el.clauseMarker(after.to!.id)!)).to.equal(true);
    expect(placeholder.previousElementSibling?.localName).to.equal('p');
    const group = placeholder.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal(`已删除的条文：${removed.from!.number}`);
    expect(squeeze(group.querySelector('.tag')?.textContent)).to.equal('删除');
    const struck = placeholder.shadowRoot!.querySelector('del')!;
    expect(getComputedStyle(struck).textDecorationLine).to.contain('line-through');
    expect(squeeze(struck.textContent)).to.contain(squeeze(removed.ops![0]![1]).slice(0, 20));
    // Not a clause of this text: no marker, no link, not in the list of clauses.
    expect(placeholder.querySelector('gk-clause-tools')).to.equal(null);
    const gone = squeeze(removed.ops![0]![1])
      .replace(/^第\S+条 /, '')
      .slice(0, 20);
    expect(el.clauses.some((c) => squeeze(c.text).includes(gone))).to.equal(false);
  });

  it('"只看修改的条文" hides the clauses that did not change, and says so', async () => {
    const { current } = await revisionPair(true);
    const comparison = current.comparison!;
    const el = await shown(current);
    await turnOn(el);
    const summary = summaryOf(el)!.shadowRoot!;
    const filter = summary.querySelector<HTMLButtonElement>('[part="filter"]')!;
    expect(filter.getAttribute('aria-pressed')).to.equal('false');
    filter.click();
    await waitUntil(() => filter.getAttribute('aria-pressed') === 'true');
    // a7 only renumbered: hidden; a1 reworded, a6 new: shown.
    expect(visible(blocksOf(el, 'a7'))).to.equal(false);
    expect(visible(blocksOf(el, 'a1'))).to.equal(true);
    expect(visible(blocksOf(el, 'a6'))).to.equal(true);
    const shownCount = comparison.changes.filter(
      (c) => c.kind === 'modified' || c.kind === 'added' || c.kind === 'removed' || c.moved,
    ).length;
    const hidden = comparison.changes.filter(
      (c) => c.to && !(c.kind === 'modified' || c.kind === 'added' || c.moved),
    ).length;
    expect(squeeze(summary.querySelector('[role="status"]')?.textContent)).to.equal(
      `只显示有修改的 ${shownCount} 条条文，其余 ${hidden} 条已隐藏。`,
    );
    filter.click();
    await waitUntil(() => visible(blocksOf(el, 'a7')));
    expect(squeeze(summary.querySelector('[role="status"]')?.textContent)).to.equal('已显示全部条文。');
    // Turning the mode off shows everything again too.
    filter.click();
    await waitUntil(() => !visible(blocksOf(el, 'a7')));
    toggleOf(el)!.click();
    await waitUntil(() => visible(blocksOf(el, 'a7')));
  });

  it('works from the keyboard: the toggle, the filter and each redline', async () => {
    const { current } = await revisionPair(true);
    const el = await shown(current);
    toggleOf(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => toggleOf(el)!.getAttribute('aria-pressed') === 'true');
    // Next stop after the controls: the filter.
    await sendKeys({ press: 'Tab' });
    const filter = summaryOf(el)!.shadowRoot!.querySelector('[part="filter"]');
    expect(summaryOf(el)!.shadowRoot!.activeElement).to.equal(filter);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => filter!.getAttribute('aria-pressed') === 'true');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => filter!.getAttribute('aria-pressed') === 'false');
    // A mark's button, reached like any other control, opens its redline; the focus is visible.
    const mark = markOf(el, 'a1')!;
    (mark as HTMLElement).focus();
    const button = mark.shadowRoot!.querySelector('button')!;
    expect(mark.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-expanded') === 'true');
    expect(getComputedStyle(button, null).outlineStyle).to.not.equal('none');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-expanded') === 'false');
  });

  it('shows the redline inline on a phone, with every control large enough to tap', async () => {
    await setViewport({ width: 390, height: 800 });
    const { current } = await revisionPair(true);
    const el = await shown(current);
    await turnOn(el);
    markOf(el, 'a1')!.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => redlineOf(el, 'a1'));
    const redline = redlineOf(el, 'a1')!;
    await (redline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(redline.shadowRoot!.querySelector('.sides')!).display).to.equal('none');
    const inline = redline.shadowRoot!.querySelector('.inline')!;
    expect(visible(inline)).to.equal(true);
    expect(squeeze(inline.querySelector('ins')?.textContent)).to.equal('新增：等法律、行政法规（新增结束）');
    expect(redline.getBoundingClientRect().right).to.be.at.most(390);
    const small = smallControls(summaryOf(el)!.shadowRoot!).concat(smallControls(markOf(el, 'a1')!.shadowRoot!));
    expect(small).to.deep.equal([]);
  });

  it('follows the reader’s text size and high contrast', async () => {
    const { current } = await revisionPair(true);
    const el = await shown(current);
    await turnOn(el);
    const tag = markOf(el, 'a1')!.shadowRoot!.querySelector('[part="tag"]')!;
    const size = () => Number.parseFloat(getComputedStyle(tag).fontSize);
    const before = size();
    el.textSize = 3;
    el.contrast = true;
    await el.updateComplete;
    expect(size()).to.be.at.least(before * 1.5 - 0.5);
    expect(getComputedStyle(tag).color).to.equal('rgb(0, 0, 0)');
    // The summary and toggle survive the document's re-render.
    expect(toggleOf(el)!.getAttribute('aria-pressed')).to.equal('true');
    expect(summaryOf(el)!.isConnected).to.equal(true);
    el.textSize = 0;
    el.contrast = false;
    localStorage.removeItem('gongkai:reader');
  });

  it('prints every redline of a clause that changed, without the buttons', async () => {
    const { current } = await revisionPair(true);
    const el = await shown(current);
    await turnOn(el);
    window.dispatchEvent(new Event('beforeprint'));
    await emulateMedia({ media: 'print' });
    const redline = redlineOf(el, 'a1')!;
    await (redline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(visible(redline)).to.equal(true);
    expect(getComputedStyle(markOf(el, 'a1')!.shadowRoot!.querySelector('button')!).display).to.equal('none');
    expect(visible(summaryOf(el)!)).to.equal(true);
    await emulateMedia({ media: 'screen' });
    window.dispatchEvent(new Event('afterprint'));
    await waitUntil(() => !visible(redline));
  });

  it('in enhance mode, compares the page’s article with the previous version the interpretation file names', async () => {
    const { previous, paragraphs } = await revisionPair(true);
    const undo = servePrevious(previous);
    try {
      const partial = { schemaVersion: 1, revisionOf: { label: '2020年版', url: PREVIOUS_URL } };
      const el = await fixture<GkDocument>(html`<gk-document lang="zh-Hans" .bundle=${partial}>
        <div class="TRS_Editor">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>
      </gk-document>`);
      await waitUntil(() => toggleOf(el), 'the 修改对照 toggle did not appear', { timeout: 8000 });
      const expected = compareTexts(previous.clauses!, el.clauses).summary;
      const line = squeeze(summaryOf(el)!.shadowRoot!.querySelector('[part="summary"]')?.textContent);
      expect(line).to.equal(
        `与2020年版相比：修改 ${expected.modified} 条，新增 ${expected.added} 条，删除 ${expected.removed} 条（另有 ${expected.renumbered} 条仅调整序号）。`,
      );
      // The previous version is linked, as the file names it.
      expect(summaryOf(el)!.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(PREVIOUS_URL);
      await turnOn(el);
      // The marks are in the page's own article.
      const second = el.clauses.find((c) => c.number === '第二条')!;
      const mark = markOf(el, second.id)!;
      expect(el.contains(mark)).to.equal(true);
      expect(wordsOf(mark)).to.deep.equal(['修改']);
      expect(el.querySelectorAll('gk-change-redline[removed]').length).to.equal(expected.removed);
      await expect(el).to.be.accessible();
    } finally {
      undo();
    }
  });

  it('when the previous version cannot be had, says so and the article still reads', async () => {
    const undo = servePrevious({ schemaVersion: 1, id: 'x' }, 404);
    try {
      const el = await fixture<GkDocument>(html`<gk-document lang="zh-Hans"
        .bundle=${{ schemaVersion: 1, revisionOf: { url: PREVIOUS_URL } }}>
        <div><p>第一条 为了规范管理，制定本办法。</p><p>第二条 本办法自发布之日起施行。</p></div>
      </gk-document>`);
      await waitUntil(() => summaryOf(el)?.shadowRoot?.querySelector('[role="alert"]'), 'no notice', { timeout: 5000 });
      const notice = squeeze(summaryOf(el)!.shadowRoot!.querySelector('[role="alert"]')!.textContent);
      expect(notice).to.contain('无法取得上一版本');
      expect(notice).to.contain(PREVIOUS_URL);
      expect(toggleOf(el)).to.equal(undefined);
      expect(el.clauses.length).to.equal(2);
    } finally {
      undo();
    }
  });

  it('a comparison that does not match the text shows a notice, fires gk-error, and the document still reads', async () => {
    const { current } = await revisionPair(true);
    const comparison = structuredClone(current.comparison!);
    const a1 = comparison.changes.find((c) => c.to?.id === 'a1')!;
    a1.ops = [[0, '第一条 一段与正文不同的文字。']];
    comparison.changes.push({ kind: 'added', to: { id: 'z9', number: '第九十九条' }, ops: [[1, '第九十九条 ……']] });
    const bundle: Bundle = { ...current, comparison };
    const el = document.createElement('gk-document');
    el.lang = 'zh-Hans';
    const error = oneEvent(el, 'gk-error');
    el.bundle = bundle;
    document.body.append(el);
    try {
      const { detail } = await error;
      expect(detail.problems.map((p: { path: string }) => p.path)).to.include.members([
        `$.comparison.changes[${comparison.changes.indexOf(a1)}]`,
        `$.comparison.changes[${comparison.changes.length - 1}].to.id`,
      ]);
      await waitUntil(() => summaryOf(el)?.shadowRoot?.querySelector('[role="alert"]'), 'no notice');
      const notice = squeeze(summaryOf(el)!.shadowRoot!.querySelector('[role="alert"]')!.textContent);
      expect(notice).to.contain('修改对照有误');
      expect(notice).to.contain('第一条的修改与正文不一致');
      expect(notice).to.contain('“z9”不是');
      expect(toggleOf(el)).to.equal(undefined);
      expect(el.clauses.length).to.equal(current.clauses!.length);
      expect(squeeze(bodyOf(el).textContent)).to.contain('等法律、行政法规');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('speaks the page’s language', async () => {
    const { current } = await revisionPair(true);
    const el = await shown(current, { lang: 'en' });
    const s = current.comparison!.summary;
    expect(toggleOf(el)!.textContent).to.equal('Show changes');
    expect(squeeze(summaryOf(el)!.shadowRoot!.querySelector('[part="summary"]')?.textContent)).to.equal(
      `Compared with 2020年版: ${s.modified} clauses modified, ${s.added} added, ${s.removed} removed (${s.renumbered} more only renumbered).`,
    );
    await turnOn(el);
    expect(wordsOf(markOf(el, 'a6'))).to.deep.equal(['Added']);
  });

  it('takes its marks away when the document is given a bundle without a comparison', async () => {
    const { current } = await revisionPair(true);
    const el = await shown(current);
    await turnOn(el);
    const { comparison: _c, revisionOf: _r, ...plain } = current;
    el.bundle = { ...plain };
    await waitUntil(() => !summaryOf(el), 'the summary stayed');
    expect(toggleOf(el)).to.equal(undefined);
    expect(bodyOf(el).querySelector('gk-change-mark, gk-change-redline')).to.equal(null);
  });

  it('in gk-policy enhancing an article, a relative revisionOf.url is read from the interpretation file’s folder, not the page’s', async () => {
    const { previous, paragraphs } = await revisionPair(true);
    const undo = servePrevious(previous);
    // The interpretation file sits one folder below the previous version's bundle.
    const INTERPRETATION = '/policies/2024/interpretation.json';
    const interpretation = {
      schemaVersion: 1,
      revisionOf: { label: '2020年版', url: '../beijing-business-environment-2020.json' },
    };
    const served = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname !== INTERPRETATION) return served(input, init);
      return Promise.resolve(
        new Response(JSON.stringify(interpretation), { headers: { 'content-type': 'application/json' } }),
      );
    };
    try {
      const policy = await fixture<GkPolicy>(html`<gk-policy lang="zh-Hans" interpretation=${INTERPRETATION}>
        <div class="TRS_Editor">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>
      </gk-policy>`);
      const doc = () => policy.shadowRoot!.querySelector('gk-document') as GkDocument | null;
      await waitUntil(
        () => doc() && summaryOf(doc()!)?.shadowRoot?.querySelector('[part="summary"], [role="alert"]'),
        'no summary',
        {
          timeout: 8000,
        },
      );
      // No notice (无法取得上一版本…): the file was found where the interpretation file said.
      expect(squeeze(summaryOf(doc()!)!.shadowRoot!.querySelector('[role="alert"]')?.textContent)).to.equal('');
      await waitUntil(() => toggleOf(doc()!), 'the 修改对照 toggle did not appear', { timeout: 8000 });
      expect(squeeze(summaryOf(doc()!)!.shadowRoot!.textContent)).to.contain('与2020年版相比');
      // Its link leads to the file the interpretation file named, wherever the page is.
      expect(summaryOf(doc()!)!.shadowRoot!.querySelector('a')!.href).to.equal(
        new URL(PREVIOUS_URL, location.href).href,
      );
    } finally {
      window.fetch = served;
      undo();
    }
  });

  it('in gk-policy, the document shows the comparison its bundle carries, and the navigation leads to it', async () => {
    const { current } = await revisionPair(true);
    const policy = await fixture<GkPolicy>(html`<gk-policy lang="zh-Hans" .bundle=${current}></gk-policy>`);
    const doc = () => policy.shadowRoot!.querySelector('gk-document') as GkDocument | null;
    await waitUntil(() => doc() && toggleOf(doc()!), 'no 修改对照 in gk-policy', { timeout: 5000 });
    expect(squeeze(summaryOf(doc()!)!.shadowRoot!.textContent)).to.contain('与2020年版相比');
    // Its section navigation has a 修改对照 entry: the changes shown, the document's toggle focused.
    const entry = [...policy.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="sections"] button')].find(
      (b) => b.textContent?.trim() === '修改对照',
    )!;
    entry.click();
    await waitUntil(
      () => toggleOf(doc()!)!.getAttribute('aria-pressed') === 'true',
      'the entry did not show the changes',
    );
    expect(doc()!.shadowRoot!.activeElement).to.equal(toggleOf(doc()!));
    expect(visible(markOf(doc()!, 'a1')!)).to.equal(true);
    // A policy with no previous version has no such entry.
    const { comparison: _c, revisionOf: _r, ...plain } = current;
    const other = await fixture<GkPolicy>(html`<gk-policy lang="zh-Hans" .bundle=${plain}></gk-policy>`);
    await waitUntil(() => other.shadowRoot!.querySelector('[part="sections"] button'));
    const labels = [...other.shadowRoot!.querySelectorAll('[part="sections"] button')].map((b) =>
      b.textContent?.trim(),
    );
    expect(labels).to.not.include('修改对照');
  });

  it('in gk-policy, 只看修改的条文 takes the notes of hidden clauses out of the column: the others stay beside their clause', async () => {
    await setViewport({ width: 1280, height: 900 });
    const clause = (n: number, text: string) => ({
      id: `a${n}`,
      number: `第${'一二三四'[n - 1]}条`,
      level: 1,
      parent: null,
      title: '',
      text: `第${'一二三四'[n - 1]}条　${text}`,
    });
    const before = [
      clause(1, '为了规范政务公开，制定本办法。本办法所称政务公开，是指行政机关公开其管理和服务信息的活动。'),
      clause(2, '本办法适用于本市各级行政机关，以及法律、法规授权的具有管理公共事务职能的组织。'),
      clause(3, '行政机关应当自收到申请之日起二十个工作日内予以答复。'),
    ];
    const after = [before[0]!, before[1]!, clause(3, '行政机关应当自收到申请之日起十五个工作日内予以答复。')];
    const long = '这一条说明了本办法的目的和政务公开的含义，'.repeat(8);
    const bundle = {
      schemaVersion: 1,
      id: 'notes-filtered',
      meta: { title: '示例办法' },
      body: after.map((c) => c.text).join('\n\n'),
      clauses: after,
      interpretations: [
        { target: { clause: 'a1' }, body: long },
        { target: { clause: 'a2' }, body: long },
        { target: { clause: 'a3' }, body: '答复期限缩短为十五个工作日。' },
      ],
      revisionOf: { label: '征求意见稿', id: 'notes-draft' },
      comparison: compareTexts(before, after),
    };
    const policy = await fixture<GkPolicy>(html`<gk-policy lang="zh-Hans" .bundle=${bundle}></gk-policy>`);
    const doc = () => policy.shadowRoot!.querySelector('gk-document') as GkDocument;
    await waitUntil(() => doc() && toggleOf(doc()), 'no 修改对照 in gk-policy', { timeout: 5000 });
    const notes = () => policy.shadowRoot!.querySelector('gk-interpretation')!.shadowRoot!;
    const group = (id: string) => notes().querySelector<HTMLElement>(`.group[data-clause="${id}"]`)!;
    await waitUntil(() => group('a3'), 'no notes in the column');
    await turnOn(doc());
    summaryOf(doc())!.shadowRoot!.querySelector<HTMLButtonElement>('[part="filter"]')!.click();
    await waitUntil(() => !visible(doc().clauseMarker('a1')!.parentElement!), 'the unchanged clause stayed');
    // The notes of hidden clauses are not shown; the changed clause's note is beside it.
    await waitUntil(() => group('a1').hidden && group('a2').hidden, 'the notes of hidden clauses stayed');
    await waitUntil(
      () =>
        Math.abs(group('a3').getBoundingClientRect().top - doc().clauseMarker('a3')!.getBoundingClientRect().top) < 8,
      'the note of 第三条 is not beside its clause',
    );
    // Shown again with all the clauses.
    summaryOf(doc())!.shadowRoot!.querySelector<HTMLButtonElement>('[part="filter"]')!.click();
    await waitUntil(() => !group('a1').hidden, 'the note of 第一条 did not come back');
  });

  it('is accessible with the changes shown', async () => {
    const { current } = await revisionPair(true);
    const el = await shown(current);
    await turnOn(el);
    await expect(el).to.be.accessible();
  });
});
