import '@gongkai/elements';
import '@gongkai/elements/staff';
import type { GkWorkbench } from '@gongkai/elements/staff';
import { anchor, carryNotes, type Interpretation, reanchorNotes, segment, validate } from '@gongkai/format';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

// A regulation and its revision: an article inserted (the rest renumbered), the passage a note
// explains rewritten, the commencement article rewritten in place.
const V1 = [
  '第一条 为了优化营商环境，制定本条例。',
  '第二条 市人民政府应当建立优化营商环境工作协调机制，统筹推进全市优化营商环境工作。',
  '第三条 政府有关部门应当推进监管信息互联互通，实现无纸化通关，涉及国家秘密的特殊情况除外。',
  '第四条 本条例自2020年4月28日起施行。',
].join('\n\n');
const V2 = [
  '第一条 为了优化营商环境，制定本条例。',
  '第二条 本市建立营商环境监测评价制度。',
  '第三条 市人民政府应当建立优化营商环境工作协调机制，统筹推进全市优化营商环境工作。',
  '第四条 政府有关部门应当推进监管信息互联互通，报关单证一律以电子方式提交，海关不再另行收取纸质材料。',
  '第五条 本条例自公布之日起施行。',
].join('\n\n');

const NOTES: Interpretation[] = [
  { id: 'n1', target: { clause: 'a2' }, body: '协调机制由市政府牵头。' },
  { id: 'n2', target: { clause: 'a3' }, body: '无纸化通关的解读。' },
  { id: 'n3', target: { clause: 'a4' }, body: '施行日期的说明。' },
];
const bundleOf = (body: string, notes: Interpretation[]) => ({
  schemaVersion: 1 as const,
  id: 'bj-regulation',
  lang: 'zh-Hans' as const,
  meta: { title: '优化营商环境条例', status: 'valid' as const, published: '2024-01-01', effective: '2024-01-01' },
  body,
  clauses: segment(body),
  interpretations: notes,
});
/** V2 with V1's notes carried over, as `gongkai reanchor` writes it. */
function carried() {
  const placements = reanchorNotes(NOTES, segment(V1), segment(V2));
  return bundleOf(V2, carryNotes(NOTES, placements));
}

