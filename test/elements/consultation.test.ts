import '@gongkai/elements';
import type { GkConsultation, GkDocument } from '@gongkai/elements';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { daysLeft } from '../../packages/elements/src/consultation/window.js';
import {
  bundleConsultation,
  CONSULTATION_ID,
  ENDPOINT,
  type FakeApi,
  type FakeOptions,
  fakeConsultationApi,
} from '../helpers/consultation-fake.js';
import { loadExample } from '../helpers/examples.js';
import { demoFeedback, loadDemoConsultation } from '../helpers/feedback-examples.js';

let api: FakeApi | null = null;

function useApi(options: FakeOptions = {}): FakeApi {
  api = fakeConsultationApi(options);
  return api;
}

afterEach(() => {
  api?.restore();
  api = null;
  for (const key of Object.keys(localStorage))
    if (key.startsWith('gongkai:consultation:')) localStorage.removeItem(key);
  delete (navigator as { onLine?: boolean }).onLine;
});

async function mount(
  template = html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
) {
  const el = await fixture<GkConsultation>(template);
  await waitUntil(() => el.shadowRoot?.querySelector('[part="status"], [part="error"]'), 'no status rendered');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: GkConsultation, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

async function type(el: GkConsultation, selector: string, text: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function fillValid(el: GkConsultation, body = '建议权力清单在政务服务大厅设置查询终端，方便老年人查询。') {
  await type(el, '#body', body);
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
}

const statusText = (el: GkConsultation) => $(el, '[part="status"]')!.textContent!.replace(/\s+/g, ' ');
const DAY = 86_400_000;
const draftKey = (clause = '*') => `gongkai:consultation:${CONSULTATION_ID}:draft:${clause}`;
const sentKey = (consultation = CONSULTATION_ID) => `gongkai:consultation:${consultation}:sent`;
/** Everything gk-consultation left in localStorage, as one searchable text. */
const deviceText = () =>
  JSON.stringify(Object.entries(localStorage).filter(([key]) => key.startsWith('gongkai:consultation:')));
const press = async (el: GkConsultation, button: HTMLButtonElement) => {
  button.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
};

describe('gk-consultation', () => {
  it('shows an open window with the closing date and days left, and a form', async () => {
    useApi();
    const el = await mount();
    expect(el.status).to.equal('open');
    expect(statusText(el)).to.contain('征求意见中');
    expect(statusText(el)).to.match(/截止时间：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(statusText(el)).to.match(/还剩 2[456] 天/);
    expect($(el, 'form')).to.exist;
    expect($(el, '.about')!.textContent).to.contain('起草说明');
    await expect(el).to.be.accessible();
  });

  it('says when an upcoming consultation opens, and offers no form', async () => {
    useApi({ status: 'upcoming' });
    const el = await mount();
    expect(statusText(el)).to.contain('尚未开始');
    expect(statusText(el)).to.contain('开始征求意见');
    expect($(el, 'form')).to.equal(null);
  });

  it('says a closed consultation is closed, with the expected feedback date', async () => {
    useApi({ status: 'closed', feedbackExpected: '2026-12-31' });
    const el = await mount();
    expect(statusText(el)).to.contain('已截止');
    expect(statusText(el)).to.contain('2026年12月31日');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks the comment before sending: messages beside the fields, focus on the first', async () => {
    const fake = useApi();
    const el = await mount();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect($(el, '#err-body')!.textContent).to.contain('请填写意见内容');
    expect($(el, '#err-consent')!.textContent).to.contain('请阅读并勾选');
    expect($(el, '#body')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#body')!.getAttribute('aria-describedby')).to.contain('err-body');
    expect($(el, '[role="alert"].summary')!.textContent).to.contain('2 处');
    expect(el.shadowRoot!.activeElement?.id).to.equal('body');
    expect(fake.posts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('counts characters as the citizen types and flags a comment over the limit', async () => {
    useApi();
    const el = await mount();
    await type(el, '#body', '建议𠮷');
    expect($(el, '#body-count')!.textContent).to.contain('已输入 3 / 5000 字');
    await type(el, '#body', '字'.repeat(5003));
    expect($(el, '#body-count')!.textContent).to.contain('超出 3 字');
  });

  it('keeps only the comment text on the device: a new page finds the text, never the name or contact', async () => {
    useApi();
    const first = await mount();
    await type(first, '#body', '建议考核结果按季度公开。');
    await type(first, '#name', '陈建国');
    await type(first, '#contact', '13900000000');
    $<HTMLInputElement>(first, '#consent')!.click();
    await first.updateComplete;
    expect(deviceText()).to.contain('建议考核结果按季度公开。');
    expect(deviceText()).not.to.contain('陈建国');
    expect(deviceText()).not.to.contain('13900000000');
    first.remove();
    const second = await mount();
    expect($<HTMLTextAreaElement>(second, '#body')!.value).to.equal('建议考核结果按季度公开。');
    expect($<HTMLInputElement>(second, '#name')!.value).to.equal('');
    expect($<HTMLInputElement>(second, '#contact')!.value).to.equal('');
    expect($<HTMLInputElement>(second, '#consent')!.checked).to.equal(false);
    expect($(second, '#withheld-note')!.textContent).to.contain('姓名和联系方式没有保存在本设备上');
    expect($(second, '.saved')).to.exist;
    await expect(second).to.be.accessible();
  });

  it('scrubs names and contacts that older versions left on the device, for every consultation', async () => {
    useApi();
    const old = (extra: object) =>
      JSON.stringify({
        clause: null,
        body: '建议在社区服务中心张贴公开目录。',
        submitterType: 'individual',
        name: '陈建国',
        contact: 'chen@example.com',
        consent: true,
        key: 'old-key-0001',
        state: 'editing',
        updated: Date.now() - 3_600_000,
        ...extra,
      });
    localStorage.setItem(draftKey(), old({}));
    localStorage.setItem('gongkai:consultation:another-consultation:draft:3.2', old({ clause: '3.2' }));
    const el = await mount();
    expect(deviceText()).not.to.contain('陈建国');
    expect(deviceText()).not.to.contain('chen@example.com');
    expect(deviceText()).not.to.contain('consent');
    expect(localStorage.getItem('gongkai:consultation:another-consultation:draft:3.2')).to.contain('张贴公开目录');
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('建议在社区服务中心张贴公开目录。');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#contact')!.value).to.equal('');
  });

  it('does not restore a draft left 8 days ago, and removes it from the device', async () => {
    useApi();
    localStorage.setItem(
      draftKey(),
      JSON.stringify({
        body: '八天前别人写的意见',
        submitterType: 'individual',
        key: 'stale-key-0001',
        state: 'editing',
        updated: Date.now() - 8 * DAY,
      }),
    );
    const el = await mount();
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('');
    expect(localStorage.getItem(draftKey())).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('八天前别人写的意见');
  });

  it('sends once with an Idempotency-Key, shows the receipt and clears the draft', async () => {
    const fake = useApi();
    const el = await mount();
    await fillValid(el);
    await type(el, '#name', '陈建国');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const { detail } = await receipt;
    await el.updateComplete;
    expect(fake.posts()).to.have.length(1);
    const post = fake.posts()[0]!;
    expect(post.headers['idempotency-key']).to.have.length.greaterThan(8);
    expect(post.body).to.deep.equal({
      body: '建议权力清单在政务服务大厅设置查询终端，方便老年人查询。',
      submitterType: 'individual',
      name: '陈建国',
    });
    expect($(el, '.receipt-code')!.textContent).to.equal(detail.receipt);
    expect(el.shadowRoot!.activeElement?.id).to.equal('receipt-title');
    expect(Object.keys(localStorage).filter((k) => k.includes(':draft:'))).to.have.length(0);
    expect($(el, '.sent')!.textContent).to.contain(detail.receipt);
    await expect(el).to.be.accessible();
  });

  it('after a submit keeps no draft, and the receipt with the phone, ID and e-mail masked', async () => {
    useApi();
    const el = await mount();
    await fillValid(el, '请联系 138 0013 8000 或 chen@example.com，身份证 42070219800101123X，建议增设查询终端。');
    await type(el, '#name', '陈建国');
    await type(el, '#contact', '0711-3222222');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await receipt;
    await el.updateComplete;
    expect(Object.keys(localStorage).filter((k) => k.includes(':draft:'))).to.have.length(0);
    const stored = JSON.parse(localStorage.getItem(sentKey())!) as { excerpt: string }[];
    expect(stored).to.have.length(1);
    expect(stored[0]!.excerpt).to.contain('［已隐去］');
    for (const secret of ['138 0013 8000', '8000', 'chen@example.com', '42070219800101123X', '陈建国', '3222222'])
      expect(deviceText()).not.to.contain(secret);
    expect($(el, '.sent .excerpt')!.textContent).to.equal(stored[0]!.excerpt);
  });

  it('masks excerpts older versions stored, and forgets receipts after 180 days', async () => {
    useApi();
    const entry = (receipt: string, daysAgo: number, excerpt: string) => ({
      receipt,
      clause: null,
      sent: new Date(Date.now() - daysAgo * DAY).toISOString(),
      excerpt,
    });
    localStorage.setItem(
      sentKey(),
      JSON.stringify([
        entry('GK7Q-0001-OLD1', 181, '半年前提交的意见'),
        entry('GK7Q-0002-NEW1', 10, '电话１３９００００００００，邮箱 chen＠example.com，座机 0711.322.2222'),
      ]),
    );
    const el = await mount();
    const list = $(el, '.sent')!.textContent!;
    expect(list).not.to.contain('GK7Q-0001-OLD1');
    expect(list).to.contain('GK7Q-0002-NEW1');
    expect($(el, '.sent .excerpt')!.textContent).to.equal('电话［已隐去］，邮箱 ［已隐去］，座机 ［已隐去］');
    expect(deviceText()).not.to.contain('GK7Q-0001-OLD1');
    expect(deviceText()).not.to.contain('１３９');
    expect(deviceText()).not.to.contain('example');
  });

  it('says in the privacy notice what the device keeps and for how long', async () => {
    useApi();
    const el = await mount();
    const notice = $(el, '#device-text')!.textContent!;
    expect(notice).to.contain('7 天');
    expect(notice).to.contain('180 天');
    expect(notice).to.contain('姓名和联系方式只在本页使用，从不保存在本设备上');
    expect($(el, '#consent')!.getAttribute('aria-describedby')).to.contain('device-text');
  });

  it('"清除本机记录" removes every draft and receipt from the device, empties the form and says so', async () => {
    useApi();
    localStorage.setItem(
      sentKey(),
      JSON.stringify([
        { receipt: 'GK7Q-0003-ABCD', clause: null, sent: new Date().toISOString(), excerpt: '之前的意见' },
      ]),
    );
    localStorage.setItem(
      'gongkai:consultation:another-consultation:draft:*',
      JSON.stringify({
        body: '另一次征求意见的草稿',
        submitterType: 'individual',
        key: 'k-000001',
        state: 'editing',
        updated: Date.now(),
      }),
    );
    const el = await mount();
    await type(el, '#body', '图书馆电脑上写的意见');
    await type(el, '#name', '陈建国');
    await type(el, '#contact', '13900000000');
    const button = $<HTMLButtonElement>(el, '[part="device"] button')!;
    expect(button.textContent).to.contain('在公共电脑上？清除本机记录');
    expect(button.checkVisibility()).to.equal(true);
    await press(el, button);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('gongkai:consultation:'))).to.deep.equal([]);
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#contact')!.value).to.equal('');
    expect($(el, '.sent')).to.equal(null);
    const status = $(el, '[part="device"] [aria-live="polite"]')!;
    expect(status.textContent).to.contain('已清除本机上的征求意见记录：草稿 2 份，回执 1 条');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await expect(el).to.be.accessible();
    el.remove();
    const next = await mount();
    expect($<HTMLTextAreaElement>(next, '#body')!.value).to.equal('');
  });

  it('clearing stops a comment waiting for the network: nothing is sent and nothing comes back', async () => {
    const fake = useApi();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const el = await mount();
    await fillValid(el, '断网时排队的意见');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[part="delivery"]')?.textContent?.includes('等待网络'), 'no offline state');
    await press(el, $<HTMLButtonElement>(el, '[part="device"] button')!);
    expect($(el, '[part="delivery"]')).to.equal(null);
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
    await aTimeout(50);
    expect(fake.posts()).to.have.length(0);
    expect(deviceText()).to.equal('[]');
  });

  it('retries a network failure and a 503 with the same key, storing one comment', async () => {
    const fake = useApi({ commentFailures: ['network', { status: 503, headers: { 'retry-after': '1' } }] });
    const el = await mount();
    await fillValid(el);
    const receipt = oneEvent(el, 'gk-comment-receipt');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[part="delivery"]')?.textContent?.includes('自动重试'), 'no retry state shown');
    expect($<HTMLTextAreaElement>(el, '#body')!.readOnly).to.equal(true);
    $<HTMLButtonElement>(el, '[part="delivery"] .gk-button')!.click(); // 立即重试
    await waitUntil(() => fake.posts().length >= 2);
    $<HTMLButtonElement>(el, '[part="delivery"] .gk-button')?.click();
    await receipt;
    const keys = new Set(fake.posts().map((p) => p.headers['idempotency-key']));
    expect(fake.posts()).to.have.length(3);
    expect(keys.size).to.equal(1);
    expect(fake.comments.size).to.equal(1);
  });

  it('waits for the network when offline, says so, and sends when it returns', async () => {
    const fake = useApi();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const el = await mount();
    await fillValid(el);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[part="delivery"]')?.textContent?.includes('等待网络'), 'no offline state');
    expect(fake.posts()).to.have.length(0);
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '.receipt-code'), 'not sent after the network returned');
    expect(fake.posts()).to.have.length(1);
  });

  it('honours Retry-After on 429 and tells the citizen when it will try again', async () => {
    const fake = useApi({
      commentFailures: [
        { status: 429, body: { error: 'rate-limited', message: 'too many' }, headers: { 'retry-after': '120' } },
      ],
    });
    const el = await mount();
    await fillValid(el);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[part="delivery"]')?.textContent?.includes('提交过于频繁'), 'no rate-limit state');
    const inTwoMinutes = new Date(Date.now() + 120_000);
    // Beijing time, labelled, whatever the browser's clock zone (the test browser runs in UTC).
    const hhmm = new Intl.DateTimeFormat('zh-Hans', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Shanghai',
    }).format(inTwoMinutes);
    expect($(el, '[part="delivery"]')!.textContent).to.contain(`北京时间 ${hhmm}`);
    await aTimeout(50);
    expect(fake.posts()).to.have.length(1);
    $<HTMLButtonElement>(el, '[part="delivery"] .gk-button')!.click();
    await waitUntil(() => $(el, '.receipt-code'), 'not sent after 立即重试');
    expect(fake.comments.size).to.equal(1);
  });

  it('a queued comment survives a closed page and is sent once when the page is opened again', async () => {
    const fake = useApi({ hang: true });
    const first = await mount();
    await fillValid(first, '服务器中断时提交的意见');
    $<HTMLButtonElement>(first, 'button[type="submit"]')!.click();
    await waitUntil(() => fake.posts().length === 1);
    const key = fake.posts()[0]!.headers['idempotency-key'];
    first.remove();
    fake.options.hang = false;
    const second = await mount();
    await waitUntil(() => $(second, '.receipt-code'), 'the queued comment was not sent on the next visit');
    expect(fake.posts().map((p) => p.headers['idempotency-key'])).to.deep.equal([key, key]);
    expect(fake.comments.size).to.equal(1);
  });

  it('a queued comment keeps its name and contact in memory only, and sends them', async () => {
    const fake = useApi();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const el = await mount();
    await fillValid(el, '断网时写好的意见');
    await type(el, '#name', '陈建国');
    await type(el, '#contact', '13900000000');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[part="delivery"]')?.textContent?.includes('等待网络'), 'no offline state');
    expect(deviceText()).to.contain('断网时写好的意见');
    expect(deviceText()).not.to.contain('陈建国');
    expect(deviceText()).not.to.contain('13900000000');
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '.receipt-code'), 'not sent after the network returned');
    expect(fake.posts()[0]!.body).to.deep.include({ name: '陈建国', contact: '13900000000' });
  });

  it('a queued comment with a name is not sent without it after the page closed; sent again, it keeps its key', async () => {
    const fake = useApi({ hang: true });
    const first = await mount();
    await fillValid(first, '页面关闭前提交的意见');
    await type(first, '#name', '陈建国');
    await type(first, '#contact', '13900000000');
    $<HTMLButtonElement>(first, 'button[type="submit"]')!.click();
    await waitUntil(() => fake.posts().length === 1);
    const key = fake.posts()[0]!.headers['idempotency-key'];
    first.remove();
    fake.options.hang = false;
    const second = await mount();
    await aTimeout(50);
    expect(fake.posts()).to.have.length(1);
    expect($<HTMLTextAreaElement>(second, '#body')!.value).to.equal('页面关闭前提交的意见');
    expect($<HTMLTextAreaElement>(second, '#body')!.readOnly).to.equal(false);
    expect($<HTMLInputElement>(second, '#name')!.value).to.equal('');
    expect($(second, '#withheld-note')!.textContent).to.contain('尚未确认送达');
    expect(deviceText()).not.to.contain('陈建国');
    await type(second, '#name', '陈建国');
    await type(second, '#contact', '13900000000');
    $<HTMLInputElement>(second, '#consent')!.click();
    await second.updateComplete;
    $<HTMLButtonElement>(second, 'button[type="submit"]')!.click();
    await waitUntil(() => $(second, '.receipt-code'), 'not sent again');
    expect(fake.posts().map((p) => p.headers['idempotency-key'])).to.deep.equal([key, key]);
    expect(fake.comments.size).to.equal(1);
  });

  it('a comment that had already arrived with other details says so in words', async () => {
    useApi({
      commentFailures: [
        {
          status: 409,
          body: { error: 'idempotency-conflict', message: 'this Idempotency-Key was used for a different comment' },
        },
      ],
    });
    const el = await mount();
    await fillValid(el, '已经送达过的意见');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '.gk-error[role="alert"]'), 'no error shown');
    expect($(el, '.gk-error')!.textContent).to.contain('这条意见此前已经送达');
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('已经送达过的意见');
  });

  it('stopping a queued comment to edit it keeps the text and gives it a new key', async () => {
    const fake = useApi({ hang: true });
    const el = await mount();
    await fillValid(el);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => fake.posts().length === 1);
    const stop = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="delivery"] button')].find((b) =>
      b.textContent?.includes('停止提交'),
    )!;
    stop.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, '#body')!;
    expect(textarea.readOnly).to.equal(false);
    expect(textarea.value).to.contain('政务服务大厅');
    const stored = Object.entries(localStorage).find(([k]) => k.includes(':draft:'))!;
    expect(JSON.parse(stored[1]).key).not.to.equal(fake.posts()[0]!.headers['idempotency-key']);
  });

  it('a refusal says exactly what happened and keeps the text', async () => {
    useApi({
      commentFailures: [
        {
          status: 403,
          body: {
            error: 'closed',
            message: 'comments closed',
            zh: '征求意见已截止',
            closes: '2026-11-20T15:59:59.999Z',
          },
        },
      ],
    });
    const el = await mount();
    await fillValid(el, '截止后才提交的意见');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.gk-error[role="alert"]'), 'no error shown');
    expect($(el, '.gk-error')!.textContent).to.contain('征求意见已于 2026年11月20日 截止');
    expect(el.status).to.equal('closed');
    expect($<HTMLTextAreaElement>(el, '.kept textarea')!.value).to.equal('截止后才提交的意见');
  });

  it('a double press sends one request', async () => {
    const fake = useApi();
    const el = await mount();
    await fillValid(el);
    const submit = $<HTMLButtonElement>(el, 'button[type="submit"]')!;
    submit.click();
    submit.click();
    await waitUntil(() => $(el, '.receipt-code'));
    expect(fake.posts()).to.have.length(1);
  });

  it('falls back to the bundle dates when the service cannot be reached, and says so', async () => {
    useApi({ viewFailure: 'network' });
    const el = await mount(html`<gk-consultation .info=${bundleConsultation('open')}></gk-consultation>`);
    expect(statusText(el)).to.contain('征求意见中');
    expect($(el, '.unconfirmed')!.textContent).to.contain('暂时无法连接');
    expect($(el, 'form')).to.exist;
  });

  it('names what is wrong in a bad bundle consultation', async () => {
    useApi();
    const el = await mount(
      html`<gk-consultation .info=${{ id: 'x', endpoint: 'javascript:alert(1)' }}></gk-consultation>`,
    );
    const error = $(el, '[part="error"]')!.textContent!;
    expect(error).to.contain('征求意见配置有误');
    expect(error).to.contain('endpoint');
  });

  it('puts "对本条提意见" on every clause of the document and opens the form for that clause', async () => {
    useApi();
    const bundle = await loadExample('ezhou');
    const wrapper = await fixture<HTMLElement>(html`<div>
      <gk-document id="draft" .bundle=${bundle}></gk-document>
      <gk-consultation for="draft" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>
    </div>`);
    const doc = wrapper.querySelector<GkDocument>('gk-document')!;
    const el = wrapper.querySelector<GkConsultation>('gk-consultation')!;
    await waitUntil(() => doc.clauses.length > 0 && el.status === 'open');
    const tools = doc.clauseMarker('2.1')!;
    await waitUntil(() => tools.querySelector('[part="comment"]'), 'no comment button on the clause');
    const button = tools.querySelector<HTMLButtonElement>('[part="comment"]')!;
    expect(button.textContent).to.contain('对本条提意见');
    expect(button.getAttribute('aria-label')).to.contain('提意见');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await aTimeout(0);
    expect($<HTMLSelectElement>(el, '#target')!.value).to.equal('2.1');
    expect($(el, '.quote')).to.exist;
    expect(el.shadowRoot!.activeElement?.id).to.equal('body');
  });

  it('has no horizontal scrolling at 320 px', async () => {
    useApi();
    await setViewport({ width: 320, height: 700 });
    try {
      const el = await mount();
      el.style.display = 'block';
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      const form = $(el, 'form')!;
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('speaks traditional Chinese and English', async () => {
    useApi();
    const hant = await mount(
      html`<gk-consultation lang="zh-Hant" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
    );
    expect(statusText(hant)).to.contain('徵求意見中');
    const en = await mount(
      html`<gk-consultation lang="en" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
    );
    expect($(hant, '[part="device"] button')!.textContent).to.contain('在公用電腦上？清除本機記錄');
    expect(statusText(en)).to.contain('Open for comments');
    expect($(en, 'button[type="submit"]')!.textContent).to.contain('Send comment');
    expect($(en, '[part="device"] button')!.textContent).to.contain('On a public computer? Clear this device');
    expect($(en, '#device-text')!.textContent).to.contain('180 days');
  });
});

// ---- Issue 16: the status bar, the form at its clause, the receipt -----------------------------

/** A draft (the Ezhou text) with its comment window, on a screen of the given size. */
async function withDocument() {
  const bundle = await loadExample('ezhou');
  const wrapper = await fixture<HTMLElement>(html`<div>
    <gk-document id="draft" .bundle=${bundle}></gk-document>
    <gk-consultation id="window" for="draft" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>
  </div>`);
  const doc = wrapper.querySelector<GkDocument>('gk-document')!;
  const el = wrapper.querySelector<GkConsultation>('gk-consultation')!;
  await waitUntil(() => doc.clauses.length > 0 && el.status === 'open', 'the draft is not open for comments');
  const commentButton = async (id: string) => {
    const tools = doc.clauseMarker(id)!;
    await waitUntil(() => tools.querySelector('[part="comment"]'), 'no comment button on the clause');
    return tools.querySelector<HTMLButtonElement>('[part="comment"]')!;
  };
  const clauseText = (id: string) => doc.clauses.find((c) => c.id === id)!.text.trim();
  return { bundle, doc, el, commentButton, clauseText };
}

const openSheet = async (el: GkConsultation) => {
  await el.updateComplete;
  await waitUntil(() => $(el, '.sheet')?.matches(':popover-open'), 'the form did not open at the clause');
  return $(el, '.sheet')!;
};
const quoteText = (sheet: HTMLElement) => {
  const quote = sheet.querySelector('.quote')!.cloneNode(true) as HTMLElement;
  quote.querySelector('.sr-only')?.remove();
  return quote.textContent!.trim();
};
const inView = (r: DOMRect) => r.top >= 0 && r.bottom <= innerHeight;
const beijing = (at: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('zh-Hans', { ...options, hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(at);

describe('gk-consultation at the clause (issue 16)', () => {
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('on a phone, "对本条提意见" opens a bottom sheet under the clause, quoting it (shortened with …)', async () => {
    await setViewport({ width: 390, height: 844 });
    useApi();
    const { el, commentButton, clauseText } = await withDocument();
    const button = await commentButton('2.1.3');
    scrollTo(0, 0);
    button.click();
    const sheet = await openSheet(el);
    const s = sheet.getBoundingClientRect();
    expect(s.bottom).to.be.closeTo(innerHeight, 2);
    expect(s.width).to.be.closeTo(document.documentElement.clientWidth, 2);
    expect(s.height).to.be.at.most(innerHeight * 0.71);
    // The clause is on screen, above the sheet: no jump to a form at the bottom of the page.
    const b = button.getBoundingClientRect();
    expect(b.top).to.be.at.least(0);
    expect(b.bottom).to.be.at.most(s.top);
    // A 333-character clause: its start, cut visibly.
    const quote = quoteText(sheet);
    expect(quote.endsWith('…')).to.equal(true);
    expect(clauseText('2.1.3').startsWith(quote.slice(0, -1))).to.equal(true);
    expect(quote.length).to.be.greaterThan(200);
    expect(el.shadowRoot!.activeElement?.id).to.equal('body');
    expect($<HTMLSelectElement>(el, '#target')!.value).to.equal('2.1.3');
    await expect(el).to.be.accessible();
  });

  it('after sending at the clause, the receipt is beside it; 返回原文 returns focus to the clause', async () => {
    await setViewport({ width: 390, height: 844 });
    useApi();
    const { doc, el, commentButton } = await withDocument();
    const button = await commentButton('2.1.1');
    button.click();
    const sheet = await openSheet(el);
    await fillValid(el);
    // The reader scrolls away meanwhile.
    scrollBy(0, 3000);
    const receipt = oneEvent(el, 'gk-comment-receipt');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await receipt;
    await el.updateComplete;
    expect(sheet.querySelector('.receipt-code')).to.exist;
    expect(el.shadowRoot!.activeElement?.id).to.equal('receipt-title');
    expect(inView(button.getBoundingClientRect())).to.equal(true);
    // The code stays on one line on a phone.
    const code = sheet.querySelector<HTMLElement>('.receipt-code')!;
    expect(code.scrollWidth).to.be.at.most(code.clientWidth + 1);
    expect(code.getClientRects()).to.have.length(1);
    sheet.querySelector<HTMLButtonElement>('.sheet-head button')!.click();
    await el.updateComplete;
    expect($(el, '.sheet')).to.equal(null);
    expect(doc.shadowRoot!.activeElement).to.equal(button);
    expect(inView(button.getBoundingClientRect())).to.equal(true);
  });

  it('on a wide screen the form opens beside the clause, quoting all of a short one; Escape goes back', async () => {
    await setViewport({ width: 1280, height: 800 });
    useApi();
    const { doc, el, commentButton, clauseText } = await withDocument();
    const button = await commentButton('2.1.1');
    button.click();
    const sheet = await openSheet(el);
    const s = sheet.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    // Beside: on the right of the screen, level with the clause, not a sheet along the bottom.
    expect(s.left).to.be.greaterThan(innerWidth / 2);
    expect(s.top).to.be.below(b.bottom);
    expect(s.bottom).to.be.greaterThan(b.top);
    expect(inView(b)).to.equal(true);
    expect(quoteText(sheet)).to.equal(clauseText('2.1.1'));
    $(el, '#body')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.sheet')).to.equal(null);
    expect(doc.shadowRoot!.activeElement).to.equal(button);
    // What was being written is kept for that clause.
    expect($<HTMLSelectElement>(el, '#target')!.value).to.equal('2.1.1');
  });

  it('the receipt names the draft as the page does, with the comment, the expected date and Beijing time', async () => {
    useApi({ feedbackExpected: '2026-12-31' });
    const { bundle, el, commentButton } = await withDocument();
    (await commentButton('1.3')).click();
    await openSheet(el);
    const body = '建议把“十三五”期间的目标\n细化到每一年。';
    await fillValid(el, body);
    const receipt = oneEvent(el, 'gk-comment-receipt');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await receipt;
    await el.updateComplete;
    const shown = $(el, '.receipt')!;
    const words = shown.textContent!.replace(/\s+/g, ' ');
    // The bundle's own title (the service's consultation title is another text).
    expect($(el, '.receipt-doc')!.textContent).to.equal(bundle.meta.title);
    expect(words).not.to.contain('关于公开征求');
    expect($(el, '.receipt-body')!.textContent).to.equal(body);
    expect(words).to.contain('预计于 2026年12月31日 前公布意见采纳情况');
    expect(words).to.contain('一、(三)工作目标');
    const sent = new Date((JSON.parse(localStorage.getItem(sentKey())!) as { sent: string }[])[0]!.sent);
    const time = beijing(sent, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    expect(words).to.contain(`${time}（北京时间）`);

    // The saved text says the same.
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'data:text/plain,';
    };
    try {
      [...shown.querySelectorAll<HTMLButtonElement>('button')]
        .find((b) => b.textContent!.includes('保存为文本'))!
        .click();
    } finally {
      URL.createObjectURL = create;
    }
    const file = await saved[0]!.text();
    expect(file.replace(/^\ufeff/, '').split('\n')[0]).to.equal(bundle.meta.title);
    for (const part of [body, '2026年12月31日', `${time}（北京时间）`, '一、(三)工作目标'])
      expect(file).to.contain(part);
  });
});

describe('gk-consultation-bar (issue 16)', () => {
  it('counts the days left by the calendar in China, agreeing with the closing date beside it', () => {
    // 15:16 in Beijing on 6 December; the window closes at 15:16 on the 7th: one day left, not "the last day".
    const now = Date.parse('2026-12-06T07:16:00Z');
    expect(daysLeft(new Date('2026-12-07T07:16:00Z'), now)).to.equal(1);
    expect(daysLeft(new Date('2026-12-06T15:59:59.999Z'), now)).to.equal(0);
    expect(daysLeft(new Date('2026-12-31T15:59:59.999Z'), now)).to.equal(25);
  });

  async function mountBar(options: FakeOptions) {
    useApi(options);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <gk-consultation-bar for="window"></gk-consultation-bar>
      <gk-consultation id="window" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>
    </div>`);
    const bar = wrapper.querySelector('gk-consultation-bar')!;
    const el = wrapper.querySelector<GkConsultation>('gk-consultation')!;
    await waitUntil(() => bar.getAttribute('status') === (options.status ?? 'open'), 'the bar shows no status');
    await bar.updateComplete;
    const words = () => bar.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const buttons = () => [...bar.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    return { bar, el, words, buttons };
  }

  it('open: 征求意见中 · 截止 date · days left · 我要提意见, which opens the form and returns', async () => {
    const { bar, el, words, buttons } = await mountBar({});
    expect(words()).to.match(/征求意见中\s*·\s*截止 \d{1,2}月\d{1,2}日\s*·\s*还剩 2[456] 天/);
    expect(buttons()).to.deep.equal(['我要提意见', '关注']);
    const button = bar.shadowRoot!.querySelector('button')!;
    button.click();
    await openSheet(el);
    expect($<HTMLSelectElement>(el, '#target')!.value).to.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('body');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(bar.shadowRoot!.activeElement).to.equal(button);
    await expect(bar).to.be.accessible();
  });

  it('upcoming: when it opens, and only 关注 to press', async () => {
    const { words, buttons } = await mountBar({ status: 'upcoming' });
    expect(words()).to.match(/尚未开始\s*·\s*\d{1,2}月\d{1,2}日 开始征求意见/);
    expect(buttons()).to.deep.equal(['关注']);
  });

  it('closed: when it closed and when the feedback is expected; 查询我的意见', async () => {
    const { words, buttons } = await mountBar({ status: 'closed', feedbackExpected: '2026-12-31' });
    expect(words()).to.match(/已截止\s*·\s*\d{1,2}月\d{1,2}日 截止\s*·\s*预计 12月31日 前公布反馈/);
    expect(buttons()).to.deep.equal(['查询我的意见', '关注']);
  });

  it('published: the counts, 查看采纳情况 and 查询我的意见, which lands in the receipt field', async () => {
    const demo = await loadDemoConsultation();
    const { bar, el, words, buttons } = await mountBar({
      status: 'feedback-published',
      feedback: demoFeedback(demo),
      received: 6,
    });
    await waitUntil(() => words().includes('采纳 2 条'), 'the published figures are not shown');
    expect(words()).to.contain('反馈已公布');
    expect(words()).to.contain('共收到 6 条意见，采纳 2 条，部分采纳 1 条');
    expect(buttons()).to.deep.equal(['查看采纳情况', '查询我的意见', '关注']);
    const feedback = el.shadowRoot!.querySelector('gk-feedback')!;
    await waitUntil(() => feedback.shadowRoot!.querySelector('#receipt'), 'no lookup in the feedback');
    bar.shadowRoot!.querySelectorAll('button')[0]!.click();
    expect(feedback.shadowRoot!.activeElement?.textContent).to.equal('意见采纳情况反馈');
    bar.shadowRoot!.querySelectorAll('button')[1]!.click();
    expect(feedback.shadowRoot!.activeElement?.id).to.equal('receipt');
    await expect(bar).to.be.accessible();
  });
});
