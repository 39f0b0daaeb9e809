import '@gongkai/elements';
import type { GkChart, GkDocument, GkGraphic } from '@gongkai/elements';
import type { Graphic } from '@gongkai/format';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  chartGraphic,
  handWritten,
  interpretationCompare,
  reformTimeline,
  requestSteps,
} from '../../stories/examples/graphics.js';
import { examplePaths, loadExample } from '../helpers/examples.js';

/** The two graphics of the ezhou demo bundle (figures, timeline) and every hand-written kind. */
let ezhouGraphics: Graphic[] = [];
let allGraphics: Graphic[] = [];
before(async () => {
  ezhouGraphics = (await loadExample('ezhou')).graphics ?? [];
  allGraphics = [...ezhouGraphics, ...handWritten];
});

async function graphic(graphics: Graphic[], width = 900) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="width:${width}px"><gk-graphic .graphics=${graphics}></gk-graphic></div>`,
  );
  const el = wrap.querySelector('gk-graphic')!;
  await el.whenLoaded();
  return { el, root: el.shadowRoot! };
}

const card = (root: ShadowRoot, id: string) => root.querySelector<HTMLElement>(`[data-graphic="${id}"]`)!;

describe('gk-graphic', () => {
  it('shows each card with its caption as a heading and its text alternative', async () => {
    const { root } = await graphic(allGraphics);
    const cards = [...root.querySelectorAll('[part="card"]')];
    expect(cards).to.have.length(allGraphics.length);
    for (const [i, g] of allGraphics.entries()) {
      const heading = cards[i]!.querySelector('h3')!;
      expect(heading.textContent).to.equal(g.caption);
      expect(cards[i]!.getAttribute('aria-labelledby')).to.equal(heading.id);
      // A chart's text alternative is under its canvas, inside gk-chart.
      const text = cards[i]!.textContent! + (cards[i]!.querySelector('gk-chart')?.shadowRoot?.textContent ?? '');
      expect(text).to.contain(g.description);
    }
  });

  it('shows figures as big numbers with their units and labels', async () => {
    const { root } = await graphic(ezhouGraphics);
    const items = [...card(root, 'g-figures').querySelectorAll('.figures li')];
    expect(items.map((li) => li.querySelector('.value')?.textContent)).to.deep.equal([
      '23项',
      '7个工作日',
      '24小时',
      '4%',
    ]);
    expect(items[0]!.querySelector('.label')?.textContent).to.equal('重点任务');
  });

  it('shows steps as a numbered list and a timeline as a list of dates', async () => {
    const { root } = await graphic([requestSteps, reformTimeline]);
    const steps = card(root, 'g-request').querySelectorAll('ol.steps > li');
    expect(steps).to.have.length(5);
    expect(steps[3]!.textContent).to.contain('第 4 步');
    expect(steps[3]!.textContent).to.contain('20个工作日内答复');
    const times = [...card(root, 'g-history').querySelectorAll('ol.timeline > li time')].map((t) => t.textContent);
    expect(times).to.deep.equal(['2016年7月', '2017年3月', '2019年5月', '2021年1月']);
  });

  it('puts before and after side by side, and stacks them on a phone', async () => {
    const wide = await graphic([interpretationCompare], 900);
    const [before, after] = [...card(wide.root, 'g-compare').querySelectorAll('.compare section')];
    expect(before!.querySelector('h4')?.textContent).to.equal('2016年');
    expect(after!.getBoundingClientRect().top).to.equal(before!.getBoundingClientRect().top);
    expect(after!.getBoundingClientRect().left).to.be.greaterThan(before!.getBoundingClientRect().right);
    const narrow = await graphic([interpretationCompare], 340);
    await waitUntil(() => narrow.el.hasAttribute('narrow'), 'not narrow', { timeout: 2000 });
    await narrow.el.updateComplete;
    const [b, a] = [...card(narrow.root, 'g-compare').querySelectorAll('.compare section')];
    expect(a!.getBoundingClientRect().top).to.be.greaterThan(b!.getBoundingClientRect().bottom);
  });

  it('draws a chart card through gk-chart, with the caption as the card heading', async () => {
    const { root } = await graphic([chartGraphic]);
    const chart = card(root, 'g-channels').querySelector<GkChart>('gk-chart')!;
    await waitUntil(() => chart.rendered, 'chart not drawn', { timeout: 5000 });
    const canvas = chart.shadowRoot!.querySelector('canvas')!;
    expect(chart.shadowRoot!.getElementById(canvas.getAttribute('aria-labelledby')!)?.textContent?.trim()).to.equal(
      chartGraphic.caption,
    );
    expect(card(root, 'g-channels').textContent?.match(new RegExp(chartGraphic.description, 'g'))).to.equal(null);
    expect(chart.shadowRoot!.textContent).to.contain(chartGraphic.description);
  });

  it('links clauses: a button fires gk-clause-request once and scrolls the document to it', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <gk-document id="doc-g" src=${examplePaths.ezhou}></gk-document>
      <gk-graphic for="doc-g" .graphics=${ezhouGraphics}></gk-graphic>
    </div>`);
    const doc = wrap.querySelector<GkDocument>('gk-document')!;
    const el = wrap.querySelector<GkGraphic>('gk-graphic')!;
    await waitUntil(() => doc.clauses.length > 0, 'document not loaded', { timeout: 5000 });
    await el.whenLoaded();
    el.requestUpdate();
    await el.updateComplete;
    const buttons = [
      ...card(el.shadowRoot!, 'g-figures').querySelectorAll<HTMLButtonElement>('[part="clauses"] button'),
    ];
    expect(buttons.map((b) => b.textContent?.trim())).to.include('19.积极回应社会关切');
    let count = 0;
    wrap.addEventListener('gk-clause-request', () => count++);
    const event = oneEvent(wrap, 'gk-clause-request');
    const scrolled = oneEvent(doc, 'gk-clause-change');
    buttons.find((b) => b.textContent?.includes('积极回应社会关切'))!.click();
    const { detail, composed } = await event;
    expect(detail).to.deep.equal({ clause: '2.5.19' });
    expect(composed).to.equal(true);
    expect(count).to.equal(1);
    expect((await scrolled).detail.clause).to.equal('2.5.19');
  });

  it('loads graphics from a bundle URL', async () => {
    const el = await fixture<GkGraphic>(html`<gk-graphic src=${examplePaths.ezhou}></gk-graphic>`);
    await el.whenLoaded();
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(
      ezhouGraphics.map((g) => g.caption),
    );
  });

  it('exports a card, or all of them, as one PNG 1080 px wide', async () => {
    const { el } = await graphic(allGraphics);
    const one = await el.exportImage('g-figures');
    expect(one.type).to.equal('image/png');
    const oneImage = await createImageBitmap(one);
    expect(oneImage.width).to.equal(1080);
    const all = await el.exportImage();
    const allImage = await createImageBitmap(all);
    expect(allImage.width).to.equal(1080);
    expect(allImage.height).to.be.greaterThan(oneImage.height * 3);
  });

  it('offers the image as a download from its button', async () => {
    const { root } = await graphic([requestSteps]);
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    root.querySelector<HTMLButtonElement>('[part="export"]')!.click();
    const link = await clicked;
    expect(link.download).to.equal('依申请公开怎么办.png');
    expect(link.href).to.match(/^blob:/);
  });

  it('names what is wrong when the graphics are not a list', async () => {
    const bad = { id: 'x' } as unknown as Graphic[];
    const el = await fixture<GkGraphic>(html`<gk-graphic .graphics=${bad}></gk-graphic>`);
    await el.whenLoaded();
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('政策文件格式有误');
    expect([...alert.querySelectorAll('code')].map((c) => c.textContent)).to.include('$.graphics');
    const none = await fixture<GkGraphic>(html`<gk-graphic></gk-graphic>`);
    await none.whenLoaded();
    expect(none.shadowRoot!.textContent).to.contain('未指定图解');
  });

  it('shows a short notice in place of a bad graphic, the others around it, and names its problems in gk-error (issue 18)', async () => {
    const bad = { id: 'x', kind: 'figures', caption: '数说', description: '', items: [] } as unknown as Graphic;
    const el = document.createElement('gk-graphic');
    el.graphics = [requestSteps, bad, reformTimeline];
    const errors: { path: string }[][] = [];
    el.addEventListener('gk-error', (e) => errors.push(e.detail.problems));
    const warn = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await el.whenLoaded();
    } finally {
      console.warn = warn;
    }
    const cards = [...el.shadowRoot!.querySelector('.cards')!.children];
    expect(cards.map((c) => c.getAttribute('data-graphic') ?? c.textContent!.trim())).to.deep.equal([
      requestSteps.id,
      '此项内容有误，暂不显示，请联系网站编辑',
      reformTimeline.id,
    ]);
    expect(errors).to.have.length(1);
    expect(errors[0]!.map((p) => p.path)).to.include.members(['$.graphics[1].description', '$.graphics[1].items']);
    expect(warned).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('is accessible with every kind', async () => {
    const { el } = await graphic(allGraphics);
    const chart = el.shadowRoot!.querySelector<GkChart>('gk-chart')!;
    // Charts are drawn when they come into view; with some fonts this one starts below the fold.
    chart.scrollIntoView();
    await waitUntil(() => chart.rendered, 'chart not drawn', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });
});
