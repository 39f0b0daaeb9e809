// Issue 20 (意见有回音), the citizen's side: "处理结果公布后通知我" in the comment form, what the
// receipt says of it, and following a consultation or a policy without an account (gk-follow).
import '@gongkai/elements';
import type { GkConsultation, GkFollow } from '@gongkai/elements';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  CONSULTATION_ID,
  ENDPOINT,
  type FakeApi,
  type FakeOptions,
  fakeConsultationApi,
} from '../helpers/consultation-fake.js';

let api: FakeApi | null = null;
const useApi = (options: FakeOptions = {}) => {
  api = fakeConsultationApi(options);
  return api;
};

afterEach(async () => {
  api?.restore();
  api = null;
  for (const key of Object.keys(localStorage))
    if (key.startsWith('gongkai:consultation:')) localStorage.removeItem(key);
  delete (navigator as { onLine?: boolean }).onLine;
  await setViewport({ width: 1280, height: 800 });
});

async function mount(
  template = html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
) {
  const el = await fixture<GkConsultation>(template);
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'no form rendered');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function type(el: GkConsultation | GkFollow, selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function click(el: GkConsultation | GkFollow, selector: string) {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}

/** A valid comment with "处理结果公布后通知我" ticked and `address` typed. */
async function fillWithNotify(el: GkConsultation, address: string, body = '建议公开权力清单的调整记录。') {
  await type(el, '#body', body);
  await click(el, '#consent');
  await click(el, '#notify');
  await type(el, '#notify-address', address);
}

const submit = (el: GkConsultation) => $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
const deviceText = () =>
  JSON.stringify(Object.entries(localStorage).filter(([key]) => key.startsWith('gongkai:consultation:')));

describe('gk-consultation: 处理结果公布后通知我 (issue 20)', () => {
  it('offers the opt-in apart from the contact, explained in one sentence; the address field appears when ticked', async () => {
    useApi();
    const el = await mount();
    const fieldset = $(el, 'fieldset.notify')!;
    expect(text(fieldset.querySelector('legend'))).to.equal('处理结果通知（选填）');
    const hint = text($(el, '#notify-hint'));
    expect(hint).to.contain('确认邮件');
    expect(hint).to.contain('处理结果公布');
    expect(hint).to.contain('30 天');
    expect(hint).to.contain('工作人员看不到');
    expect(hint.match(/。/g) ?? []).to.have.length(1);
    expect(fieldset.contains($(el, '#contact'))).to.equal(false);
    expect($(el, '#notify-address')).to.equal(null);
    expect(text($(el, '#notify')!.closest('label'))).to.equal('处理结果公布后通知我');
    await click(el, '#notify');
    const input = $<HTMLInputElement>(el, '#notify-address')!;
    expect(input.type).to.equal('email');
    expect(input.autocomplete).to.equal('email');
    expect(text(el.shadowRoot!.querySelector('label[for="notify-address"]'))).to.equal('接收通知的电子邮箱');
    expect(input.getAttribute('aria-describedby')).to.equal('notify-hint');
    await expect(el).to.be.accessible();
  });

  it('checks the address before sending: the message beside it, tied to it, focus on it, nothing sent', async () => {
    const fake = useApi();
    const el = await mount();
    await fillWithNotify(el, '');
    submit(el);
    await el.updateComplete;
    await aTimeout(0);
    const input = $<HTMLInputElement>(el, '#notify-address')!;
    expect(text($(el, '#err-notify'))).to.equal('请填写接收通知的电子邮箱');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('notify-hint err-notify');
    expect(el.shadowRoot!.activeElement?.id).to.equal('notify-address');
    expect(text($(el, '.summary'))).to.contain('1 处');

    await type(el, '#notify-address', 'zhang＠example。cn');
    expect(text($(el, '#err-notify'))).to.contain('全角');
    await type(el, '#notify-address', 'zhang.example.cn');
    expect(text($(el, '#err-notify'))).to.equal('电子邮箱格式不正确，例如 zhang@example.cn');
    await type(el, '#notify-address', 'zhang@example');
    expect(text($(el, '#err-notify'))).to.contain('格式不正确');
    await type(el, '#notify-address', 'zhang@example.cn');
    expect($(el, '#err-notify')).to.equal(null);
    expect(fake.posts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends notify { email, locale } with the comment, apart from the contact; the receipt says what the lookup reports', async () => {
    const fake = useApi();
    const el = await mount();
    await fillWithNotify(el, ' zhang@example.cn ');
    await type(el, '#contact', '13900000000');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    submit(el);
    const { detail } = await receipt;
    expect(fake.posts()[0]!.body).to.deep.equal({
      body: '建议公开权力清单的调整记录。',
      submitterType: 'individual',
      contact: '13900000000',
      notify: { email: 'zhang@example.cn', locale: 'zh-Hans' },
    });
    await waitUntil(
      () => fake.calls.some((c) => c.path === `/receipts/${detail.receipt}`),
      'the receipt was not looked up',
    );
    await el.updateComplete;
    expect(text($(el, '.receipt-notify'))).to.equal(
      '已登记通知：z***@example.cn，请查收确认邮件，点击其中的链接后才会收到通知。',
    );
    expect(deviceText()).not.to.contain('zhang@example.cn');
    await expect(el).to.be.accessible();
  });

  it('a receipt without notify says nothing of it', async () => {
    const fake = useApi();
    const el = await mount();
    await type(el, '#body', '没有勾选通知的意见');
    await click(el, '#consent');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    submit(el);
    await receipt;
    await el.updateComplete;
    expect(fake.posts()[0]!.body).not.to.have.property('notify');
    expect($(el, '.receipt-notify')).to.equal(null);
  });

  it('"查询状态" in 我的意见 says whether the notification is confirmed', async () => {
    const fake = useApi({ notifyState: 'confirmed' });
    const el = await mount();
    await fillWithNotify(el, 'zhang@example.cn');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    submit(el);
    await receipt;
    await waitUntil(() => text($(el, '.receipt-notify')).includes('已确认'), 'the receipt does not say confirmed');
    expect(text($(el, '.receipt-notify'))).to.equal('已登记通知：z***@example.cn（已确认），处理结果公布后会通知您。');
    fake.options.notifyState = 'unsubscribed';
    await click(el, '.sent .gk-link-button');
    await waitUntil(() => text($(el, '.sent [role="status"]')).includes('退订'), 'the lookup says nothing of notify');
    expect(text($(el, '.sent [role="status"]'))).to.equal('已收到，正在研究处理 · 通知已退订，地址已删除。');
  });

  it('a comment waiting for the network keeps its address (in memory only) and sends it once back online', async () => {
    const fake = useApi({ commentFailures: [{ status: 503 }] });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const el = await mount();
    await fillWithNotify(el, 'li.ming@example.cn', '断网时写好的意见');
    submit(el);
    await waitUntil(() => text($(el, '[part="delivery"]')).includes('等待网络'), 'no offline state');
    expect(deviceText()).to.contain('断网时写好的意见');
    expect(deviceText()).not.to.contain('li.ming');
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => text($(el, '[part="delivery"]')).includes('自动重试'), 'the 503 is not retried');
    expect($<HTMLInputElement>(el, '#notify-address')!.value).to.equal('li.ming@example.cn');
    await click(el, '[part="delivery"] .gk-button'); // 立即重试
    await waitUntil(() => $(el, '.receipt-code'), 'not sent after the network returned');
    expect(fake.posts()).to.have.length(2);
    const keys = new Set(fake.posts().map((p) => p.headers['idempotency-key']));
    expect(keys.size).to.equal(1);
    for (const post of fake.posts()) {
      expect((post.body as { notify: unknown }).notify).to.deep.equal({
        email: 'li.ming@example.cn',
        locale: 'zh-Hans',
      });
    }
    await waitUntil(() => text($(el, '.receipt-notify')).includes('l***@example.cn'));
  });

  it('a queued comment with an address is not sent without it after the page closed, and says why', async () => {
    const fake = useApi({ hang: true });
    const first = await mount();
    await fillWithNotify(first, 'zhang@example.cn', '页面关闭前提交的意见');
    submit(first);
    await waitUntil(() => fake.posts().length === 1);
    first.remove();
    fake.options.hang = false;
    const second = await mount();
    await aTimeout(50);
    expect(fake.posts()).to.have.length(1);
    expect(text($(second, '#withheld-note'))).to.contain('接收通知的地址也没有');
    expect($<HTMLInputElement>(second, '#notify')!.checked).to.equal(false);
  });

  it('a server with notifications off: the refusal names the field, everything is kept, unticked it goes', async () => {
    const fake = useApi({ notifyOff: true });
    const el = await mount();
    await fillWithNotify(el, 'zhang@example.cn', '服务器未开通通知时的意见');
    submit(el);
    await waitUntil(() => $(el, '#err-notify'), 'no message beside the field');
    expect(text($(el, '#err-notify'))).to.contain('本网站暂未开通通知');
    expect(text($(el, '.gk-error[role="alert"]'))).to.contain('提交失败');
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('服务器未开通通知时的意见');
    expect($<HTMLInputElement>(el, '#notify-address')!.value).to.equal('zhang@example.cn');
    expect(fake.comments.size).to.equal(0);
    await click(el, '#notify');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    submit(el);
    await receipt;
    expect(fake.posts()[1]!.body).not.to.have.property('notify');
    expect(fake.comments.size).to.equal(1);
  });

  it('where the site sends SMS, a mobile number can be chosen instead; it is checked and sent as phone', async () => {
    const fake = useApi({ sms: true });
    const el = await mount(
      html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} notify-channels="email sms"></gk-consultation>`,
    );
    expect(text($(el, '#notify-hint'))).to.contain('手机号码');
    await type(el, '#body', '希望短信通知处理结果');
    await click(el, '#consent');
    await click(el, '#notify');
    await click(el, 'input[name="notifyChannel"][value="sms"]');
    const input = $<HTMLInputElement>(el, '#notify-address')!;
    expect(input.type).to.equal('tel');
    expect(text(el.shadowRoot!.querySelector('label[for="notify-address"]'))).to.equal('接收通知的手机号码');
    await type(el, '#notify-address', '138-0013-80ab');
    submit(el);
    await el.updateComplete;
    expect(text($(el, '#err-notify'))).to.contain('手机号码格式不正确');
    await type(el, '#notify-address', '138 0013 8000');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    submit(el);
    await receipt;
    expect((fake.posts()[0]!.body as { notify: unknown }).notify).to.deep.equal({
      phone: '138 0013 8000',
      locale: 'zh-Hans',
    });
    await waitUntil(() => text($(el, '.receipt-notify')).includes('138****8000'));
    expect(text($(el, '.receipt-notify'))).to.equal(
      '已登记通知：138****8000，请查收确认短信，点击其中的链接后才会收到通知。',
    );
    await expect(el).to.be.accessible();
  });

  it('takes notify-channels from an ancestor too (a gk-policy that creates the form)', async () => {
    useApi({ sms: true });
    const wrapper = await fixture<HTMLElement>(html`<div notify-channels="email sms">
      <gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>
    </div>`);
    const el = wrapper.querySelector<GkConsultation>('gk-consultation')!;
    await waitUntil(() => el.shadowRoot?.querySelector('form'), 'no form rendered');
    await click(el, '#notify');
    expect(
      [...el.shadowRoot!.querySelectorAll('input[name="notifyChannel"]')].map((i) => i.getAttribute('value')),
    ).to.deep.equal(['email', 'sms']);
  });

  it('offers nothing where the site sends no notifications (notify-channels="none")', async () => {
    useApi();
    const el = await mount(
      html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} notify-channels="none"></gk-consultation>`,
    );
    expect($(el, 'fieldset.notify')).to.equal(null);
  });

  it('shows only the channels the server offers, and the page’s notify-channels still overrides them', async () => {
    useApi({ sms: true, offered: ['email', 'sms'] });
    const both = await mount();
    await click(both, '#notify');
    expect(
      [...both.shadowRoot!.querySelectorAll('input[name="notifyChannel"]')].map((i) => i.getAttribute('value')),
    ).to.deep.equal(['email', 'sms']);
    expect(text($(both, '#notify-hint'))).to.contain('手机号码');
    await expect(both).to.be.accessible();
    api?.restore();

    useApi({ offered: [] });
    const none = await mount();
    expect($(none, 'fieldset.notify'), 'a server that sends nothing: no opt-in').to.equal(null);
    api?.restore();

    useApi({ sms: true, offered: ['email', 'sms'] });
    const emailOnly = await mount(
      html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} notify-channels="email"></gk-consultation>`,
    );
    await click(emailOnly, '#notify');
    expect(emailOnly.shadowRoot!.querySelector('input[name="notifyChannel"]')).to.equal(null);
    expect($<HTMLInputElement>(emailOnly, '#notify-address')!.type).to.equal('email');
  });

  it('asks for an acknowledgement with the receipt only when ticked, and says it comes once the address is confirmed', async () => {
    const fake = useApi({ offered: ['email'] });
    const el = await mount();
    await fillWithNotify(el, 'zhang@example.cn');
    const ack = $<HTMLInputElement>(el, '#notify-ack')!;
    expect(ack.checked).to.equal(false);
    expect(text(ack.closest('label'))).to.equal('确认地址后，另发一条带回执编号的收到确认');
    await click(el, '#notify-ack');
    const receipt = oneEvent(el, 'gk-comment-receipt');
    submit(el);
    await receipt;
    expect((fake.posts()[0]!.body as { notify: unknown }).notify).to.deep.equal({
      email: 'zhang@example.cn',
      locale: 'zh-Hans',
      acknowledge: true,
    });
    // The receipt says it was asked for, and when it comes.
    await waitUntil(() => text($(el, '.receipt-notify')).includes('z***@example.cn'));
    expect(text($(el, '.receipt-notify'))).to.equal(
      '已登记通知：z***@example.cn，请查收确认邮件，点击其中的链接后才会收到通知。确认后另发一条收到确认，附回执编号。',
    );
    await expect(el).to.be.accessible();
  });

  it('sends the reader’s language as the locale, and speaks it (zh-Hant, en)', async () => {
    const fake = useApi();
    const en = await mount(
      html`<gk-consultation lang="en" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
    );
    expect(text($(en, '#notify')!.closest('label'))).to.equal('Tell me when the outcome is published');
    expect(text($(en, '#notify-hint'))).to.contain('30 days after the last message');
    await fillWithNotify(en, 'jane@example.org', 'A comment in English');
    const receipt = oneEvent(en, 'gk-comment-receipt');
    submit(en);
    await receipt;
    expect((fake.posts()[0]!.body as { notify: unknown }).notify).to.deep.equal({
      email: 'jane@example.org',
      locale: 'en',
    });
    await waitUntil(() => text($(en, '.receipt-notify')).includes('j***@example.org'));
    expect(text($(en, '.receipt-notify'))).to.contain('look out for a confirmation e-mail');
    const hant = await mount(
      html`<gk-consultation lang="zh-Hant" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
    );
    expect(text($(hant, '#notify')!.closest('label'))).to.equal('處理結果公布後通知我');
    await click(hant, '#notify');
    expect(text(hant.shadowRoot!.querySelector('label[for="notify-address"]'))).to.equal('接收通知的電子郵件地址');
  });

  it('fits a 320 px screen (200% zoom of a 640 px window) with the address field open', async () => {
    useApi({ sms: true });
    await setViewport({ width: 320, height: 700 });
    const el = await mount(
      html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} notify-channels="email sms"></gk-consultation>`,
    );
    await click(el, '#notify');
    const fieldset = $(el, 'fieldset.notify')!;
    expect(fieldset.scrollWidth).to.be.at.most(fieldset.clientWidth + 1);
    expect($(el, 'form')!.scrollWidth).to.be.at.most($(el, 'form')!.clientWidth + 1);
  });

  it('is reached and ticked with the keyboard', async () => {
    useApi();
    const el = await mount();
    $<HTMLInputElement>(el, '#contact')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('notify');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('notify-address');
    const focused = getComputedStyle(el.shadowRoot!.activeElement!);
    expect(focused.outlineStyle).not.to.equal('none');
  });
});