let keys = 0;
async function workbench(bundle: unknown, lang = 'zh-Hans', step: GkWorkbench['step'] = 'notes', width = 1200) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style="width:${width}px"><gk-workbench draft-key=${`reanchor-${Date.now()}-${keys++}`} step=${step} .bundle=${bundle}></gk-workbench></div>`,
  );
  const el = wrap.querySelector('gk-workbench')!;
  await el.updateComplete;
  const root = el.shadowRoot!;
  // The queue is a chunk of its own, loaded when notes wait; until then the step says how many.
  const waiting = (bundle as { interpretations?: Interpretation[] }).interpretations?.some((n) => n.target.pending);
  if (step === 'notes' && waiting)
    await waitUntil(() => root.querySelector('.reanchor-queue'), 'the queue did not come', { timeout: 5000 });
  return { el, root };
}

const queueItems = (root: ShadowRoot) => [...root.querySelectorAll<HTMLLIElement>('.reanchor-queue > ol > li')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttonIn = (node: ParentNode, label: string) =>
  [...node.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement;

describe('gk-workbench: notes whose place changed with a revision', () => {
  afterEach(() => localStorage.clear());

  it('lists each pending note with its old passage, the candidate marked and how close it is, in words', async () => {
    const { root } = await workbench(carried());
    expect(text(root.getElementById('reanchor-title'))).to.equal('以下解读的位置有变化，请确认或重新定位');
    const items = queueItems(root);
    expect(items).to.have.length(2);
    const [n2, n3] = items;
    const dd = [...n2!.querySelectorAll('dd')].map(text);
    expect(dd[0]).to.equal('第三条');
    expect(dd[1]).to.include('实现无纸化通关，涉及国家秘密的特殊情况除外');
    expect(text(n2!.querySelector('dd strong'))).to.equal('第四条');
    expect(text(n2!.querySelector('mark'))).to.equal('候选原文：政府有关部门应当推进监管信息互联互通');
    expect(text(n2)).to.match(/差异较大（相似度 45%）/);
    expect(text(n3!.querySelector('mark'))).to.equal('候选原文：本条例自公布之日起施行');
    for (const item of items) expect(buttonIn(item, '确认')).to.exist;
    // The note placed for sure is not in the queue: it is on the clause that holds its text now.
    const list = [...root.querySelectorAll('.items .item')].map(text);
    expect(list[0]).to.include('第三条');
    expect(list[1]).to.include('位置待确认');
    expect(list[2]).to.include('位置待确认');
  });

  it('readers see a pending note as not placed, and the self-check names it', async () => {
    const { el } = await workbench(carried());
    const { bundle } = el.getBundle();
    const valid = validate(bundle);
    expect(valid.ok, JSON.stringify(!valid.ok && valid.problems)).to.equal(true);
    if (!valid.ok) return;
    const placed = anchor(valid.value);
    expect(placed.orphans.map((o) => [o.index, o.orphan.reason])).to.deep.equal([
      [1, 'pending'],
      [2, 'pending'],
    ]);
  });

  it('confirm places the note on the candidate and moves focus to the next one', async () => {
    const { el, root } = await workbench(carried());
    buttonIn(queueItems(root)[0]!, '确认').click();
    await el.updateComplete;
    await aTimeout(0);
    const note = el.getBundle().bundle.interpretations![1]!;
    expect(note.target).to.deep.include({ clause: 'a4' });
    expect(note.target.pending).to.equal(undefined);
    expect(queueItems(root)).to.have.length(1);
    expect(root.activeElement?.closest('li')).to.equal(queueItems(root)[0]);
  });

  it('is usable from the keyboard: Tab reaches the actions, Enter confirms, the last one leaves the queue', async () => {
    const { el, root } = await workbench(carried());
    const first = buttonIn(queueItems(root)[0]!, '确认');
    first.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await aTimeout(0);
    // Focus is on the next item's confirm; Tab goes to its re-place, then delete.
    expect(text(root.activeElement)).to.equal('确认');
    await sendKeys({ press: 'Tab' });
    expect(text(root.activeElement)).to.equal('重新定位');
    await sendKeys({ press: 'Tab' });
    expect(text(root.activeElement)).to.equal('删除');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await aTimeout(50);
    expect(root.querySelector('.reanchor-queue')).to.equal(null);
    expect(el.getBundle().bundle.interpretations).to.have.length(2);
    // Deleting can be undone, as anywhere in the workbench.
    expect(text(root.querySelector('.undo'))).to.include('已删除一条解读');
  });

  it('re-place opens the clause choice; choosing a clause is the note’s place', async () => {
    const { el, root } = await workbench(carried());
    buttonIn(queueItems(root)[1]!, '重新定位').click();
    await el.updateComplete;
    await aTimeout(0);
    const select = root.getElementById('note-clause') as HTMLSelectElement;
    expect(root.activeElement).to.equal(select);
    select.value = 'a1';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const note = el.getBundle().bundle.interpretations![2]!;
    expect(note.target.clause).to.equal('a1');
    expect(note.target.pending).to.equal(undefined);
    expect(queueItems(root)).to.have.length(1);
  });

  it('a note whose passage is nowhere has no candidate to confirm: re-place or delete', async () => {
    const b = carried();
    const lost = {
      ...NOTES[1]!,
      target: {
        pending: { reason: 'clause-removed' as const, previous: { number: '第三条', text: '实现无纸化通关' } },
      },
    };
    const { root } = await workbench({ ...b, interpretations: [lost] });
    const [item] = queueItems(root);
    expect(text(item)).to.include('新文本中找不到这段原文');
    expect(buttonIn(item!, '确认')).to.equal(undefined);
    expect(buttonIn(item!, '重新定位')).to.exist;
  });

  it('reading the revised text over the previous version carries the notes: sure places kept, the rest queued', async () => {
    const { el, root } = await workbench(bundleOf(V1, NOTES), 'zh-Hans', 'source');
    const area = root.getElementById('source-text') as HTMLTextAreaElement;
    area.value = V2;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    root.getElementById('source-read')!.click();
    // The comparison engine is a chunk of its own, loaded now.
    const said = () => [...root.querySelectorAll('.notice')].map(text).join(' ');
    await waitUntil(() => said().includes('2 条解读的位置有变化，请在“解读”一步确认或重新定位'), 'no notice', {
      timeout: 5000,
    });
    const notes = el.getBundle().bundle.interpretations!;
    // 第二条 is 第三条 now: the note follows its text, not its number.
    expect(notes[0]!.target.clause).to.equal('a3');
    expect(notes[1]!.target.pending?.candidate?.clause).to.equal('a4');
    expect(notes[2]!.target.pending?.previous.number).to.equal('第四条');
    // Every other step says so, with the way to the queue.
    const moved = [...root.querySelectorAll('.notice.warn')].find((n) => text(n).includes('尚待确认'))!;
    expect(moved).to.exist;
    buttonIn(moved, '去确认').click();
    await el.updateComplete;
    await aTimeout(50);
    expect(el.step).to.equal('notes');
    expect(root.activeElement?.id).to.equal('reanchor-queue');
  });

  it('reading the same text again keeps every note on its clause, at once', async () => {
    const { el, root } = await workbench(bundleOf(V1, NOTES), 'zh-Hans', 'source');
    root.getElementById('source-read')!.click();
    await el.updateComplete;
    const notes = el.getBundle().bundle.interpretations!;
    expect(notes.map((n) => n.target.clause)).to.deep.equal(['a2', 'a3', 'a4']);
    expect(root.querySelector('.reanchor-queue')).to.equal(null);
    expect([...root.querySelectorAll('.notice')].map(text).join(' ')).not.to.include('位置有变化');
  });

  it('speaks zh-Hant and English', async () => {
    const hant = await workbench(carried(), 'zh-Hant');
    expect(text(hant.root.getElementById('reanchor-title'))).to.equal('以下解讀的位置有變化，請確認或重新定位');
    const en = await workbench(carried(), 'en');
    expect(text(en.root.getElementById('reanchor-title'))).to.equal('These notes moved: confirm or re-place them');
    expect(text(queueItems(en.root)[0])).to.include('quite different (45% similar)');
  });

  it('on a phone: the queue comes first, one column, its actions whole', async () => {
    const { el, root } = await workbench(carried(), 'zh-Hans', 'notes', 360);
    await aTimeout(100);
    expect(el.hasAttribute('narrow')).to.equal(true);
    const queue = root.querySelector('.reanchor-queue')!.getBoundingClientRect();
    const preview = root.querySelector('.preview-pane')!.getBoundingClientRect();
    expect(preview.top).to.be.greaterThan(queue.bottom);
    for (const b of queueItems(root)[0]!.querySelectorAll('button')) {
      const box = b.getBoundingClientRect();
      expect(box.right).to.be.at.most(queue.right + 1);
      expect(box.height).to.be.at.least(24);
    }
    await expect(el).to.be.accessible();
  });

  it('is accessible', async () => {
    const { el } = await workbench(carried());
    await aTimeout(300);
    await expect(el).to.be.accessible();
  });
});

describe('reading pages and a note awaiting confirmation', () => {
  it('gk-interpretation lists it among the notes not placed, saying why, and places the sure one', async () => {
    const wrapper = await fixture(html`<div style="display:grid;grid-template-columns:1fr 18em;width:1000px">
      <gk-document id="carried" .bundle=${carried()}></gk-document>
    </div>`);
    const notes = document.createElement('gk-interpretation');
    notes.layout = 'column';
    notes.setAttribute('for', 'carried');
    const ready = oneEvent(notes, 'gk-ready');
    wrapper.append(notes);
    expect((await ready).detail).to.include({ notes: 1, orphans: 2 });
    const root = notes.shadowRoot!;
    expect(text(root.querySelector('.group[data-clause="a3"]'))).to.include('协调机制由市政府牵头');
    const orphans = root.querySelector('[part="orphans"]')!;
    expect(text(orphans)).to.include('无纸化通关的解读');
    expect(text(orphans)).to.include('这条解读（原第三条）在新文本中的位置尚待起草部门确认');
    expect(text(orphans)).to.include('施行日期的说明');
    // Not beside 第四条 or 第五条, where their candidates are.
    expect(root.querySelector('.group[data-clause="a4"], .group[data-clause="a5"]')).to.equal(null);
    await expect(notes).to.be.accessible();
  });
});
