import '@gongkai/elements';
import type { GkDocument } from '@gongkai/elements';
import type { Interpretation } from '@gongkai/format';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { smallBundle, smallNotes } from '../helpers/notes.js';
import { smallControls } from '../helpers/targets.js';

let pairs = 0;
async function pair(layout: 'column' | 'popover', width = 1000) {
  const id = `doc-${++pairs}`;
  const wrapper =
    await fixture<HTMLDivElement>(html`<div style="display:grid;grid-template-columns:1fr 18em;width:${width}px">
    <gk-document id=${id} .bundle=${smallBundle()}></gk-document>
  </div>`);
  const doc = wrapper.querySelector('gk-document') as GkDocument;
  // Listen before connecting: with the chunks cached, gk-ready can come within a microtask.
  const notes = document.createElement('gk-interpretation');
  notes.layout = layout;
  notes.setAttribute('for', id);
  const ready = oneEvent(notes, 'gk-ready');
  wrapper.append(notes);
  await ready;
  await notes.updateComplete;
  return { doc, notes, root: notes.shadowRoot! };
}

/** A document with these notes, and a gk-interpretation column beside it once its notes are placed. */
async function column(id: string, interpretations: Interpretation[]) {
  const wrapper = await fixture(html`<div style="display:grid;grid-template-columns:1fr 18em;width:1000px">
    <gk-document id=${id} .bundle=${smallBundle({ interpretations })}></gk-document>
  </div>`);
  const notes = document.createElement('gk-interpretation');
  notes.layout = 'column';
  notes.setAttribute('for', id);
  const ready = oneEvent(notes, 'gk-ready');
  wrapper.append(notes);
  await ready;
  return notes;
}

