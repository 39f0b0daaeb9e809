import '@gongkai/elements';
import type { GkQa } from '@gongkai/elements';
import type { QaItem } from '@gongkai/format';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { examplePaths, loadExample } from '../helpers/examples.js';
import { smallControls } from '../helpers/targets.js';

/** Small hand-written items: two categories, a clause link, markdown in an answer. */
const items: QaItem[] = [
  {
    id: 'a1',
    question: '政务公开的范围包括哪些？',
    answer: '包括**决策**、执行、管理、服务和结果公开。',
    clauses: ['1.1'],
    category: '总体要求',
  },
  { id: 'a2', question: '文件多久公开？', answer: '注明公开的文件在 7 个工作日内公开。', category: '公开时限' },
  { id: 'a3', question: '怎样申请信息公开？', answer: '向有关部门提交申请，说明所需的政府信息。' },
];

const ready = async (el: GkQa) => {
  await waitUntil(() => el.shadowRoot?.querySelector('.items, [part="error"]'), 'gk-qa did not render');
  await el.updateComplete;
  return el.shadowRoot!;
};

async function fromDemo(extra = html``) {
  const el = await fixture<GkQa>(html`<gk-qa src=${examplePaths.ezhou}>${extra}</gk-qa>`);
  return { el, root: await ready(el) };
}

async function fromItems(attrs: { endpoint?: string; policy?: string } = {}) {
  const el = await fixture<GkQa>(
    html`<gk-qa .items=${items} policy=${attrs.policy ?? `test-${Math.random()}`} endpoint=${attrs.endpoint ?? ''}></gk-qa>`,
  );
  return { el, root: await ready(el) };
}

