// The element's own entry points (not the package's index), so this file does not depend on
// the other elements of the package building at the same moment.
import '../../packages/elements/src/document/define.js';
import '../../packages/elements/src/feedback/define.js';
import { type FeedbackView, printedClauseLabel } from '@gongkai/format';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { GkFeedback } from '../../packages/elements/src/feedback/feedback.js';
import { loadExample } from '../helpers/examples.js';
import {
  receiptAnswers as answersFor,
  CAMPAIGNS,
  campaignFeedback,
  demoConsultationView,
  demoFeedback,
  emptyFeedback,
  EZHOU_CONSULTATION_ID as ezhouConsultationId,
  type FakeApi,
  fakeApi,
  loadDemoConsultation,
  manyComments,
  OTHER_CONSULTATION,
  pagedFeedback,
  RARE_TERM,
  receipts,
} from '../helpers/feedback-examples.js';

const ENDPOINT = '/fake-api/v1';
const many = manyComments();
// From demo/consultations/ezhou-2016-40-draft.json, as the server would publish it.
let ezhouFeedback: FeedbackView;
/** The same, published with the clauses as printed (servers since labels). */
let ezhouLabelled: FeedbackView;
let ezhouConsultation: ReturnType<typeof demoConsultationView>;
let receiptAnswers: ReturnType<typeof answersFor>;

before(async () => {
  const demo = await loadDemoConsultation();
  ezhouFeedback = demoFeedback(demo);
  const { clauses } = await loadExample('ezhou');
  const ids = new Set(demo.comments.flatMap((c) => (c.clause ? [c.clause] : [])));
  ezhouLabelled = demoFeedback(demo, new Map([...ids].map((id) => [id, printedClauseLabel(clauses ?? [], id)!])));
  ezhouConsultation = demoConsultationView(demo);
  receiptAnswers = answersFor(demo);
});

let api: FakeApi | null = null;
afterEach(() => {
  api?.restore();
  api = null;
});

const root = (el: GkFeedback) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settled(el: GkFeedback, selector = '.published, [part="notice"], [part="error"]') {
  await waitUntil(() => root(el).querySelector(selector), `gk-feedback did not show ${selector}`);
  await el.updateComplete;
  return root(el);
}

async function withFeedback(feedback: unknown, attrs = html``) {
  const el = await fixture<GkFeedback>(html`<gk-feedback .feedback=${feedback as FeedbackView}>${attrs}</gk-feedback>`);
  return { el, root: await settled(el) };
}

async function fromServer(options: Parameters<typeof fakeApi>[1], receipt = '') {
  api = fakeApi(ENDPOINT, options);
  const el = await fixture<GkFeedback>(
    html`<gk-feedback endpoint=${ENDPOINT} consultation=${ezhouConsultationId} receipt=${receipt}></gk-feedback>`,
  );
  return { el, root: await settled(el) };
}