describe('gk-interpretation', () => {
  it('groups notes by clause beside their clauses, aligned and never overlapping', async () => {
    const { doc, root } = await pair('column');
    const groups = () => [...root.querySelectorAll<HTMLElement>('.group')];
    expect(groups().map((g) => g.dataset.clause)).to.deep.equal(['1.1', '1.2', '2.1']);
    const placed = () =>
      groups().every((group, i, all) => {
        const box = group.getBoundingClientRect();
        const marker = doc.clauseMarker(group.dataset.clause!)!.getBoundingClientRect();
        const previous = all[i - 1]?.getBoundingClientRect();
        const alignedOrPushed = Math.abs(box.top - marker.top) < 2 || (previous && box.top >= previous.bottom);
        return alignedOrPushed && (!previous || box.top >= previous.bottom);
      });
    await waitUntil(placed, 'notes are not beside their clauses', { timeout: 2000 });
  });

  it('shows the newest note as an update, keeps the earlier one, and says who interprets', async () => {
    const { root } = await pair('column');
    const group = root.querySelector('.group[data-clause="1.1"]')!;
    expect(group.querySelector('.note .update')?.textContent).to.equal('更新');
    expect(group.querySelector('.note .byline')?.textContent).to.contain('起草部门');
    const earlier = group.querySelector('details.earlier')!;
    expect(earlier.querySelector('summary')?.textContent).to.contain('此前的解读（1 条）');
    expect(earlier.textContent).to.contain('主要负责人（第一解读人）');
    expect(earlier.querySelector('strong')?.textContent).to.equal('以公开为常态');
  });

  it('shows an interview’s transcript as text, before the media link', async () => {
    const { root } = await pair('column');
    const group = root.querySelector('.group[data-clause="2.1"]')!;
    const transcript = group.querySelector('.transcript')!;
    expect(transcript.textContent).to.contain('要给群众足够的时间');
    const link = group.querySelector<HTMLAnchorElement>('a[href^="https://www.example.gov.cn/"]')!;
    expect(transcript.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('lists notes it cannot place, with the reason, instead of dropping them', async () => {
    const { root } = await pair('column');
    const orphans = root.querySelector('[part="orphans"]')!;
    expect(orphans.querySelector('h2')?.textContent).to.equal('未能定位的解读');
    expect(orphans.textContent).to.contain('这条解读的原文已修订');
    expect(orphans.querySelector('.reason')?.textContent?.length).to.be.greaterThan(4);
  });

  it('highlights the note of the clause being read and goes to a clause from its note', async () => {
    const { doc, root } = await pair('column');
    doc.scrollToClause('1.2');
    await waitUntil(() => root.querySelector('.group[data-clause="1.2"]')?.getAttribute('aria-current') === 'true');
    const go = root.querySelector<HTMLButtonElement>('.group[data-clause="2.1"] .go')!;
    const change = oneEvent(doc, 'gk-clause-change');
    go.click();
    expect((await change).detail.clause).to.equal('2.1');
  });

  it('on narrow layouts opens a clause’s notes from its button; Escape closes and returns focus', async () => {
    const { doc, root } = await pair('popover', 360);
    const tools = doc.clauseMarker('1.2')!;
    const button = tools.querySelector<HTMLButtonElement>('[part="notes"]')!;
    expect(button.getAttribute('aria-label')).to.contain('查看解读');
    button.focus();
    button.click();
    await waitUntil(() => root.querySelector('[role="dialog"]'), 'no popover');
    const dialog = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.textContent).to.contain('工作目标按年度分解');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => root.activeElement?.classList.contains('close'), 'focus did not move into the popover');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root.querySelector('[role="dialog"]'), 'popover did not close');
    expect(doc.shadowRoot!.activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows every note, as not placed and why, when the text has no clause it can recognise', async () => {
    const body = ['本通知印发后，各单位要认真贯彻执行。', '执行中遇到的问题，请及时向市政府办公室反映。'].join('\n\n');
    const wrapper = await fixture(html`<div style="width:1000px">
      <gk-document id="no-clauses" .bundle=${smallBundle({ body })}></gk-document>
    </div>`);
    const notes = document.createElement('gk-interpretation');
    notes.setAttribute('for', 'no-clauses');
    const ready = oneEvent(notes, 'gk-ready');
    wrapper.append(notes);
    expect((await ready).detail).to.include({ clauses: 0, notes: 0, orphans: smallNotes.length });
    await notes.updateComplete;
    const orphans = notes.shadowRoot!.querySelector('[part="orphans"]')!;
    expect(orphans.textContent).to.contain('原文中未识别出条款编号');
    expect(orphans.querySelectorAll('.orphan')).to.have.length(smallNotes.length);
    expect(orphans.textContent).to.contain('工作目标按年度分解');
    expect(orphans.textContent).to.contain('要给群众足够的时间');
    await expect(notes).to.be.accessible();
  });

  it('counts placed notes and orphans in gk-ready', async () => {
    const wrapper = await fixture(html`<div><gk-document id="d2" .bundle=${smallBundle()}></gk-document></div>`);
    const notes = document.createElement('gk-interpretation');
    notes.setAttribute('for', 'd2');
    const ready = oneEvent(notes, 'gk-ready');
    wrapper.append(notes);
    expect((await ready).detail).to.include({ notes: smallNotes.length - 1, orphans: 1 });
  });

  it('names the file when its interpretation file is broken', async () => {
    const wrapper = await fixture(html`<div>
      <gk-document id="d3" .bundle=${smallBundle({ interpretations: [] })}></gk-document>
      <gk-interpretation for="d3" src="/no/such/jd.json"></gk-interpretation>
    </div>`);
    const notes = wrapper.querySelector('gk-interpretation')!;
    await waitUntil(() => notes.shadowRoot?.querySelector('[part="error"]'), 'no error shown');
    expect(notes.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('/no/such/jd.json');
  });

  it('validates notes given as a property: a notice in place of a bad one, its problems in gk-error (issue 18)', async () => {
    const wrapper = await fixture(
      html`<div><gk-document id="d4" .bundle=${smallBundle({ interpretations: [] })}></gk-document></div>`,
    );
    const notes = document.createElement('gk-interpretation');
    notes.setAttribute('for', 'd4');
    notes.interpretations = [{ target: {}, body: '' } as never, { target: { clause: '1.1' }, body: '有效的解读' }];
    const error = oneEvent(notes, 'gk-error');
    wrapper.append(notes);
    const { detail } = await error;
    expect(detail.problems.map((p: { path: string }) => p.path)).to.include.members([
      '$.interpretations[0].target',
      '$.interpretations[0].body',
    ]);
    await waitUntil(() => notes.shadowRoot?.querySelector('[part="skipped"]'), 'no notice shown');
    expect(notes.shadowRoot!.querySelector('[part="skipped"]')!.textContent).to.equal(
      '此项内容有误，暂不显示，请联系网站编辑',
    );
    expect(notes.shadowRoot!.textContent).to.contain('有效的解读');
  });

  it('uses pre-rendered HTML, sanitised, each note keeping its own text even when one is hostile', async () => {
    const interpretations = [
      { target: { clause: '1.1' }, body: '第一条解读', html: '<p><em>第一条</em>解读</p>' },
      {
        target: { clause: '1.2' },
        body: '第二条解读',
        html: '</div><img src=x onerror="window.__gkPwned=7"><script>window.__gkPwned=8</script><p>第二条解读</p><div class="body">',
      },
      { target: { clause: '2.1' }, body: '第三条**解读**' },
    ];
    const notes = await column('d6', interpretations);
    const body = (clause: string) => notes.shadowRoot!.querySelector(`.group[data-clause="${clause}"] .body`)!;
    expect(body('1.1').querySelector('em')?.textContent).to.equal('第一条');
    expect(body('1.2').textContent).to.equal('第二条解读');
    expect(body('2.1').querySelector('strong')?.textContent).to.equal('解读');
    // The image may stay (notes can show one); its handler may not.
    expect(notes.shadowRoot!.querySelectorAll('script, [onerror]').length).to.equal(0);
    expect((window as { __gkPwned?: number }).__gkPwned).to.equal(undefined);
  });

  it('shortens a long note in the column, and the reader can read it whole', async () => {
    const long = '政务公开是现代政府的基本要求。'.repeat(30);
    const notes = await column('d5', [{ target: { clause: '1.1' }, body: long }]);
    const group = notes.shadowRoot!.querySelector<HTMLElement>('.group')!;
    const more = group.querySelector<HTMLButtonElement>('.more')!;
    expect(more.textContent?.trim()).to.equal('展开全文');
    const short = group.getBoundingClientRect().height;
    more.click();
    await notes.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(group.getBoundingClientRect().height).to.be.greaterThan(short * 1.5);
  });

  it('shows a short note of many lines whole, with no control to expand it', async () => {
    const list = ['一', '二', '三', '四', '五', '六', '七', '八'].map((n) => `- 第${n}项`).join('\n');
    const notes = await column('d6', [{ target: { clause: '1.1' }, body: list }]);
    const group = notes.shadowRoot!.querySelector<HTMLElement>('.group')!;
    expect(group.querySelector('.more')).to.equal(null);
    const last = [...group.querySelectorAll('li')].at(-1)!;
    expect(last.textContent).to.equal('第八项');
    expect(last.getBoundingClientRect().bottom).to.be.at.most(group.getBoundingClientRect().bottom);
  });

  it('goes to the clause from a note in the popover, closing it', async () => {
    const { doc, root } = await pair('popover', 360);
    doc.clauseMarker('2.1')!.querySelector<HTMLButtonElement>('[part="notes"]')!.click();
    await waitUntil(() => root.querySelector('[role="dialog"] .go'), 'no popover');
    const change = oneEvent(doc, 'gk-clause-change');
    root.querySelector<HTMLButtonElement>('[role="dialog"] .go')!.click();
    expect((await change).detail.clause).to.equal('2.1');
    await waitUntil(() => !root.querySelector('[role="dialog"]'), 'popover did not close');
  });

  it('prints each clause’s notes numbered, matching the number printed at the clause', async () => {
    const { doc, root } = await pair('column');
    try {
      await emulateMedia({ media: 'print' });
      const group = root.querySelector<HTMLElement>('.group[data-clause="1.2"]')!;
      const label = getComputedStyle(group, '::before').content;
      expect(label).to.match(/^"注\d+"$/);
      expect(getComputedStyle(group.querySelector('.go')!).display).to.equal('none');
      const tools = doc.clauseMarker('1.2')!;
      expect(getComputedStyle(tools, '::after').content).to.equal(`"[${label.slice(1, -1)}]"`);
      expect(getComputedStyle(tools.querySelector('[part="notes"]')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('marks the note being read with a ring as well as a colour', async () => {
    const { doc, notes, root } = await pair('column');
    doc.scrollToClause('1.2');
    await notes.updateComplete;
    const group = root.querySelector<HTMLElement>('.group[data-clause="1.2"]')!;
    expect(group.getAttribute('aria-current')).to.equal('true');
    expect(getComputedStyle(group).boxShadow).to.contain('rgb(194, 65, 12)');
    const other = root.querySelector<HTMLElement>('.group[data-clause="2.1"]')!;
    expect(getComputedStyle(other).boxShadow).to.equal('none');
  });

  it('names the clause as printed in a note’s link to it, shortened visibly with …', async () => {
    const body = ['一、总体要求', '（一）重点围绕扩大政务参与加强解读回应和舆情监测工作', '加强政策解读。'].join(
      '\n\n',
    );
    const wrapper = await fixture(html`<div style="display:grid;grid-template-columns:1fr 18em;width:1000px">
      <gk-document id="long-title" .bundle=${smallBundle({ body, interpretations: [{ target: { clause: '1.1' }, body: '解读。' }] })}></gk-document>
    </div>`);
    const notes = document.createElement('gk-interpretation');
    notes.setAttribute('for', 'long-title');
    const ready = oneEvent(notes, 'gk-ready');
    wrapper.append(notes);
    await ready;
    const go = notes.shadowRoot!.querySelector('.group[data-clause="1.1"] .go')!.textContent!;
    expect(go.startsWith('定位到原文 一、（一）重点围绕')).to.equal(true);
    expect(go.endsWith('…')).to.equal(true);
  });

  it('gives every control a 44 px square and 16 px text: on a 390 px phone with a note open', async () => {
    try {
      await setViewport({ width: 390, height: 800 });
      const wrapper = await fixture(html`<div><gk-document id="phone" .bundle=${smallBundle()}></gk-document></div>`);
      const notes = document.createElement('gk-interpretation');
      notes.setAttribute('for', 'phone');
      const ready = oneEvent(notes, 'gk-ready');
      wrapper.append(notes);
      await ready;
      const doc = wrapper.querySelector('gk-document')!;
      const button = doc.clauseMarker('1.2')!.querySelector<HTMLButtonElement>('[part="notes"]')!;
      expect(button.getClientRects().length, 'a phone has no note beside its clause').to.be.greaterThan(0);
      button.click();
      await waitUntil(() => notes.shadowRoot!.querySelector('[role="dialog"] .go'), 'no popover');
      expect(smallControls(wrapper)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('gives every control a 44 px square and 16 px text at 1280 px, with no 查看解读 beside its note', async () => {
    try {
      await setViewport({ width: 1280, height: 800 });
      const { doc } = await pair('column');
      const wrapper = doc.parentElement!;
      expect(smallControls(wrapper)).to.deep.equal([]);
      const buttons = [...doc.shadowRoot!.querySelectorAll('[part="notes"]')];
      expect(buttons.length).to.be.greaterThan(0);
      expect(buttons.filter((b) => b.getClientRects().length > 0)).to.have.length(0);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('is accessible, in both layouts', async () => {
    const column = await pair('column');
    await expect(column.notes).to.be.accessible();
    const popover = await pair('popover', 360);
    popover.doc.clauseMarker('1.1')!.querySelector<HTMLButtonElement>('[part="notes"]')!.click();
    await waitUntil(() => popover.root.querySelector('[role="dialog"]'), 'no popover (a11y)');
    await expect(popover.notes).to.be.accessible();
  });
});