async function type(el: GkQa, text: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const questions = (root: ShadowRoot) => [...root.querySelectorAll('summary')].map((s) => s.textContent?.trim());

describe('gk-qa', () => {
  it('lists the bundle’s questions as closed disclosure widgets with safe markdown answers', async () => {
    const { root } = await fromDemo();
    expect(root.querySelector('h2')?.textContent).to.equal('政策问答');
    expect(root.querySelectorAll('details')).to.have.length(9);
    expect(root.querySelectorAll('details[open]')).to.have.length(0);
    expect(questions(root)[0]).to.equal('什么是“五公开”？');
    expect(root.querySelector('label')?.textContent).to.equal('搜索问题');
    expect(root.querySelector('input')?.type).to.equal('search');

    const { root: small } = await fromItems();
    expect(small.querySelector('details .answer strong')?.textContent).to.equal('决策');
  });

  it('ranks search results and marks the matches in the question and an answer snippet', async () => {
    const { el, root } = await fromDemo();
    await type(el, '公开');
    const status = root.querySelector('[role="status"].status')!;
    expect(status.textContent).to.match(/^找到 \d+ 个相关问题$/);

    await type(el, '饮用水');
    expect(questions(root)).to.deep.equal(['饮用水水质信息多久公开一次？']);
    expect(root.querySelector('summary mark')?.textContent).to.equal('饮用水');
    expect(status.textContent).to.equal('找到 1 个相关问题');

    await type(el, '新闻发布会');
    expect(questions(root)[0]).to.contain('突发事件');
    const snippet = root.querySelector('.snippet')!;
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).to.include('新闻发布会');
  });

  it('finds simplified text from a traditional or full-width query', async () => {
    const { el, root } = await fromDemo();
    await type(el, '政務公開');
    expect(questions(root)).to.include('对政务公开工作有意见或建议，可以找谁？');
    expect([...root.querySelectorAll('summary mark')].map((m) => m.textContent)).to.include('政务公开');
    await type(el, '７个工作日');
    expect(questions(root)[0]).to.equal('文件印发后多久会在网上公开？');
  });

  it('offers the closest questions and the contact channel when nothing matches', async () => {
    const bundle = await loadExample('ezhou');
    bundle.consultation = {
      id: 'c-1',
      endpoint: '/api/v1',
      opens: '2016-06-01',
      closes: '2016-07-01',
      contact: '市政府办公室 0711-3830202',
    };
    const el = await fixture<GkQa>(html`<gk-qa .bundle=${bundle}></gk-qa>`);
    const root = await ready(el);
    await type(el, '水费价格调整');
    expect(root.querySelectorAll('details')).to.have.length(0);
    const none = root.querySelector('[part="no-results"]')!;
    expect(none.textContent).to.contain('没有找到与“水费价格调整”相关的问题');
    const closest = [...none.querySelectorAll('.closest button')];
    expect(closest.length).to.be.greaterThan(0);
    expect(closest[0]!.textContent?.trim()).to.equal('饮用水水质信息多久公开一次？');
    expect(none.querySelector('.contact')?.textContent).to.contain('0711-3830202');
    (closest[0] as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('details[data-id="q6"][open]'), 'suggestion did not open');
  });

  it('filters by category', async () => {
    const { el, root } = await fromDemo();
    const filter = root.querySelector('[part="filter"]')!;
    const buttons = [...filter.querySelectorAll('button')];
    expect(buttons[0]!.textContent?.trim()).to.equal('全部');
    expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('true');
    buttons.find((b) => b.textContent?.trim() === '民生信息')!.click();
    await el.updateComplete;
    expect(root.querySelectorAll('details')).to.have.length(2);
    expect(root.querySelector('.status')?.textContent).to.equal('共 2 个问题');
    await type(el, '饮用水');
    expect(questions(root)).to.deep.equal(['饮用水水质信息多久公开一次？']);
  });

  it('opens and scrolls to the question named in the hash, also on hashchange', async () => {
    history.replaceState(null, '', '#qa=q3');
    try {
      const { el, root } = await fromDemo();
      await waitUntil(() => root.querySelector('details[data-id="q3"][open]'), 'deep link not opened');
      expect(root.activeElement?.textContent).to.contain('重大决策');
      location.hash = '#qa=q8';
      await waitUntil(() => root.querySelector('details[data-id="q8"][open]'), 'hashchange not followed');
      const box = root.querySelector('details[data-id="q8"]')!.getBoundingClientRect();
      expect(box.top).to.be.lessThan(window.innerHeight);
      expect(el).to.exist;
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('copies a link to each question', async () => {
    const { root } = await fromItems();
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    try {
      const copy = root.querySelector<HTMLButtonElement>('details[data-id="a2"] .copy button')!;
      expect(copy.getAttribute('aria-label')).to.equal('复制链接：文件多久公开？');
      copy.click();
      await waitUntil(() => written.length === 1);
      expect(written[0]).to.match(/#qa=a2$/);
      await waitUntil(
        () => root.querySelector('details[data-id="a2"] .copy [role="status"]')?.textContent === '已复制链接',
      );
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('toggles a question with Enter and Space', async () => {
    const { root } = await fromItems();
    const summary = root.querySelector<HTMLElement>('details[data-id="a1"] summary')!;
    const details = summary.parentElement as HTMLDetailsElement;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => details.open, 'Enter did not open');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !details.open, 'Space did not close');
  });

  it('links an answer to its clauses: fires gk-clause-request and scrolls the document', async () => {
    const bundle = await loadExample('ezhou');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <gk-document id="qa-doc" .bundle=${bundle}></gk-document>
      <gk-qa for="qa-doc" .bundle=${bundle}></gk-qa>
    </div>`);
    const doc = wrapper.querySelector('gk-document')!;
    const el = wrapper.querySelector('gk-qa')!;
    const root = await ready(el);
    await waitUntil(() => doc.clauses.length > 0, 'document not ready');
    await el.requestUpdate();
    await el.updateComplete;
    const link = root.querySelector<HTMLAnchorElement>('details[data-id="q6"] .clauses a')!;
    expect(link.getAttribute('href')).to.equal('#clause=2.3.13');
    expect(link.textContent).to.contain('13.');
    const change = oneEvent(doc, 'gk-clause-change');
    const request = oneEvent(wrapper, 'gk-clause-request');
    link.click();
    expect((await request).detail).to.deep.equal({ clause: '2.3.13' });
    expect((await change).detail.clause).to.equal('2.3.13');
    expect(location.hash).to.not.contain('clause=');
  });

  it('offers no vote where nothing would count it: no endpoint, or no policy id', async () => {
    const { root } = await fromItems();
    expect(root.querySelector('details[data-id="a1"] .copy')).to.not.equal(null);
    expect(root.querySelector('.vote')).to.equal(null);
    expect(root.textContent).to.not.contain('这条回答有帮助吗？');
    const el = await fixture<GkQa>(html`<gk-qa .items=${items} endpoint="/api/v1"></gk-qa>`);
    expect((await ready(el)).querySelector('.vote')).to.equal(null);
    // A draft's bundle names the server of its consultation: votes go there.
    const consultation = { id: 'c1', endpoint: '/api/v1', opens: '2026-01-01', closes: '2026-02-01' };
    const draft = await fixture<GkQa>(
      html`<gk-qa .bundle=${{ schemaVersion: 1, id: `draft-${Date.now()}`, qa: items, consultation }}></gk-qa>`,
    );
    expect((await ready(draft)).querySelectorAll('.vote')).to.have.length(6);
  });

  /** Answers votes from the test: `answer(status)` replies to the waiting request; null throws. */
  function voteServer() {
    const original = window.fetch;
    const sent: Array<{ url: string; init?: RequestInit }> = [];
    const waiting: Array<(status: number | null) => void> = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (!url.includes('qa-feedback')) return original(input, init);
      sent.push({ url, init });
      return new Promise<Response>((resolve, reject) =>
        waiting.push((status) =>
          status === null ? reject(new TypeError('Failed to fetch')) : resolve(new Response('{}', { status })),
        ),
      );
    };
    return {
      sent,
      answer: async (status: number | null) => {
        await waitUntil(() => waiting.length > 0, 'no vote was sent');
        waiting.shift()!(status);
      },
      restore: () => {
        window.fetch = original;
      },
    };
  }

  it('thanks the reader only once the server has counted the vote, and keeps it for a return', async () => {
    const server = voteServer();
    try {
      const policy = `server-${Date.now()}`;
      const { root } = await fromItems({ endpoint: '/api/v1', policy });
      const note = () => root.querySelector('details[data-id="a2"] .vote-note')?.textContent;
      const no = root.querySelector<HTMLButtonElement>('details[data-id="a2"] .vote[data-vote="no"]')!;
      no.click();
      await waitUntil(() => note() === '正在提交…', 'no word that the vote is being sent');
      expect(note()).to.not.contain('感谢');
      expect(no.getAttribute('aria-disabled')).to.equal('true');
      await server.answer(200);
      await waitUntil(() => note() === '感谢您的反馈！');
      expect(no.getAttribute('aria-pressed')).to.equal('true');
      expect(server.sent).to.have.length(1);
      expect(server.sent[0]!.url).to.equal('/api/v1/qa-feedback');
      expect(server.sent[0]!.init?.method).to.equal('POST');
      expect(JSON.parse(String(server.sent[0]!.init?.body))).to.deep.equal({ policy, qa: 'a2', helpful: false });
      expect(localStorage.getItem(`gongkai:qa-vote:${policy}:a2`)).to.equal('no');

      // A reader who comes back has already voted: nothing is sent again.
      const { root: again } = await fromItems({ endpoint: '/api/v1', policy });
      const yes = again.querySelector<HTMLButtonElement>('details[data-id="a2"] .vote[data-vote="yes"]')!;
      expect(yes.getAttribute('aria-disabled')).to.equal('true');
      yes.click();
      expect(server.sent).to.have.length(1);
    } finally {
      server.restore();
    }
  });

  it('says a vote failed when the server refuses it or cannot be reached, and lets the reader try again', async () => {
    const server = voteServer();
    try {
      const policy = `fail-${Date.now()}`;
      const { root } = await fromItems({ endpoint: '/api/v1', policy });
      const note = () => root.querySelector('details[data-id="a3"] .vote-note')?.textContent ?? '';
      const yes = root.querySelector<HTMLButtonElement>('details[data-id="a3"] .vote[data-vote="yes"]')!;
      yes.click();
      await server.answer(500);
      await waitUntil(() => note().includes('未能提交'));
      expect(note()).to.not.contain('感谢');
      expect(yes.getAttribute('aria-pressed')).to.equal('false');
      expect(yes.getAttribute('aria-disabled')).to.equal('false');
      expect(localStorage.getItem(`gongkai:qa-vote:${policy}:a3`)).to.equal(null);

      yes.click();
      await server.answer(null);
      await waitUntil(() => yes.getAttribute('aria-disabled') === 'false' && note().includes('未能提交'));
      expect(server.sent).to.have.length(2);
      yes.click();
      await server.answer(200);
      await waitUntil(() => note() === '感谢您的反馈！');
      expect(localStorage.getItem(`gongkai:qa-vote:${policy}:a3`)).to.equal('yes');
    } finally {
      server.restore();
    }
  });

  it('emits FAQPage JSON-LD with structured-data, and removes it on disconnect', async () => {
    const el = await fixture<GkQa>(html`<gk-qa structured-data .items=${items}></gk-qa>`);
    await ready(el);
    const script = el.querySelector('script[type="application/ld+json"]')!;
    const data = JSON.parse(script.textContent ?? '');
    expect(data['@type']).to.equal('FAQPage');
    expect(data.mainEntity).to.have.length(3);
    expect(data.mainEntity[0].name).to.equal('政务公开的范围包括哪些？');
    expect(data.mainEntity[0].acceptedAnswer.text).to.equal('包括决策、执行、管理、服务和结果公开。');
    el.remove();
    expect(script.isConnected).to.equal(false);
  });

  it('names the problems in bad input, and the URL of a missing file', async () => {
    const el = await fixture<GkQa>(html`<gk-qa .items=${{ id: 'x' } as unknown as QaItem[]}></gk-qa>`);
    const root = await ready(el);
    const error = root.querySelector('[part="error"]')!;
    expect(error.textContent).to.contain('政策文件格式有误');
    expect(error.textContent).to.contain('$.qa');

    const missing = await fixture<GkQa>(html`<gk-qa src="/no/such/qa.json"></gk-qa>`);
    const missingRoot = await ready(missing);
    expect(missingRoot.querySelector('[part="error"]')?.textContent).to.contain('/no/such/qa.json');
  });

  it('shows a short notice in place of a bad question, the others around it, and names its problems in gk-error (issue 18)', async () => {
    const bad = { id: 'x', question: '' } as unknown as QaItem;
    const el = document.createElement('gk-qa');
    el.items = [items[0]!, bad, items[1]!];
    const error = oneEvent(el, 'gk-error');
    const warn = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warned.push(args);
    let root: ShadowRoot;
    try {
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      root = await ready(el);
    } finally {
      console.warn = warn;
    }
    const rows = [...root.querySelectorAll('.items > li')].map(
      (li) => li.querySelector('summary')?.textContent ?? li.textContent!.trim(),
    );
    expect(rows).to.deep.equal([items[0]!.question, '此项内容有误，暂不显示，请联系网站编辑', items[1]!.question]);
    const { detail } = await error;
    expect(detail.problems.map((p: { path: string }) => p.path)).to.include.members([
      '$.qa[1].question',
      '$.qa[1].answer',
    ]);
    expect(warned).to.have.length(1);
    // A search lists matches only: no notice among them.
    await type(el, '公开');
    expect(root.querySelector('[part="skipped"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks the page’s language', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-Hant"><gk-qa .items=${items}></gk-qa></div>`);
    const root = await ready(wrapper.querySelector('gk-qa')!);
    expect(root.querySelector('label')?.textContent).to.equal('搜尋問題');
    const en = await fixture<HTMLDivElement>(
      html`<div lang="en"><gk-qa .items=${items} policy="p" endpoint="/api/v1"></gk-qa></div>`,
    );
    const enRoot = await ready(en.querySelector('gk-qa')!);
    expect(enRoot.querySelector('.helpful span')?.textContent).to.equal('Was this answer helpful?');
  });

  it('gives every control a 44 px square and 16 px text, on a 390 px phone and at 1280 px', async () => {
    try {
      for (const width of [390, 1280]) {
        await setViewport({ width, height: 800 });
        const { el, root } = await fromItems({ endpoint: '/api/v1' });
        for (const details of root.querySelectorAll('details')) details.open = true;
        await el.updateComplete;
        expect(root.querySelectorAll('.vote, .clauses a, .copy button').length).to.be.greaterThan(6);
        expect(smallControls(el), `at ${width} px`).to.deep.equal([]);
        await type(el, '政务公开范围决策');
        await type(el, '申请公开的时限');
        expect(smallControls(el), `no results, at ${width} px`).to.deep.equal([]);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('is accessible, with a search and an open answer', async () => {
    const { el, root } = await fromDemo();
    await expect(el).to.be.accessible();
    await type(el, '公开');
    root.querySelector('details')!.open = true;
    await expect(el).to.be.accessible();
  });
});