async function type(el: GkFeedback, selector: string, value: string) {
  const input = root(el).querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const shownNumbers = (r: ShadowRoot) =>
  [...r.querySelectorAll<HTMLElement>('li.comment')].map((li) => Number(li.dataset.no));
const status = (r: ShadowRoot) => text(r.querySelector('#list-status'));

/** Lays the page out for print until `restore()`. */
async function printMedia() {
  await emulateMedia({ media: 'print' });
  return { restore: () => emulateMedia({ media: 'screen' }) };
}

describe('gk-feedback', () => {
  it('renders a FeedbackView given as a property: figures, bars, clause table and the comments as text', async () => {
    const { root: r } = await withFeedback(ezhouLabelled);
    expect(text(r.querySelector('h2'))).to.equal('意见采纳情况反馈');
    expect(text(r.querySelector('.title'))).to.contain('鄂州市全面推进政务公开工作实施方案');
    expect(text(r.querySelector('.version'))).to.equal('第 1 版，2016年6月20日公布');
    expect(text(r.querySelector('.summary-text'))).to.equal(
      '本次征求意见共收到意见 6 条。经审核，1 条意见未予公布。公布意见 5 条，其中采纳 2 条，部分采纳 1 条，不予采纳 1 条，不属于本次征求意见范围 1 条。对部分采纳、不予采纳和不属于征求范围的意见，均逐条说明了理由。',
    );
    const figures = Object.fromEntries(
      [...r.querySelectorAll('.figure')].map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]),
    );
    expect(figures).to.deep.equal({
      收到意见: '6 条',
      公布意见: '5 条',
      采纳: '2 条',
      部分采纳: '1 条',
      不予采纳: '1 条',
      不属于征求范围: '1 条',
      经审核未公布: '1 条',
    });
    // The chart is CSS bars, each with its label and number written out.
    expect(r.querySelector('canvas')).to.equal(null);
    const bars = [...r.querySelectorAll('.bar')].map((b) => text(b));
    expect(bars[0]).to.equal('采纳 2 条，占 33.3%');
    expect(bars[4]).to.equal('经审核未公布 1 条，占 16.7%');
    // The clause table, most comments first (the whole text drew two).
    const rows = [...r.querySelectorAll('.by-clause tbody tr')];
    // As printed, from the labels published with the feedback: never an internal id (2.1.1).
    expect(rows.map((row) => text(row.querySelector('th')))).to.deep.equal([
      '对全文的意见',
      '一、(三)工作目标',
      '二、(一)1.推进权力清单和责任清单公开',
      '二、(一)3.推进政务服务公开',
      '二、(二)5.推进政府投资的重大建设项目信息公开',
    ]);
    expect([...rows[0]!.querySelectorAll('td .cell-n')].map((c) => c.textContent)).to.deep.equal([
      '2',
      '1',
      '0',
      '0',
      '0',
      '1',
    ]);
    // The comments, grouped by clause in document order, with decision and reason.
    expect(status(r)).to.equal('共 5 条意见');
    expect([...r.querySelectorAll('.group h4 .group-name')].map((h) => h.textContent)).to.deep.equal([
      '对全文的意见',
      '一、(三)工作目标',
      '二、(一)1.推进权力清单和责任清单公开',
      '二、(一)3.推进政务服务公开',
      '二、(二)5.推进政府投资的重大建设项目信息公开',
    ]);
    const partly = r.querySelector('li.comment[data-decision="partly-adopted"]')!;
    expect(text(partly.querySelector('.decision'))).to.equal('部分采纳');
    expect(text(partly.querySelector('.who'))).to.equal('刘*（个人）');
    expect(text(partly.querySelector('.body'))).to.contain('［电话已隐去］');
    expect(text(partly.querySelector('.reason'))).to.match(/^理由：办理时限已按工作日公开/);
    expect(text(r.querySelector('li.comment[data-decision="adopted"] .who'))).to.equal('匿名');
  });

  it('says in the notice why comments were removed, when staff gave categories', async () => {
    const summary = {
      ...ezhouFeedback.summary,
      removed: 3,
      removedBy: { 违法违规: 0, 广告: 2, 与本次征求意见无关: 0, 重复: 1 },
    };
    const { root: r } = await withFeedback({ ...ezhouFeedback, summary });
    expect(text(r.querySelector('.summary-text'))).to.contain('经审核，3 条意见未予公布。其中广告 2 条、重复 1 条。');
  });

  it('says how many comments came by each channel and from whom, when some came by letter, e-mail or meetings', async () => {
    const summary = {
      ...ezhouFeedback.summary,
      received: 6,
      byChannel: { online: 3, letter: 2, email: 0, fax: 0, phone: 0, meeting: 1, hearing: 0, 'contact-point': 0 },
      bySubmitterType: { individual: 5, organization: 1, anonymous: 0 },
    };
    const { root: r } = await withFeedback({ ...ezhouFeedback, summary });
    expect(text(r.querySelector('.summary-text'))).to.match(
      /^本次征求意见共收到意见 6 条，其中网上 3 条、信函 2 条、座谈会 1 条。按提交者分，个人 5 条、单位 1 条。/,
    );
    await expect(r.host).to.be.accessible();
    const hant = await fixture<HTMLDivElement>(
      html`<div lang="zh-Hant"><gk-feedback .feedback=${{ ...ezhouFeedback, summary }}></gk-feedback></div>`,
    );
    const hr = await settled(hant.querySelector('gk-feedback')!);
    expect(text(hr.querySelector('.summary-text'))).to.match(
      /^本次徵求意見共收到意見 6 則，其中網上 3 則、信函 2 則、座談會 1 則。/,
    );
    const en = await fixture<HTMLDivElement>(
      html`<div lang="en"><gk-feedback .feedback=${{ ...ezhouFeedback, summary }}></gk-feedback></div>`,
    );
    const er = await settled(en.querySelector('gk-feedback')!);
    expect(text(er.querySelector('.summary-text'))).to.match(
      /^6 comments were received in this consultation: 3 online, 2 by letter, 1 at meetings\. By submitter: 5 from individuals, 1 from organisations\./,
    );
    // Online only: the sentence stays as it was.
    const online = { ...summary, received: 6, byChannel: { ...summary.byChannel, online: 6, letter: 0, meeting: 0 } };
    const { root: o } = await withFeedback({ ...ezhouFeedback, summary: online });
    expect(text(o.querySelector('.summary-text'))).to.match(/^本次征求意见共收到意见 6 条。/);
  });

  it('shows comments and reasons as text, never as HTML', async () => {
    const hostile = structuredClone(ezhouFeedback);
    hostile.comments[0]!.body = '<img src=x onerror="window.__pwned=1">建议<b>加粗</b>';
    hostile.comments[0]!.reason = '<script>window.__pwned=2</script>理由';
    const { root: r } = await withFeedback(hostile);
    const first = r.querySelector('li.comment[data-no="1"]')!;
    expect(r.querySelector('.comments img, .comments b, .comments script')).to.equal(null);
    expect(first.querySelector('.reason')!.textContent).to.contain('<script>window.__pwned=2</script>');
    expect(first.querySelector('.body')!.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('fetches the feedback from the service and fires gk-feedback-ready once', async () => {
    api = fakeApi(ENDPOINT, { feedback: ezhouFeedback, consultation: ezhouConsultation, delay: 100 });
    const el = document.createElement('gk-feedback');
    el.setAttribute('endpoint', `${ENDPOINT}/`);
    el.setAttribute('consultation', ezhouConsultationId);
    const ready: Array<GlobalEventHandlersEventMap['gk-feedback-ready']> = [];
    el.addEventListener('gk-feedback-ready', (e) => ready.push(e));
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(text(root(el).querySelector('.loading'))).to.equal('正在加载意见采纳情况…');
    expect(root(el).querySelector('.loading')!.getAttribute('role')).to.equal('status');
    await settled(el);
    expect(api.requests).to.include(`${ENDPOINT}/consultations/${ezhouConsultationId}/feedback`);
    await waitUntil(() => ready.length > 0);
    await el.updateComplete;
    expect(ready).to.have.length(1);
    expect(ready[0]!.detail).to.deep.equal({ state: 'published', consultation: ezhouConsultationId, comments: 5 });
    expect(root(el).querySelectorAll('li.comment')).to.have.length(5);
  });

  it('filters by outcome and by clause, and the table shows one clause’s comments', async () => {
    const { el, root: r } = await withFeedback(ezhouFeedback);
    const filter = r.querySelector('[part="filter"]')!;
    expect([...filter.querySelectorAll('button')].map((b) => text(b))).to.deep.equal([
      '全部 5',
      '采纳 2',
      '部分采纳 1',
      '不予采纳 1',
      '不属于本次征求意见范围 1',
    ]);
    filter.querySelector<HTMLButtonElement>('[data-decision="not-adopted"]')!.click();
    await el.updateComplete;
    expect(filter.querySelector('[data-decision="not-adopted"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(r.querySelectorAll('li.comment')).to.have.length(1);
    expect(text(r.querySelector('li.comment .who'))).to.equal('鄂州市某建筑行业协会（单位）');
    expect(status(r)).to.equal('找到 1 条意见');

    filter.querySelector<HTMLButtonElement>('[data-decision="all"]')!.click();
    const select = r.querySelector<HTMLSelectElement>('select#clause')!;
    select.value = '2.1.3';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shownNumbers(r)).to.deep.equal([2]);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(r.querySelector('.group-name'))).to.equal('对全文的意见');
    expect(r.querySelectorAll('li.comment')).to.have.length(1);

    // Nothing matches: a message and a way back.
    await type(el, '#search', '不存在的内容');
    expect(text(r.querySelector('[part="no-results"] p'))).to.equal('没有找到符合条件的意见。');
    r.querySelector<HTMLButtonElement>('[part="no-results"] button')!.click();
    await el.updateComplete;
    expect(r.querySelectorAll('li.comment')).to.have.length(5);

    // "查看意见" in the table shows that clause's comments and moves focus to the list.
    const row = r.querySelector('.by-clause tr[data-clause="2.2.5"]')!;
    row.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect(shownNumbers(r)).to.deep.equal([3]);
    expect(r.activeElement?.id).to.equal('list-status');
    expect(select.value).to.equal('2.2.5');
  });

  it('sorts the clause table by comment count or by clause order', async () => {
    const { el, root: r } = await withFeedback(many);
    const counts = () =>
      [...r.querySelectorAll('.by-clause tbody tr td:first-of-type .cell-n')].map((c) =>
        Number(c.textContent?.replace(/,/g, '')),
      );
    const byCount = counts();
    expect(byCount).to.deep.equal([...byCount].sort((a, b) => b - a));
    expect(text(r.querySelector('.by-clause caption'))).to.contain('按意见数从多到少');
    r.querySelector<HTMLButtonElement>('.sort button:last-of-type')!.click();
    await el.updateComplete;
    expect(text(r.querySelector('.by-clause tbody tr th'))).to.equal('对全文的意见');
    expect(r.querySelector('.sort button:last-of-type')!.getAttribute('aria-pressed')).to.equal('true');

    // The first six clauses, then all of them on request.
    expect(r.querySelectorAll('.by-clause tbody tr')).to.have.length(6);
    expect(text(r.querySelector('.by-clause caption'))).to.contain(`显示其中 6 个，共 ${many.byClause.length} 个`);
    const more = r.querySelector<HTMLButtonElement>('.by-clause button.more')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(text(more)).to.equal(`显示全部 ${many.byClause.length} 个条款`);
    more.click();
    await el.updateComplete;
    expect(r.querySelectorAll('.by-clause tbody tr')).to.have.length(many.byClause.length);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(text(more)).to.equal('只显示前 6 个条款');
  });

  it('keeps 10,000 comments to one page of list nodes and searches all of them', async () => {
    const { el, root: r } = await withFeedback(many);
    const total = many.comments.length;
    expect(total).to.be.greaterThan(9000);
    expect(r.querySelectorAll('li.comment')).to.have.length(50);
    expect(r.querySelectorAll('li').length).to.be.lessThan(200);
    expect(status(r)).to.equal(`共 ${total.toLocaleString('zh-CN')} 条意见，已显示 50 条`);

    const rare = many.comments.filter((c) => c.body.includes(RARE_TERM)).length;
    expect(rare).to.be.within(10, 50);
    await type(el, '#search', '适老化');
    expect(status(r)).to.equal(`找到 ${rare} 条意见`);
    const hits = shownNumbers(r);
    expect(hits).to.have.length(rare);
    // The hits come from all over the list, not from the first page.
    expect(Math.max(...hits)).to.be.greaterThan(5000);
    for (const li of r.querySelectorAll('li.comment')) expect(text(li.querySelector('.body mark'))).to.equal('适老化');

    // Traditional characters and full-width forms find the same comments.
    await type(el, '#search', '適老化改造');
    expect(shownNumbers(r)).to.deep.equal(hits);
    expect(text(r.querySelector('.body mark'))).to.equal(RARE_TERM);

    // Reasons are searched too, and the search combines with the outcome filter.
    await type(el, '#search', '商业秘密');
    const found = Number(/找到 ([\d,]+) 条/.exec(status(r))![1]!.replace(/,/g, ''));
    expect(found).to.be.greaterThan(100);
    expect(r.querySelectorAll('li.comment')).to.have.length(50);
    expect(text(r.querySelector('.reason mark'))).to.equal('商业秘密');
    r.querySelector<HTMLButtonElement>('[part="filter"] [data-decision="adopted"]')!.click();
    await el.updateComplete;
    expect(status(r)).to.equal('没有找到符合条件的意见。');
  });

  it('shows fifty more with 加载更多, from the keyboard, and moves focus to the first new comment', async () => {
    const { el, root: r } = await withFeedback(many);
    const first = shownNumbers(r);
    const more = r.querySelector<HTMLButtonElement>('[part="more"]')!;
    expect(text(more)).to.equal('加载更多');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => shownNumbers(r).length === 100, '加载更多 did not show more');
    expect(shownNumbers(r).slice(0, 50)).to.deep.equal(first);
    expect(status(r)).to.equal(`共 ${many.comments.length.toLocaleString('zh-CN')} 条意见，已显示 100 条`);
    expect((r.activeElement as HTMLElement | null)?.dataset.no).to.equal(String(shownNumbers(r)[50]));
  });

  it('lists a national consultation from the server a page at a time: 加载更多, filters and search ask for pages', async () => {
    const { el, root: r } = await fromServer({ feedback: pagedFeedback(many), comments: many.comments });
    const total = many.comments.length.toLocaleString('zh-CN');
    // The first page came with the feedback: no request for comments yet.
    expect(api!.requests.some((u) => u.includes('/feedback/comments'))).to.equal(false);
    expect(status(r)).to.equal(`共 ${total} 条意见，已显示 50 条`);
    expect(shownNumbers(r)).to.deep.equal(many.comments.slice(0, 50).map((c) => c.no));
    // The outcome filter counts the whole consultation, not the page.
    const notAdopted = many.comments.filter((c) => c.decision === 'not-adopted').length;
    const button = r.querySelector<HTMLButtonElement>('[part="filter"] [data-decision="not-adopted"]')!;
    expect(text(button)).to.contain(notAdopted.toLocaleString('zh-CN'));

    r.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => shownNumbers(r).length === 100, '加载更多 did not fetch the next page');
    const last = api!.requests.at(-1)!;
    expect(last).to.contain('/feedback/comments?');
    expect(new URL(last, location.href).searchParams.get('cursor')).to.equal(String(many.comments[49]!.no));
    expect(shownNumbers(r)).to.deep.equal(many.comments.slice(0, 100).map((c) => c.no));
    expect((r.activeElement as HTMLElement | null)?.dataset.no).to.equal(String(many.comments[50]!.no));

    button.click();
    await waitUntil(() => status(r) === `找到 ${notAdopted.toLocaleString('zh-CN')} 条意见，已显示 50 条`);
    expect(new URL(api!.requests.at(-1)!, location.href).searchParams.get('decision')).to.equal('not-adopted');
    expect(
      [...r.querySelectorAll<HTMLElement>('li.comment')].every((li) => li.dataset.decision === 'not-adopted'),
    ).to.equal(true);

    // Typing sends one search once the reader pauses, not one per key.
    const before = api!.requests.length;
    await type(el, '#search', '适老');
    await type(el, '#search', RARE_TERM);
    const rare = many.comments.filter((c) => c.decision === 'not-adopted' && c.body.includes(RARE_TERM));
    await waitUntil(() => status(r) === (rare.length ? `找到 ${rare.length} 条意见` : '没有找到符合条件的意见。'));
    const searches = api!.requests.slice(before);
    expect(searches).to.have.length(1);
    expect(new URL(searches[0]!, location.href).searchParams.get('q')).to.equal(RARE_TERM);
    expect(shownNumbers(r)).to.deep.equal(rare.map((c) => c.no));
    expect(r.querySelector('[part="more"]')).to.equal(null);
  });

  it('keeps the comments shown when a page fails to load, says so, and loads it on retry', async () => {
    const { el, root: r } = await fromServer({ feedback: pagedFeedback(many), comments: many.comments });
    api!.set({ commentsNetworkError: true });
    r.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => r.querySelector('[part="retry"]'), 'no retry after a failed page');
    expect(text(r.querySelector('.more-row'))).to.contain('未能加载意见');
    expect(shownNumbers(r)).to.have.length(50);
    api!.set({ commentsNetworkError: false });
    r.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => shownNumbers(r).length === 100, 'retry did not load the page');
    await el.updateComplete;
    expect(r.querySelector('[part="retry"]')).to.equal(null);
  });

  it('counts campaigns of near-identical letters in the notice, marks each letter, and lists the reasons by frequency', async () => {
    const full = campaignFeedback();
    const { root: r } = await fromServer({ feedback: pagedFeedback(full), comments: full.comments });
    const letters = CAMPAIGNS.reduce((sum, k) => sum + k.size, 0);
    expect(text(r.querySelector('.summary-text'))).to.contain(
      `其中 ${CAMPAIGNS.length} 组内容相同或相近的联名意见，共 ${letters} 份。`,
    );
    const first = full.comments.find((c) => c.body.startsWith(CAMPAIGNS[0].text))!;
    const select = r.querySelector<HTMLSelectElement>('select#clause')!;
    select.value = CAMPAIGNS[0].clause;
    select.dispatchEvent(new Event('change'));
    const onClause = full.comments.filter((c) => c.clause === CAMPAIGNS[0].clause).length;
    await waitUntil(
      () => status(r).startsWith(`找到 ${onClause.toLocaleString('zh-CN')} 条意见`),
      'the clause was not listed',
    );
    expect(shownNumbers(r)).to.include(first.no);
    const note = (no: number) => text(r.querySelector(`li.comment[data-no="${no}"] .campaign`));
    expect(note(first.no)).to.equal(`另有 ${CAMPAIGNS[0].size - 1} 份内容相近的意见`);
    const copy = full.comments.find(
      (c) => c.group === first.no && c.no !== first.no && shownNumbers(r).includes(c.no),
    )!;
    expect(note(copy.no)).to.equal(`与第 ${first.no} 号意见内容相近`);
    // The reasons, most frequent first: the campaign's reply answered all of its letters.
    const rows = [...r.querySelectorAll('[part="reasons"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => text(td)),
    );
    const counts = rows.map((row) => Number(row[2]!.replace(/,/g, '')));
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    const campaignReason = rows.find((row) => row[0]!.startsWith('办理进度已在政务服务网公开'))!;
    expect(campaignReason[1]).to.equal('部分采纳');
    expect(Number(campaignReason[2]!.replace(/,/g, ''))).to.equal(letters);
  });

  it('honours page-size', async () => {
    const el = await fixture<GkFeedback>(html`<gk-feedback page-size="20" .feedback=${many}></gk-feedback>`);
    const r = await settled(el);
    expect(r.querySelectorAll('li.comment')).to.have.length(20);
    expect(status(r)).to.match(/，已显示 20 条$/);
  });

  it('looks up a receipt: the outcome and reason, an unknown and a mistyped receipt, a network error', async () => {
    const { el, root: r } = await fromServer({ feedback: ezhouFeedback, receipts: receiptAnswers });
    const form = r.querySelector<HTMLFormElement>('[part="form"]')!;
    const input = form.querySelector<HTMLInputElement>('input')!;
    expect(text(r.querySelector('.lookup h3'))).to.equal('查询我的意见');
    expect(text(form.querySelector('label'))).to.equal('回执编号');
    const submit = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      form.requestSubmit();
      await el.updateComplete;
    };

    // Typed loosely: lower case, spaces, O for 0.
    await submit('ezhO a201 6000 002v');
    await waitUntil(() => r.querySelector('[part="lookup-result"]'), 'no lookup result');
    const result = r.querySelector('[part="lookup-result"]')!;
    expect(text(result.querySelector('.result-title'))).to.equal(`回执编号 ${receipts.decided}`);
    const fields = Object.fromEntries(
      [...result.querySelectorAll('dl > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]),
    );
    expect(fields.处理状态).to.equal('已处理，结果已公布');
    expect(fields.处理结果).to.equal('部分采纳');
    expect(fields.理由).to.match(/^办理时限已按工作日公开/);
    // An older answer without the clause's label, on a page without the document: no internal id.
    expect(fields.意见针对).to.equal('原文中的一条（编号未知）');
    // 03:25 UTC is 11:25 in Beijing, labelled as such.
    expect(Object.keys(fields)).to.include('提交时间（北京时间）');
    expect(fields['提交时间（北京时间）']).to.match(/^2016年5月12日 11:25/);
    // The reason box opens with the reason, not an empty line.
    expect(result.querySelector('.reason-text')!.textContent!.startsWith('\n')).to.equal(false);
    expect(api!.requests.at(-1)).to.equal(`${ENDPOINT}/receipts/${receipts.decided}`);

    await submit(receipts.unknown);
    await waitUntil(() => r.querySelector('[part="lookup-problem"]'));
    expect(text(r.querySelector('[part="lookup-problem"]'))).to.equal(
      `未找到回执编号为 ${receipts.unknown} 的意见，请核对后重试。`,
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('receipt-problem');
    expect(input.value).to.equal(receipts.unknown);

    const before = api!.requests.length;
    await submit(receipts.mistyped);
    expect(text(r.querySelector('[part="lookup-problem"]'))).to.equal('回执编号有误，可能有字符输错，请核对后重试。');
    expect(api!.requests.length).to.equal(before); // caught before any request
    await submit('12345');
    expect(text(r.querySelector('[part="lookup-problem"]'))).to.contain('回执编号格式有误');

    api!.set({ receiptNetworkError: true });
    await submit(receipts.pending);
    await waitUntil(() => text(r.querySelector('[part="lookup-problem"]')).startsWith('网络错误'));
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(input.value).to.equal(receipts.pending);
  });

  it('looks up the receipt given by attribute, or by ?receipt= in the address', async () => {
    const { root: r } = await fromServer({ feedback: ezhouFeedback, receipts: receiptAnswers }, receipts.pending);
    await waitUntil(() => r.querySelector('[part="lookup-result"]'), 'the receipt attribute was not looked up');
    expect(r.querySelector<HTMLInputElement>('#receipt')!.value).to.equal(receipts.pending);
    expect(text(r.querySelector('[part="lookup-result"]'))).to.contain('已收到，处理结果尚未公布');
    expect(text(r.querySelector('[part="lookup-result"]'))).to.contain('对全文的意见');

    history.replaceState(null, '', `?receipt=${receipts.decided}`);
    try {
      const { root: fromUrl } = await fromServer({ feedback: ezhouFeedback, receipts: receiptAnswers });
      await waitUntil(() => fromUrl.querySelector('[part="lookup-result"]'), '?receipt= was not looked up');
      expect(text(fromUrl.querySelector('[part="lookup-result"]'))).to.contain('部分采纳');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('says when the feedback is not published yet, with the closing and the expected dates', async () => {
    const ready = fromServer({ feedback: 'not-published', consultation: ezhouConsultation });
    const { el, root: r } = await ready;
    const notice = r.querySelector('[part="notice"][data-state="not-published"]')!;
    expect(text(notice.querySelector('h3'))).to.equal('意见采纳情况尚未公布');
    expect(text(notice.querySelector('.closes'))).to.equal('征求意见已于 2016年6月1日截止。');
    expect(text(notice.querySelector('.expected'))).to.equal('意见采纳情况预计于 2016年6月20日公布。');
    expect(r.querySelector('[part="lookup"]')).to.exist;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);

    // Without an expected date, and while the consultation is still open.
    const { root: open } = await fromServer({
      feedback: 'not-published',
      consultation: { ...ezhouConsultation, status: 'open', feedbackExpected: null },
    });
    expect(text(open.querySelector('.closes'))).to.equal(
      '征求意见将于 2016年6月1日截止，截止后将整理并公布意见采纳情况。',
    );
    expect(text(open.querySelector('.expected'))).to.equal('意见采纳情况整理完毕后将在此公布。');
  });

  it('fires gk-feedback-ready with state not-published', async () => {
    api = fakeApi(ENDPOINT, { feedback: 'not-published', consultation: ezhouConsultation });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('gk-feedback');
    el.endpoint = ENDPOINT;
    el.consultation = ezhouConsultationId;
    const event = oneEvent(el, 'gk-feedback-ready');
    wrapper.append(el);
    expect((await event).detail).to.deep.equal({
      state: 'not-published',
      consultation: ezhouConsultationId,
      comments: 0,
    });
  });

  it('says 未收到意见 when no comments were received', async () => {
    const { el, root: r } = await withFeedback(emptyFeedback);
    const notice = r.querySelector('[part="notice"][data-state="empty"]')!;
    expect(text(notice.querySelector('h3'))).to.equal('未收到意见');
    expect(r.querySelector('[part="comments"]')).to.equal(null);
    expect(r.querySelector('[part="chart"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers a retry after a network error, and loads on retry', async () => {
    const { el, root: r } = await fromServer({ feedback: 'network', consultation: ezhouConsultation });
    const error = r.querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('未能加载意见采纳情况');
    expect(text(error)).to.contain('网络错误，请检查网络后重试。');
    await expect(el).to.be.accessible();

    api!.set({ feedback: 'server-error' });
    r.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => text(r.querySelector('[part="error"]')).includes('503'), 'no server error shown');
    expect(r.activeElement?.getAttribute('part')).to.equal('retry');

    api!.set({ feedback: ezhouFeedback });
    r.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await settled(el, '.published');
    expect(r.querySelectorAll('li.comment')).to.have.length(5);
    expect(r.activeElement?.localName).to.equal('h2');
  });

  it('names an unknown consultation, and a missing configuration', async () => {
    const { root: r } = await fromServer({ feedback: 'unknown' });
    expect(text(r.querySelector('[part="error"]'))).to.contain(`未找到编号为“${ezhouConsultationId}”的征求意见`);
    expect(r.querySelector('[part="retry"]')).to.equal(null);

    const bare = await fixture<GkFeedback>(html`<gk-feedback></gk-feedback>`);
    const bareRoot = await settled(bare);
    expect(text(bareRoot.querySelector('[part="error"]'))).to.contain(
      '请设置 endpoint 和 consultation 属性，或 feedback 属性',
    );
  });

  it('names what is wrong in a feedback property of the wrong shape, and fires gk-error', async () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const bad = {
        ...ezhouFeedback,
        summary: { ...ezhouFeedback.summary, adopted: '2' },
        comments: [{ no: 1, body: 42, decision: 'maybe' }],
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('gk-feedback');
      const errorEvent = oneEvent(el, 'gk-error');
      el.feedback = bad as unknown as FeedbackView;
      wrapper.append(el);
      const r = await settled(el);
      const error = r.querySelector('[part="error"]')!;
      expect(text(error.querySelector('strong'))).to.equal('意见采纳情况数据格式有误，请联系网站编辑');
      const problems = [...error.querySelectorAll('li')].map((li) => text(li));
      expect(problems).to.include('summary.adopted 应为非负整数，实际为 "2"');
      expect(problems).to.include('comments[0].body 应为文本，实际为 42');
      expect(problems.some((p) => p.startsWith('comments[0].decision 应为以下之一：adopted、partly-adopted'))).to.equal(
        true,
      );
      expect(problems.some((p) => p.startsWith('comments[0].clause'))).to.equal(true);
      expect((await errorEvent).detail.problems.map((p: { path: string }) => p.path)).to.include(
        'comments[0].decision',
      );
      expect(warnings).to.have.length(1);

      const notObject = await fixture<GkFeedback>(
        html`<gk-feedback .feedback=${[] as unknown as FeedbackView}></gk-feedback>`,
      );
      expect(text((await settled(notObject)).querySelector('[part="error"] li'))).to.equal(
        '(root) 应为对象，实际为 array',
      );
    } finally {
      console.warn = warn;
    }
  });

  it('shows no internal clause id in the list, the table or the filter, with or without labels', async () => {
    const ids = /(^|[^\d.])\d+\.\d+(\.\d+)?($|[^\d.])/;
    // An older version (no labels) on a page without the document: 全文 or "a clause", no id.
    const { root: old } = await withFeedback(ezhouFeedback);
    const names = (r: ShadowRoot) => [
      ...[...r.querySelectorAll('.by-clause tbody th')].map((th) => text(th)),
      ...[...r.querySelectorAll('.group-name')].map((h) => text(h)),
      ...[...r.querySelectorAll('#clause option')].map((o) => text(o)),
    ];
    expect(names(old).length).to.be.greaterThan(5);
    for (const name of names(old)) expect(name).not.to.match(ids);
    expect(names(old)).to.include('原文中的一条（编号未知）');
    // Published with labels: the clauses as printed.
    const { root: labelled } = await withFeedback(ezhouLabelled);
    expect(names(labelled)).to.include('二、(一)3.推进政务服务公开');
    for (const name of names(labelled)) expect(name).not.to.contain('原文中的一条');
    // Reason boxes start with the reason: the first line is never empty.
    for (const reason of labelled.querySelectorAll('.reason'))
      expect(reason.textContent!.split('\n')[0]!.trim()).not.to.equal('');
  });

  it('names a receipt of another consultation by its title and links to its page, never by id', async () => {
    const { el, root: r } = await fromServer({ feedback: ezhouFeedback, receipts: receiptAnswers });
    const input = r.querySelector<HTMLInputElement>('#receipt')!;
    input.value = receipts.other;
    input.dispatchEvent(new Event('input'));
    r.querySelector<HTMLFormElement>('[part="form"]')!.requestSubmit();
    await waitUntil(() => r.querySelector('[part="lookup-result"]'), 'no lookup result');
    await el.updateComplete;
    const result = r.querySelector('[part="lookup-result"]')!;
    const other = text(result.querySelector('.other'));
    expect(other).to.contain(OTHER_CONSULTATION.title);
    expect(other).not.to.contain(OTHER_CONSULTATION.id);
    expect(result.querySelector<HTMLAnchorElement>('.other a')!.getAttribute('href')).to.equal(
      OTHER_CONSULTATION.pageUrl,
    );
    // That consultation's clause, as the service printed it; when to expect the outcome.
    expect(text(result)).to.contain('第十二条');
    expect(text(result)).not.to.contain('3.2');
    expect(text(result)).to.contain('2017年8月1日');
    await expect(el).to.be.accessible();
  });

  it('names clauses as the document does, from the clauses property or a gk-document', async () => {
    const bundle = await loadExample('ezhou');
    const el = await fixture<GkFeedback>(
      html`<gk-feedback .feedback=${ezhouFeedback} .clauses=${bundle.clauses}></gk-feedback>`,
    );
    const r = await settled(el);
    expect([...r.querySelectorAll('.group-name')].map((h) => h.textContent)).to.include(
      '二、(一)1.推进权力清单和责任清单公开',
    );

    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <gk-document id="fb-doc" .bundle=${bundle}></gk-document>
      <gk-feedback for="fb-doc" .feedback=${ezhouFeedback}></gk-feedback>
    </div>`);
    const doc = wrapper.querySelector('gk-document')!;
    const withDoc = wrapper.querySelector('gk-feedback')!;
    const dr = await settled(withDoc);
    await waitUntil(() => doc.clauses.length > 0, 'document not ready');
    await waitUntil(() => text(dr.querySelector('.group[data-clause="2.2.5"] .group-name')).includes('推进政府投资'));
    const link = dr.querySelector<HTMLAnchorElement>('.group[data-clause="2.2.5"] .to-clause')!;
    expect(link.getAttribute('href')).to.equal('#clause=2.2.5');
    const request = oneEvent(wrapper, 'gk-clause-request');
    link.click();
    expect((await request).detail).to.deep.equal({ clause: '2.2.5' });
  });

  it('prints the figures, every clause and the reasons, and where to read every comment, not the comments', async () => {
    const el = await fixture<GkFeedback>(
      html`<gk-feedback .feedback=${pagedFeedback(many)} download="/open-data/ezhou-feedback.csv"></gk-feedback>`,
    );
    const r = await settled(el);
    const link = r.querySelector<HTMLAnchorElement>('[part="download"]')!;
    expect(link.href).to.equal(new URL('/open-data/ezhou-feedback.csv', location.href).href);
    expect(link.hasAttribute('download')).to.equal(true);
    window.dispatchEvent(new Event('beforeprint'));
    // Rendered synchronously: the browser lays the page out for print right after the event.
    expect(r.querySelectorAll('.by-clause tbody tr')).to.have.length(many.byClause.length);
    const shown = (selector: string) => getComputedStyle(r.querySelector(selector)!).display !== 'none';
    const media = await printMedia();
    try {
      expect(shown('.summary-text')).to.equal(true);
      expect(shown('[part="reasons"]')).to.equal(true);
      expect(shown('[part="comments"]')).to.equal(false);
      expect(shown('.print-only')).to.equal(true);
      expect(text(r.querySelector('.print-only'))).to.equal(
        `全部 ${many.comments.length.toLocaleString('zh-CN')} 条意见及其处理情况见：${link.href}`,
      );
    } finally {
      await media.restore();
    }
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(r.querySelectorAll('.by-clause tbody tr')).to.have.length(6);
  });

  it('fits a 320px screen without horizontal scrolling', async () => {
    api = fakeApi(ENDPOINT, { feedback: many, receipts: receiptAnswers });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><gk-feedback endpoint=${ENDPOINT} consultation="x" receipt=${receipts.decided}></gk-feedback></div>`,
    );
    const el = wrapper.querySelector('gk-feedback')!;
    const r = await settled(el, '[part="lookup-result"]');
    const box = el.getBoundingClientRect();
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const overflowing = [...r.querySelectorAll('*')].filter((node) => {
      const b = node.getBoundingClientRect();
      return b.width > 0 && (b.right > box.right + 0.5 || b.left < box.left - 0.5);
    });
    expect(overflowing.map((n) => `${n.localName}.${n.className}`)).to.deep.equal([]);
    // The clause table becomes labelled cards.
    const cell = r.querySelector('.by-clause td.num')!;
    expect(getComputedStyle(cell, '::before').content).to.contain('意见数');
  });

  it('speaks the page’s language', async () => {
    const hant = await fixture<HTMLDivElement>(
      html`<div lang="zh-Hant"><gk-feedback .feedback=${ezhouFeedback}></gk-feedback></div>`,
    );
    const hr = await settled(hant.querySelector('gk-feedback')!);
    expect(text(hr.querySelector('h2'))).to.equal('意見採納情況回饋');
    expect(status(hr)).to.equal('共 5 則意見');
    expect(text(hr.querySelector('li.comment[data-decision="not-adopted"] .decision'))).to.equal('不予採納');

    const en = await fixture<HTMLDivElement>(
      html`<div lang="en"><gk-feedback .feedback=${ezhouFeedback}></gk-feedback></div>`,
    );
    const er = await settled(en.querySelector('gk-feedback')!);
    expect(text(er.querySelector('h2'))).to.equal('Feedback on the comments received');
    expect(text(er.querySelector('.version'))).to.equal('Version 1, published 20 June 2016');
    expect(status(er)).to.equal('5 comments');
    // Citizens' comments stay as published.
    expect(text(er.querySelector('li.comment[data-decision="not-adopted"] .body'))).to.contain('重大建设项目');
  });

  it('follows the reader’s text size and contrast', async () => {
    const { el } = await withFeedback(ezhouFeedback);
    const before = parseFloat(getComputedStyle(el).fontSize);
    document.dispatchEvent(
      new CustomEvent('gk-reader-change', { detail: { textSize: 2, contrast: true }, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(el.getAttribute('text-size')).to.equal('2');
    expect(el.hasAttribute('contrast')).to.equal(true);
    expect(parseFloat(getComputedStyle(el).fontSize)).to.equal(before * 1.25);
  });

  it('is accessible: published with a search and a lookup result, and not yet published', async () => {
    const { el, root: r } = await fromServer({ feedback: many, receipts: receiptAnswers }, receipts.decided);
    await waitUntil(() => r.querySelector('[part="lookup-result"]'));
    await expect(el).to.be.accessible();
    await type(el, '#search', '适老化');
    await expect(el).to.be.accessible();

    const { el: waiting } = await fromServer({ feedback: 'not-published', consultation: ezhouConsultation });
    await expect(waiting).to.be.accessible();
  });
});