async function mountFollow(
  template = html`<gk-follow endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} policy="ezhou-zbf-2016-40"></gk-follow>`,
) {
  const el = await fixture<GkFollow>(template);
  await el.updateComplete;
  return el;
}

describe('gk-follow: 关注此政策/征求意见 without an account (issue 20)', () => {
  it('explains double opt-in, offers the consultation or the policy, and links the Atom feed and the deadlines calendar', async () => {
    useApi();
    const el = await mountFollow();
    expect(text($(el, '#follow-title'))).to.equal('关注此征求意见');
    expect(text($(el, '#follow-hint'))).to.contain('确认邮件');
    expect(text($(el, '#follow-hint'))).to.contain('一键退订');
    expect($(el, '#follow-address')!.getAttribute('aria-describedby')).to.equal('follow-hint');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="feeds"] a')];
    expect(links.map((a) => [text(a), new URL(a.href).pathname + new URL(a.href).search])).to.deep.equal([
      ['更新订阅源（Atom）', `${ENDPOINT}/feeds/policies/ezhou-zbf-2016-40/atom`],
      ['截止日期日历（ICS）', `${ENDPOINT}/feeds/deadlines.ics?policy=ezhou-zbf-2016-40`],
    ]);
    await expect(el).to.be.accessible();
  });

  it('checks the address, then sends { email, locale, consultation } and says where the confirmation went', async () => {
    const fake = useApi();
    const el = await mountFollow();
    await click(el, 'button[type="submit"]');
    await aTimeout(0);
    expect(text($(el, '#follow-error'))).to.contain('请填写接收通知的电子邮箱');
    expect($(el, '#follow-address')!.getAttribute('aria-describedby')).to.equal('follow-hint follow-error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('follow-address');
    await type(el, '#follow-address', 'wang@example.cn');
    expect($(el, '#follow-error')).to.equal(null);
    await click(el, 'button[type="submit"]');
    await waitUntil(() => text($(el, '.follow-done')), 'no confirmation message');
    expect(fake.follows).to.deep.equal([
      { email: 'wang@example.cn', locale: 'zh-Hans', consultation: CONSULTATION_ID },
    ]);
    expect(text($(el, '.follow-done'))).to.equal(
      '确认邮件已发往 w***@example.cn，请点击其中的链接完成关注；不确认就不会收到任何通知。',
    );
    await expect(el).to.be.accessible();
  });

  it('on its own, offers the channels the consultation’s answer lists; notify-channels overrides them', async () => {
    const fake = useApi({ sms: true, offered: ['email', 'sms'] });
    const el = await mountFollow();
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('input[name="follow-channel"]').length === 2,
      'SMS never offered',
    );
    expect(fake.calls.some((c) => c.method === 'GET' && c.path === `/consultations/${CONSULTATION_ID}`)).to.equal(true);
    await expect(el).to.be.accessible();
    api?.restore();
    useApi({ sms: true, offered: ['email', 'sms'] });
    const emailOnly = await mountFollow(
      html`<gk-follow endpoint=${ENDPOINT} consultation=${CONSULTATION_ID} notify-channels="email"></gk-follow>`,
    );
    await aTimeout(50);
    expect(emailOnly.shadowRoot!.querySelector('input[name="follow-channel"]')).to.equal(null);
  });

  it('follows the policy when chosen', async () => {
    const fake = useApi();
    const el = await mountFollow();
    await click(el, 'input[name="follow-what"]:not(:checked)');
    expect(text($(el, '#follow-title'))).to.equal('关注此政策');
    await type(el, '#follow-address', 'wang@example.cn');
    await click(el, 'button[type="submit"]');
    await waitUntil(() => fake.follows.length === 1);
    expect(fake.follows[0]).to.deep.equal({ email: 'wang@example.cn', locale: 'zh-Hans', policy: 'ezhou-zbf-2016-40' });
  });

  it('says what went wrong, keeping the address: rate limit, network, notifications off', async () => {
    const fake = useApi({ followFailures: [{ status: 429, headers: { 'retry-after': '3600' } }, 'network'] });
    const el = await mountFollow();
    await type(el, '#follow-address', 'wang@example.cn');
    await click(el, 'button[type="submit"]');
    await waitUntil(() => text($(el, '[role="alert"]')), 'no message');
    expect(text($(el, '[role="alert"]'))).to.equal('关注请求过于频繁，请稍后再试。');
    await click(el, 'button[type="submit"]');
    await waitUntil(() => text($(el, '[role="alert"]')).includes('网络'), 'no network message');
    expect(text($(el, '[role="alert"]'))).to.contain('您填写的地址还在');
    expect($<HTMLInputElement>(el, '#follow-address')!.value).to.equal('wang@example.cn');
    fake.options.notifyOff = true;
    await click(el, 'button[type="submit"]');
    await waitUntil(() => text($(el, '[role="alert"]')).includes('未开通'), 'no notifications-off message');
    expect(text($(el, '[role="alert"]'))).to.contain('订阅源或日历');
    expect(fake.follows).to.have.length(0);
  });

  it('on its own for a policy: the site feed is replaced by the policy’s, and SMS is offered where configured', async () => {
    const fake = useApi({ sms: true });
    const el = await mountFollow(
      html`<gk-follow lang="en" endpoint=${ENDPOINT} policy="ezhou-zbf-2016-40" notify-channels="email sms"></gk-follow>`,
    );
    expect(text($(el, '#follow-title'))).to.equal('Follow this policy');
    expect(el.shadowRoot!.querySelector('input[name="follow-what"]')).to.equal(null);
    await click(el, 'input[name="follow-channel"]:not(:checked)');
    expect($<HTMLInputElement>(el, '#follow-address')!.type).to.equal('tel');
    await type(el, '#follow-address', '13800138000');
    await click(el, 'button[type="submit"]');
    await waitUntil(() => fake.follows.length === 1);
    expect(fake.follows[0]).to.deep.equal({ phone: '13800138000', locale: 'en', policy: 'ezhou-zbf-2016-40' });
    await waitUntil(() => text($(el, '.follow-done')).includes('138****8000'));
    await expect(el).to.be.accessible();
  });

  it('names what is missing when it has nothing to follow', async () => {
    const el = await mountFollow(html`<gk-follow endpoint=${ENDPOINT}></gk-follow>`);
    expect(text($(el, '[role="alert"]'))).to.contain('consultation（或 policy）');
  });

  it('is opened from the consultation bar (关注, aria-expanded) with the consultation and its policy', async () => {
    useApi();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <gk-consultation-bar for="window"></gk-consultation-bar>
      <gk-consultation id="window" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>
    </div>`);
    const bar = wrapper.querySelector('gk-consultation-bar')!;
    await waitUntil(() => bar.getAttribute('status') === 'open', 'the bar shows no status');
    await bar.updateComplete;
    const button = [...bar.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === '关注')!;
    const follow = bar.shadowRoot!.querySelector<GkFollow>('gk-follow')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(follow.hidden).to.equal(true);
    expect(getComputedStyle(follow).display).to.equal('none');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await bar.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(follow.hidden).to.equal(false);
    expect(getComputedStyle(follow).display).to.equal('block');
    expect(follow.consultation).to.equal(CONSULTATION_ID);
    expect(follow.policy).to.equal('ezhou-zbf-2016-40');
    await follow.updateComplete;
    expect(text($(follow, '#follow-title'))).to.equal('关注此征求意见');
    await expect(bar).to.be.accessible();
  });
});
