import '@gongkai/elements';
import type { GkChart } from '@gongkai/elements';
import type { ChartData, Graphic } from '@gongkai/format';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { loadChartEngine } from '../../packages/elements/src/internal/lazy.js';

/** 政务公开 figures of a city government (2021 annual report): items published by channel. */
const published: ChartData = {
  type: 'bar',
  labels: ['政府网站', '政务微博', '政务微信', '报刊'],
  datasets: [
    { label: '2020年', data: [12500, 3400, 5200, 860] },
    { label: '2021年', data: [15800, 3900, 7100, 720] },
  ],
  unit: '条',
};

const caption = '各渠道公开政府信息数量';
const description = '2021年政府网站公开信息1.58万条，比2020年增加3300条；政务微信增长最快。';

async function chart(data: ChartData = published) {
  const el = await fixture<GkChart>(
    html`<gk-chart .data=${data} caption=${caption} description=${description}></gk-chart>`,
  );
  await waitUntil(() => el.rendered, 'the chart was not drawn', { timeout: 5000 });
  return { el, root: el.shadowRoot! };
}

describe('gk-chart', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('draws the chart on a canvas that is an image named by the caption, described by the text', async () => {
    const { root } = await chart();
    const canvas = root.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    const name = root.getElementById(canvas.getAttribute('aria-labelledby')!)!;
    expect(name.textContent?.trim()).to.equal(caption);
    const described = root.getElementById(canvas.getAttribute('aria-describedby')!)!;
    expect(described.textContent).to.equal(description);
    expect(canvas.width).to.be.greaterThan(0);
    expect(root.querySelector('[part="description"]')!.checkVisibility()).to.equal(true);
  });

  it('opens a real table of the numbers, formatted with 万 and the unit, from a button', async () => {
    const { root } = await chart();
    const button = root.querySelector<HTMLButtonElement>('button[part="toggle"]')!;
    const region = root.querySelector<HTMLElement>('[part="table"]')!;
    expect(button.textContent?.trim()).to.equal('查看数据表');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(region.checkVisibility()).to.equal(false);
    button.click();
    await (root.host as GkChart).updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(region.id);
    expect(region.checkVisibility()).to.equal(true);
    const table = region.querySelector('table')!;
    expect(table.caption?.textContent).to.equal(caption);
    const headers = [...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')]);
    expect(headers).to.deep.equal([
      ['项目', 'col'],
      ['2020年', 'col'],
      ['2021年', 'col'],
    ]);
    const first = table.querySelector('tbody tr')!;
    expect(first.querySelector('th')?.getAttribute('scope')).to.equal('row');
    expect([...first.querySelectorAll('th, td')].map((c) => c.textContent)).to.deep.equal([
      '政府网站',
      '1.25万条',
      '1.58万条',
    ]);
    expect(table.querySelectorAll('tbody tr')[3]?.textContent).to.contain('860条');
  });

  it('formats for the reader’s language: 亿 and %, 萬 in zh-Hant, K in English', async () => {
    const budget: ChartData = {
      type: 'pie',
      labels: ['教育', '卫生'],
      datasets: [{ label: '支出', data: [320000000, 86000000] }],
      unit: '元',
    };
    const rate: ChartData = {
      type: 'line',
      labels: ['2019', '2020'],
      datasets: [{ label: '办结率', data: [96.5, 99.25] }],
      unit: '%',
    };
    const texts = async (data: ChartData, lang: string) => {
      const wrap = await fixture(
        html`<div lang=${lang}><gk-chart .data=${data} caption="x" description="y"></gk-chart></div>`,
      );
      const el = wrap.querySelector('gk-chart')!;
      await el.updateComplete;
      return [...el.shadowRoot!.querySelectorAll('td')].map((td) => td.textContent);
    };
    expect(await texts(budget, 'zh-CN')).to.deep.equal(['3.2亿元', '8600万元']);
    expect(await texts(rate, 'zh-CN')).to.deep.equal(['96.5%', '99.25%']);
    expect(await texts(published, 'zh-TW')).to.include('1.25萬条');
    expect(await texts(published, 'en')).to.include('12.5K 条');
  });

  it('does not animate when the reader prefers reduced motion', async () => {
    const animated = await chart();
    expect(animated.el.animated).to.equal(true);
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await chart();
    expect(still.el.animated).to.equal(false);
  });

  it('draws only when scrolled near the viewport: a long page of charts loads them as they come into view', async () => {
    await loadChartEngine();
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 4000px"></div>
      ${Array.from({ length: 10 }, () => html`<gk-chart .data=${published} caption=${caption} description=${description}></gk-chart>`)}
    </div>`);
    const charts = [...page.querySelectorAll('gk-chart')];
    await Promise.all(charts.map((c) => c.updateComplete));
    // Several frames with the engine already loaded: nothing off screen is drawn.
    for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r));
    expect(charts.filter((c) => c.rendered)).to.have.length(0);
    charts[0]!.scrollIntoView();
    await waitUntil(() => charts[0]!.rendered, 'the first chart was not drawn once in view', { timeout: 5000 });
    expect(charts[9]!.rendered).to.equal(false);
    charts[9]!.scrollIntoView();
    await waitUntil(() => charts[9]!.rendered, 'the last chart was not drawn once in view', { timeout: 5000 });
    window.scrollTo(0, 0);
  });

  it('takes a bundle graphic of kind chart', async () => {
    const graphic: Graphic = {
      id: 'g1',
      kind: 'chart',
      caption: '依申请公开办理情况',
      description: '共收到申请 1200 件，按时办结 1180 件。',
      chart: { type: 'doughnut', labels: ['按时办结', '延期办结'], datasets: [{ label: '件数', data: [1180, 20] }] },
    };
    const el = await fixture<GkChart>(html`<gk-chart .graphic=${graphic}></gk-chart>`);
    await waitUntil(() => el.rendered, 'not drawn', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('figcaption')?.textContent?.trim()).to.equal('依申请公开办理情况');
    expect(el.shadowRoot!.querySelector('[part="description"]')?.textContent).to.contain('1180');
  });

  it('names what is wrong in bad data, and draws nothing', async () => {
    const bad = { type: 'bars', labels: ['a'], datasets: [{ label: 'x', data: ['多'] }] } as unknown as ChartData;
    const el = await fixture<GkChart>(html`<gk-chart .data=${bad} caption="" description="y"></gk-chart>`);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('图表数据有误');
    const paths = [...alert.querySelectorAll('code')].map((c) => c.textContent);
    expect(paths).to.include.members(['caption', 'data.type', 'data.datasets[0].data[0]']);
    expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    const missing = await fixture<GkChart>(html`<gk-chart caption="x" description="y"></gk-chart>`);
    expect(missing.shadowRoot!.textContent).to.contain('未提供图表数据');
  });

  it('is accessible, with the table open too', async () => {
    const { el, root } = await chart();
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button[part="toggle"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
