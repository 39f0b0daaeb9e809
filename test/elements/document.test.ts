import '@gongkai/elements';
import type { GkDocument } from '@gongkai/elements';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { examplePaths, loadExample } from '../helpers/examples.js';
import { smallControls } from '../helpers/targets.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) =>
  shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function ready(el: GkDocument) {
  await waitUntil(() => shadow(el).querySelector('[part="body"], [part="error"]'), 'gk-document did not render');
  return el;
}

/** The rendered text of the example bundle with this markdown as its body (no stored HTML). */
async function renderedMarkdown(paragraphs: string[]): Promise<Element> {
  const bundle = await loadExample('ezhou');
  delete bundle.bodyHtml; // the markdown is what is rendered
  bundle.body = paragraphs.join('\n\n');
  const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
  await ready(el);
  return shadow(el).querySelector('[part="body"]')!;
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

  it('places the clauses a built bundle lists as they are, without segmenting the text again', async () => {
    const bundle = await loadExample('ezhou');
    // Ids segmentation would never give: seeing them proves the bundle's list was used.
    const renamed = (id: string) => `art-${id.replaceAll('.', '-')}`;
    bundle.clauses = bundle.clauses!.map((c) => ({ ...c, id: renamed(c.id), parent: c.parent && renamed(c.parent) }));
    delete bundle.interpretations;
    delete bundle.qa;
    delete bundle.graphics;
    delete bundle.searchIndex;
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
    await waitUntil(() => el.clauses.length > 0, 'no clauses');
    expect(el.clauses.map((c) => c.id)).to.deep.equal(bundle.clauses.map((c) => c.id));
    // The marker of （一）指导思想 is at the start of its own paragraph.
    const paragraph = shadow(el).querySelector('#gk-clause-art-1-1')!.parentElement!.cloneNode(true) as Element;
    for (const tools of paragraph.querySelectorAll('gk-clause-tools')) tools.remove();
    expect(paragraph.textContent).to.match(/^\s*[（(]一[)）]\s*指导思想/);
    expect(shadow(el).querySelectorAll('gk-clause-tools').length).to.equal(bundle.clauses.length);
  });

  it('segments the text when the clauses a bundle lists are not in it (a body edited afterwards)', async () => {
    const bundle = await loadExample('ezhou');
    bundle.clauses = bundle.clauses!.map((c, i) => (i === 3 ? { ...c, text: '这一段已从正文删去' } : c));
    delete bundle.interpretations;
    delete bundle.qa;
    delete bundle.graphics;
    delete bundle.searchIndex;
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
    await waitUntil(() => el.clauses.length > 0, 'no clauses');
    // The segmenter's clauses: the edited one is not among them, every clause has its marker.
    expect(el.clauses.map((c) => c.text)).not.to.include('这一段已从正文删去');
    expect(el.clauses.map((c) => c.id)).to.include.members(['1', '1.1', '2']);
    expect(shadow(el).querySelectorAll('gk-clause-tools').length).to.equal(el.clauses.length);
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
    expect(text(el, '[part="badge"]')).to.equal('已废止');
    expect(text(el, '[part="notice"]')).to.contain('本文件已废止');
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

  it('sanitises pre-rendered HTML (bodyHtml) as any other HTML', async () => {
    const bundle = await loadExample('ezhou');
    bundle.bodyHtml =
      '<p>一、总体要求</p><img src=x onerror="window.__gkPwned=4"><script>window.__gkPwned=5</script>' +
      '<p><a href="javascript:window.__gkPwned=6">点我</a> <a href="https://www.gov.cn/">官网</a></p>';
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
    await ready(el);
    const body = shadow(el).querySelector('[part="body"]')!;
    expect(body.querySelector('script, [onerror]')).to.equal(null);
    expect([...body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://www.gov.cn/',
    ]);
    expect(body.textContent).to.contain('点我');
    expect((window as { __gkPwned?: number }).__gkPwned).to.equal(undefined);
  });

  it('renders hostile markdown without raw HTML, scripts or dangerous links', async () => {
    const body = await renderedMarkdown([
      '<img src=x onerror="window.__gkPwned=1">',
      '[点我](javascript:window.__gkPwned=2)',
      '[官网](https://www.gov.cn/) [电话](tel:12345)',
      '<script>window.__gkPwned=3</script>',
    ]);
    expect(body.querySelector('img, script')).to.equal(null);
    expect(body.textContent).to.contain('<img src=x'); // shown as text, not markup
    const links = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://www.gov.cn/', 'tel:12345']);
    expect(body.textContent).to.contain('点我');
    expect((window as { __gkPwned?: number }).__gkPwned).to.equal(undefined);
  });

  it('renders plain paragraphs and markdown between them in their order', async () => {
    const body = await renderedMarkdown([
      '一、总体要求',
      '　　坚持**以公开为常态**。',
      '1. 第一项\n2. 第二项',
      '<b>不是标签</b>，也不是 [链接](javascript:void(0))',
      '二、工作任务\n续行',
    ]);
    const blocks = [...body.children].map((b) => {
      const copy = b.cloneNode(true) as Element;
      for (const tools of copy.querySelectorAll('gk-clause-tools')) tools.remove();
      return `${b.tagName} ${copy.textContent?.trim()}`;
    });
    expect(blocks).to.deep.equal([
      'P 一、总体要求',
      'P 坚持以公开为常态。',
      'OL 第一项\n第二项',
      'P <b>不是标签</b>，也不是 [链接](javascript:void(0))',
      'P 二、工作任务\n续行',
    ]);
    expect(body.querySelector('p strong')?.textContent).to.equal('以公开为常态');
    expect(body.querySelector('b, a')).to.equal(null);
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

  it('lists the top two levels in its table of contents, and goes to a clause from it', async () => {
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
    await ready(el);
    await waitUntil(() => shadow(el).querySelector('[part="toc"]'), 'no table of contents');
    const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="toc"] a')];
    expect(links[0]?.textContent?.trim()).to.equal('一、 总体要求');
    expect(links.every((a) => /^#clause=\d+(\.\d+)?$/.test(a.getAttribute('href') ?? ''))).to.equal(true);
    const change = oneEvent(el, 'gk-clause-change');
    links.find((a) => a.getAttribute('href') === '#clause=4.3')!.click();
    expect((await change).detail.clause).to.equal('4.3');
    expect(location.hash).to.equal('#clause=4.3');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('lists only chapters in the contents of a long regulation, with short titles', async () => {
    const articles = Array.from(
      { length: 60 },
      (_, i) => `第${i + 1}条 本条规定了政务公开工作中需要遵守的一项相当长的要求，以便测试目录。`,
    );
    const body = ['## 第一章 总则', ...articles.slice(0, 30), '## 第二章 公开内容', ...articles.slice(30)].join('\n\n');
    const el = await fixture<GkDocument>(
      html`<gk-document .bundle=${{ schemaVersion: 1, id: 'law', meta: { title: '条例' }, body }}></gk-document>`,
    );
    await waitUntil(() => shadow(el).querySelector('[part="toc"]'), 'no table of contents');
    const entries = [...shadow(el).querySelectorAll('[part="toc"] a')].map((a) => a.textContent?.trim());
    expect(entries).to.deep.equal(['第一章 总则', '第二章 公开内容']);
  });

  it('opens a deep link #clause=… at that clause', async () => {
    history.replaceState(null, '', '#clause=2.2');
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
    await waitUntil(() => el.current === '2.2', 'deep link not followed');
    const top = () => el.clauseMarker('2.2')!.getBoundingClientRect().top;
    await waitUntil(() => top() >= -1 && top() < window.innerHeight, 'the clause is not in view', { timeout: 3000 });
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('marks only the clause whose note is current, with a rule at its start and aria-current', async () => {
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
    await ready(el);
    await waitUntil(() => el.clauses.length > 0);
    const marked = () => [...shadow(el).querySelectorAll<HTMLElement>('[data-gk-current]')];
    el.setNoteCounts(new Map([['2.2', 1]]));
    // A clause without notes is never marked: beside a note, it would seem to be the one explained.
    el.scrollToClause('2.1');
    expect(el.current).to.equal('2.1');
    expect(marked()).to.have.length(0);
    el.scrollToClause('2.2');
    expect(marked().length).to.be.greaterThan(0);
    expect(marked()).to.include(el.clauseMarker('2.2')!.closest('[data-gk-current]'));
    expect(marked()[0]!.getAttribute('aria-current')).to.equal('true');
    expect(getComputedStyle(marked()[0]!).boxShadow).to.contain('rgb(194, 65, 12)');
    el.scrollToClause('2.1');
    expect(marked()).to.have.length(0);
    expect(shadow(el).querySelectorAll('[aria-current]')).to.have.length(0);
  });

  it('keeps lines to about 40 characters on a wide screen, and every control large enough to tap', async () => {
    try {
      await setViewport({ width: 1280, height: 800 });
      const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
      await ready(el);
      const paragraph = shadow(el).querySelector<HTMLElement>('[part="body"] p')!;
      const characters =
        paragraph.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(paragraph).fontSize);
      expect(characters).to.be.within(30, 40.5);
      expect(smallControls(el)).to.deep.equal([]);
      await setViewport({ width: 390, height: 800 });
      await waitUntil(() => el.hasAttribute('narrow'));
      expect(smallControls(el)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('enhancing a page that shows its own metadata, leaves it out and keeps the paragraphs apart', async () => {
    const meta = { title: '关于全面推进政务公开工作实施方案', docNumber: '鄂州政办发〔2016〕40号', status: 'valid' };
    const article = html`<div class="cms-article">
      <p>一、总体要求</p>
      <p>（一）指导思想</p>
      <p>全面贯彻落实党的十八大精神。</p>
    </div>`;
    // Without a table of its own in the page, the header is shown; header="none" leaves it out.
    const alone = await fixture<GkDocument>(
      html`<gk-document .bundle=${{ schemaVersion: 1, meta }}>${article}</gk-document>`,
    );
    await waitUntil(() => alone.clauses.length > 0);
    expect(text(alone, '[part="title"]')).to.equal(meta.title);
    const none = await fixture<GkDocument>(
      html`<gk-document header="none" .bundle=${{ schemaVersion: 1, meta: { ...meta, status: 'draft' } }}>${article}</gk-document>`,
    );
    await waitUntil(() => none.clauses.length > 0);
    await none.updateComplete;
    expect(shadow(none).querySelector('[part="title"], [part="meta"]')).to.equal(null);
    expect(text(none, '[part="notice"]')).to.contain('征求意见稿');

    const page = await fixture<HTMLDivElement>(html`<div class="cms-page">
      <style>.cms-page p { margin: 0; padding: 0; }</style>
      <table><tr><td>文号</td><td>鄂州政办发〔2016〕40号</td></tr></table>
      <gk-document .bundle=${{ schemaVersion: 1, meta }}>${article}</gk-document>
    </div>`);
    const el = page.querySelector('gk-document')!;
    await waitUntil(() => el.clauses.length > 0, 'the article was not enhanced');
    expect(shadow(el).querySelector('[part="header"]')).to.equal(null);
    const paragraphs = [...page.querySelectorAll('.cms-article p')];
    const gap = paragraphs[2]!.getBoundingClientRect().top - paragraphs[1]!.getBoundingClientRect().bottom;
    expect(gap).to.be.at.least(12);
  });

  it('leaves the CMS page tools under an enhanced article out of its last clause', async () => {
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${{ schemaVersion: 1, meta: { title: '办法' } }}>
      <div class="cms-article">
        <p>第一条 为了规范管理，制定本办法。</p>
        <p>第二条 本办法自发布之日起施行。【我要纠错】</p>
        <p>责任编辑：张三</p>
        <p>【打印本页】【关闭窗口】</p>
        <p>扫一扫在手机打开当前页</p>
      </div>
    </gk-document>`);
    await waitUntil(() => el.clauses.length > 0, 'the article was not enhanced');
    expect(el.clauses.map((c) => c.text)).to.deep.equal([
      '第一条 为了规范管理，制定本办法。',
      '第二条 本办法自发布之日起施行。',
    ]);
  });

  it('starts with its contents collapsed on a phone, where they would push the text away', async () => {
    try {
      await setViewport({ width: 390, height: 800 });
      const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
      await waitUntil(() => el.hasAttribute('narrow') && shadow(el).querySelector('[part="toc"] details'));
      await el.updateComplete;
      expect(shadow(el).querySelector<HTMLDetailsElement>('[part="toc"] details')!.open).to.equal(false);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('gives every clause an anchor and a copy-link control', async () => {
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
    await ready(el);
    await waitUntil(() => el.clauses.length > 0);
    const tools = [...shadow(el).querySelectorAll('gk-clause-tools')];
    expect(tools.length).to.equal(el.clauses.length);
    expect(tools.every((t) => t.id === `gk-clause-${t.getAttribute('clause')}`)).to.equal(true);
  });

  it('lets the reader enlarge the text in steps and switch to high contrast, remembered', async () => {
    localStorage.removeItem('gongkai:reader');
    const el = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
    await ready(el);
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="controls"] button')];
    const [smaller, larger, contrast] = buttons;
    const size = () => Number.parseFloat(getComputedStyle(shadow(el).querySelector('[part="body"] p')!).fontSize);
    const before = size();
    expect(smaller!.disabled).to.equal(true);
    for (let i = 0; i < 3; i++) {
      larger!.click();
      await el.updateComplete;
    }
    expect(larger!.disabled).to.equal(true);
    expect(size()).to.be.at.least(before * 1.5 - 0.5);
    contrast!.click();
    await el.updateComplete;
    expect(el.hasAttribute('contrast')).to.equal(true);
    expect(contrast!.getAttribute('aria-pressed')).to.equal('true');
    const again = await fixture<GkDocument>(html`<gk-document .bundle=${await loadExample('ezhou')}></gk-document>`);
    expect(again.textSize).to.equal(3);
    expect(again.contrast).to.equal(true);
    localStorage.removeItem('gongkai:reader');
  });

  it('is accessible', async () => {
    const el = await fixture<GkDocument>(html`<gk-document src=${examplePaths.ezhou}></gk-document>`);
    await ready(el);
    await expect(el).to.be.accessible();
  });
});
