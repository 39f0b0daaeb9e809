import '@gongkai/elements';
import type { GkDocument } from '@gongkai/elements';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { examplePaths, loadExample } from '../helpers/examples.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) =>
  shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function ready(el: GkDocument) {
  await waitUntil(() => shadow(el).querySelector('[part="body"], [part="error"]'), 'gk-document did not render');
  return el;
}

describe('gk-document', () => {
  it('renders the metadata header and the body of a bundle loaded from src', async () => {
    const el = await fixture<GkDocument>(html`<gk-document src=${examplePaths.ezhou}></gk-document>`);
    await ready(el);
    expect(text(el, '[part="title"]')).to.equal('关于全面推进政务公开工作实施方案');
    const rows = [...shadow(el).querySelectorAll('[part="meta"] > div')].map(
      (row) => `${row.querySelector('dt')?.textContent}=${row.querySelector('dd')?.textContent?.trim()}`,
    );
    expect(rows).to.include.members([
      '文号=鄂州政办发〔2016〕40号',
      '索引号=011217651/2016-17811',
      '发布日期=2016-07-21',
    ]);
    expect(text(el, '[part="badge"]')).to.equal('有效');
    expect(text(el, '[part="body"]')).to.contain('一、总体要求');
    expect(shadow(el).querySelectorAll('[part="body"] p').length).to.be.greaterThan(40);
  });

  it('fires gk-ready once, with the clauses segmented from the body', async () => {
    const el = document.createElement('gk-document');
    let count = 0;
    el.addEventListener('gk-ready', () => count++);
    const event = oneEvent(el, 'gk-ready');
    el.src = examplePaths.ezhou;
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ clauses: el.clauses.length, notes: 10, orphans: 0 });
    expect(el.clauses.map((c) => c.id)).to.include.members(['1', '1.1', '2', '2.2.4', '4.3']);
    expect(el.clauses.find((c) => c.id === '1.1')?.title).to.equal('指导思想');
    expect(count).to.equal(1);
    el.remove();
  });

  it('counts anchored and orphaned interpretation notes in gk-ready', async () => {
    const bundle = await loadExample('ezhou');
    delete bundle.clauses; // a stored clause list would make the unknown 9.9 a validation error
    bundle.interpretations = [
      { target: { clause: '1.1' }, body: '指导思想的解读' },
      { target: { quote: { exact: '坚持以公开为常态、不公开为例外' } }, body: '公开原则' },
      { target: { clause: '9.9' }, body: '找不到的条款' },
    ];
    const el = document.createElement('gk-document');
    const event = oneEvent(el, 'gk-ready');
    el.bundle = bundle;
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.include({ notes: 2, orphans: 1 });
    el.remove();
  });

  it('says a repealed document is repealed, in words, and links to the current one', async () => {
    const bundle = await loadExample('ezhou');
    bundle.meta.status = 'repealed';
    bundle.meta.supersededBy = { title: '鄂州市政务公开实施办法（2020）', url: '/policies/new.html' };
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
    await ready(el);
    expect(text(el, '[part="badge"]')).to.equal('已失效');
    expect(text(el, '[part="notice"]')).to.contain('本文件已失效');
    expect(shadow(el).querySelector('[part="notice"] a')?.getAttribute('href')).to.equal('/policies/new.html');
  });

  it('uses the language of the closest lang attribute', async () => {
    const bundle = await loadExample('ezhou');
    bundle.meta.status = 'draft';
    const wrapper = await fixture(html`<div lang="en"><gk-document .bundle=${bundle}></gk-document></div>`);
    const el = await ready(wrapper.querySelector('gk-document')!);
    expect(text(el, '[part="badge"]')).to.equal('Draft for comment');
    const hant = await fixture<GkDocument>(html`<gk-document lang="zh-Hant" .bundle=${bundle}></gk-document>`);
    await ready(hant);
    expect(text(hant, '[part="badge"]')).to.equal('徵求意見稿');
  });

  it('renders hostile markdown without raw HTML, scripts or dangerous links', async () => {
    const bundle = await loadExample('ezhou');
    bundle.body = [
      '<img src=x onerror="window.__gkPwned=1">',
      '[点我](javascript:window.__gkPwned=2)',
      '[官网](https://www.gov.cn/) [电话](tel:12345)',
      '<script>window.__gkPwned=3</script>',
    ].join('\n\n');
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
    await ready(el);
    const body = shadow(el).querySelector('[part="body"]')!;
    expect(body.querySelector('img, script')).to.equal(null);
    expect(body.textContent).to.contain('<img src=x'); // shown as text, not markup
    const links = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://www.gov.cn/', 'tel:12345']);
    expect(body.textContent).to.contain('点我');
    expect((window as { __gkPwned?: number }).__gkPwned).to.equal(undefined);
  });

  it('sanitises pre-rendered HTML: no handlers, no scripts, no javascript: links', async () => {
    const bundle = await loadExample('ezhou');
    bundle.bodyHtml =
      '<p onclick="window.__gkPwned=4">一、总体要求</p><img src=x onerror="window.__gkPwned=5"><a href="javascript:window.__gkPwned=6">链接</a><a href="https://www.gov.cn/" target="_blank">政府网</a><script>window.__gkPwned=7</script><p style="color:red">（一）指导思想</p>';
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
    await ready(el);
    const body = shadow(el).querySelector('[part="body"]')!;
    expect(body.querySelector('script, [onclick], [onerror], [style]')).to.equal(null);
    const anchors = [...body.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal([null, 'https://www.gov.cn/']);
    expect(anchors[1]?.getAttribute('target')).to.equal(null);
    expect(anchors[1]?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(body.textContent).to.contain('（一）指导思想');
    expect((window as { __gkPwned?: number }).__gkPwned).to.equal(undefined);
  });

  it('shows an invalid bundle as a message naming each problem', async () => {
    const el = await fixture<GkDocument>(
      html`<gk-document .bundle=${{ schemaVersion: 1, id: 'x', meta: { title: '', status: 'gone' } }}></gk-document>`,
    );
    await ready(el);
    const message = text(el, '[part="error"]') ?? '';
    expect(message).to.contain('政策文件格式有误');
    expect(message).to.contain('$.meta.title');
    expect(message).to.contain('$.meta.status');
  });

  it('names the URL when a bundle cannot be fetched or is not JSON', async () => {
    const missing = await fixture<GkDocument>(html`<gk-document src="/no/such/policy.json"></gk-document>`);
    await ready(missing);
    expect(text(missing, '[part="error"]')).to.contain('/no/such/policy.json');
    expect(text(missing, '[part="error"]')).to.contain('404');
    const notJson = await fixture<GkDocument>(html`<gk-document src="/web-test-runner.config.mjs"></gk-document>`);
    await ready(notJson);
    expect(text(notJson, '[part="error"]')).to.contain('/web-test-runner.config.mjs');
    expect(text(notJson, '[part="error"]')).to.contain('JSON');
  });

  it('is accessible', async () => {
    const el = await fixture<GkDocument>(html`<gk-document src=${examplePaths.ezhou}></gk-document>`);
    await ready(el);
    await expect(el).to.be.accessible();
  });
});
