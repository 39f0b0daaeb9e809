import '@gongkai/elements/staff';
import type { GkWorkbench } from '@gongkai/elements/staff';
import { validate } from '@gongkai/format';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

const SEED = '/test/fixtures/seeds/ezhou-2016-plan.txt';
let seed = '';
before(async () => {
  seed = await (await fetch(SEED)).text();
});

/**
 * A short plan with the defects drafters meet: a heading run into its text, an attachment
 * list read as clauses, and a clause whose second part lost its number.
 */
const DEFECTS = [
  '关于做好政务公开工作的实施方案',
  '一、总体要求',
  '（一）指导思想全面贯彻落实党中央精神，坚持以公开为常态、不公开为例外。',
  '（二）工作目标',
  '到2020年，政务公开制度体系基本健全。',
  '附件：1.政务公开事项目录',
  '2.联系人名单',
  '二、保障措施',
  '各单位要加强组织领导。明确工作责任，把任务落实到人。',
].join('\n');

let keys = 0;
const TOKEN = `gks_0123456789ab_${'A'.repeat(43)}`;

async function workbench(width = 1200, lang = 'zh-Hans', key = `test-${Date.now()}-${keys++}`) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style="width:${width}px"><gk-workbench draft-key=${key} endpoint="/api/v1"></gk-workbench></div>`,
  );
  const el = wrap.querySelector('gk-workbench')!;
  await el.updateComplete;
  return { el, root: el.shadowRoot!, key, wrap };
}

const byId = <T extends HTMLElement = HTMLElement>(root: ShadowRoot, id: string) => root.getElementById(id) as T;

function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** The button whose text is `text` (or, failing that, contains it). */
function button(root: ParentNode, text: string): HTMLButtonElement {
  const buttons = [...root.querySelectorAll('button')];
  const label = (b: HTMLButtonElement) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const found = buttons.find((b) => label(b) === text) ?? buttons.find((b) => label(b).includes(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

async function paste(el: GkWorkbench, text: string) {
  const root = el.shadowRoot!;
  type(byId<HTMLTextAreaElement>(root, 'source-text'), text);
  await el.updateComplete;
  byId(root, 'source-read').click();
  await el.updateComplete;
}

/** Presses save (or download) and, when the self-check has failures, "save anyway". */
async function pressSave(el: GkWorkbench, part: 'save' | 'download' = 'save') {
  const root = el.shadowRoot!;
  root.querySelector<HTMLButtonElement>(`[part="${part}"]`)!.click();
  await el.updateComplete;
  root.getElementById('save-anyway')?.click();
}

async function go(el: GkWorkbench, step: GkWorkbench['step']) {
  el.step = step;
  await el.updateComplete;
  // Let the preview and the self-check catch up.
  await aTimeout(400);
  await el.updateComplete;
}

/** The text of a node and of every shadow root under it. */
function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return text;
}

const clauseNumbers = (root: ShadowRoot) =>
  [...root.querySelectorAll('ol.clauses > li .number')].map((n) => n.textContent?.trim());

afterEach(() => {
  for (const k of Object.keys(localStorage))
    if (k.startsWith('gongkai:workbench:draft:test-')) localStorage.removeItem(k);
  sessionStorage.removeItem('gongkai:review:session:/api/v1');
});

describe('gk-workbench', () => {
  it('starts on the document step, with labelled fields and the steps listed', async () => {
    const { root } = await workbench();
    expect(root.querySelector('h2')?.textContent).to.equal('政策解读工作台');
    const steps = [...root.querySelectorAll('nav[part="steps"] button')];
    expect(steps).to.have.length(8);
    expect(steps[0]!.getAttribute('aria-current')).to.equal('step');
    expect(root.querySelector('label[for="source-text"]')?.textContent).to.contain('文件内容');
    expect(byId<HTMLInputElement>(root, 'source-file').accept).to.contain('.html');
  });

  it('reads pasted seed text: clauses found, metadata filled in', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    expect(root.querySelector('.notice.ok')?.textContent).to.contain('识别出 42 个条款');
    await go(el, 'clauses');
    expect(clauseNumbers(root)).to.have.length(42);
    expect(clauseNumbers(root).slice(0, 3)).to.deep.equal(['一、', '(一)', '(二)']);
    await go(el, 'meta');
    expect(byId<HTMLInputElement>(root, 'meta-docNumber').value).to.equal('鄂州政办发〔2016〕40号');
    expect(byId<HTMLInputElement>(root, 'meta-published').value).to.equal('2016-07-21');
    expect(byId<HTMLSelectElement>(root, 'meta-status').value).to.equal('valid');
  });

  it('says nothing is there when the read button is pressed on an empty box', async () => {
    const { el, root } = await workbench();
    byId(root, 'source-read').click();
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('还没有内容');
  });

  it('refuses a GBK file with a message saying so, and keeps what was pasted', async () => {
    const { root } = await workbench();
    type(byId<HTMLTextAreaElement>(root, 'source-text'), '已粘贴的内容');
    // 一、总体要求 in GBK, a few times over.
    const gbk = new Uint8Array(
      Array(8).fill([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3, 0x0a]).flat(),
    );
    const input = byId<HTMLInputElement>(root, 'source-file');
    const files = new DataTransfer();
    files.items.add(new File([gbk], '方案.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => root.querySelector('[role="alert"]'), 'no message');
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('GBK');
    expect(byId<HTMLTextAreaElement>(root, 'source-text').value).to.equal('已粘贴的内容');
  });

  it('reads an uploaded UTF-8 file', async () => {
    const { el, root } = await workbench();
    const input = byId<HTMLInputElement>(root, 'source-file');
    const files = new DataTransfer();
    files.items.add(new File([DEFECTS], 'plan.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => root.querySelector('.notice.ok'), 'not read');
    expect(byId<HTMLTextAreaElement>(root, 'source-text').value).to.equal(DEFECTS);
    await el.updateComplete;
    expect(el.getBundle().bundle.clauses.length).to.be.greaterThan(3);
  });

  it('fixes segmentation by hand: a title, a number that is not a clause, a split, and undo', async () => {
    const { el, root } = await workbench();
    await paste(el, DEFECTS);
    await go(el, 'clauses');
    expect(clauseNumbers(root)).to.deep.equal(['一、', '（一）', '（二）', '1.', '2.', '二、']);
    // The run-in heading: its title becomes a heading of its own.
    byId(root, 'clause-edit-1').click();
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal('clause-number');
    type(byId<HTMLInputElement>(root, 'clause-title'), '指导思想');
    button(root, '保存编号和标题').click();
    await el.updateComplete;
    expect(root.querySelector('.notice.ok')?.textContent).to.contain('已修改');
    expect(root.querySelectorAll('ol.clauses > li .title')[1]?.textContent).to.equal('指导思想');
    // 附件：1. 2. are not clauses.
    byId(root, 'clause-edit-4').click();
    await el.updateComplete;
    button(root, '并入上一条').click();
    await el.updateComplete;
    byId(root, 'clause-edit-3').click();
    await el.updateComplete;
    button(root, '并入上一条').click();
    await el.updateComplete;
    expect(clauseNumbers(root)).to.deep.equal(['一、', '（一）', '（二）', '二、']);
    // A lost number: the second sentence of 二、 becomes （一）.
    byId(root, 'clause-edit-3').click();
    await el.updateComplete;
    type(byId<HTMLInputElement>(root, 'split-at'), '明确工作责任');
    type(byId<HTMLInputElement>(root, 'split-number'), '（一）');
    button(root, '拆分').click();
    await el.updateComplete;
    expect(clauseNumbers(root)).to.deep.equal(['一、', '（一）', '（二）', '二、', '（一）']);
    const { bundle } = el.getBundle();
    expect(bundle.clauses.map((c) => c.id)).to.deep.equal(['1', '1.1', '1.2', '2', '2.1']);
    expect(bundle.body).to.contain('（一）明确工作责任');
    // Split without a number where there is none: refused, and the text is unchanged.
    byId(root, 'clause-edit-2').click();
    await el.updateComplete;
    type(byId<HTMLInputElement>(root, 'split-at'), '政务公开制度');
    button(root, '拆分').click();
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('仍未识别');
    expect(clauseNumbers(root)).to.have.length(5);
    button(root, '撤销上一次修改').click();
    await el.updateComplete;
    expect(clauseNumbers(root)).to.deep.equal(['一、', '（一）', '（二）', '二、']);
  });

  it('writes a note and shows it in the live gk-policy preview', async () => {
    // Wide enough for the preview to put the notes beside the text.
    const { el, root } = await workbench(1400);
    await paste(el, seed);
    await go(el, 'notes');
    type(byId<HTMLSelectElement>(root, 'notes-new-clause'), '2.6.22');
    byId(root, 'notes-add').click();
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal('note-body');
    expect(byId<HTMLSelectElement>(root, 'note-clause').value).to.equal('2.6.22');
    type(byId<HTMLTextAreaElement>(root, 'note-body'), '重大决策预公开是本方案的**重点任务**。');
    type(byId<HTMLInputElement>(root, 'note-author'), '市政府办公室');
    await aTimeout(500);
    await el.updateComplete;
    const policy = root.querySelector('[part="preview"] gk-policy')!;
    expect(policy).to.exist;
    await waitUntil(() => deepText(policy).includes('重大决策预公开是本方案的'), 'note not in the preview', {
      timeout: 5000,
    });
    const note = el.getBundle().bundle.interpretations![0]!;
    expect(note.target.clause).to.equal('2.6.22');
    expect(note.target.quote?.exact).to.be.a('string').and.not.empty;
    expect(note.author).to.equal('市政府办公室');
  });

  it('adds a Q&A item linked to a clause', async () => {
    const { el, root } = await workbench();
    await paste(el, DEFECTS);
    await go(el, 'qa');
    byId(root, 'qa-add').click();
    await el.updateComplete;
    type(byId<HTMLInputElement>(root, 'qa-question'), '政务公开的工作目标是什么？');
    type(byId<HTMLTextAreaElement>(root, 'qa-answer'), '到2020年，政务公开制度体系基本健全。');
    const box = byId(root, 'qa-clauses').querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[2]!;
    box.click();
    type(byId<HTMLInputElement>(root, 'qa-category'), '工作目标');
    await el.updateComplete;
    const qa = el.getBundle().bundle.qa!;
    expect(qa).to.deep.equal([
      {
        id: 'q1',
        question: '政务公开的工作目标是什么？',
        answer: '到2020年，政务公开制度体系基本健全。',
        clauses: ['1.2'],
        category: '工作目标',
      },
    ]);
    expect(root.querySelector('ul.items')?.textContent).to.contain('政务公开的工作目标是什么？');
  });

  it('makes a chart from pasted CSV, shows what it understood, and reports a bad cell by line', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'graphics');
    type(byId<HTMLSelectElement>(root, 'graphic-new-kind'), 'chart');
    byId(root, 'graphic-add').click();
    await el.updateComplete;
    type(byId<HTMLInputElement>(root, 'graphic-caption'), '各渠道主动公开政府信息数量');
    type(
      byId<HTMLTextAreaElement>(root, 'graphic-table'),
      '渠道,2016年,2020年\n政府网站,12500,31800\n政务微博,abc,5200',
    );
    await el.updateComplete;
    expect(root.querySelector('#graphic-table-problems')?.textContent).to.contain('第 3 行第 2 列：“abc”不是数字');
    type(
      byId<HTMLTextAreaElement>(root, 'graphic-table'),
      '渠道\t2016年\t2020年\n政府网站\t12,500\t31800\n政务微博\t3400\t5200',
    );
    type(byId<HTMLTextAreaElement>(root, 'graphic-description'), '政府网站公开的信息最多，2020年是2016年的2.5倍。');
    await el.updateComplete;
    const table = root.querySelector('.understood table')!;
    expect(table.querySelector('caption')?.textContent).to.contain('2 行，2 组数据（制表符分隔）');
    expect([...table.querySelectorAll('tbody td')].map((td) => td.textContent)).to.deep.equal([
      '12500',
      '31800',
      '3400',
      '5200',
    ]);
    await aTimeout(450);
    await el.updateComplete;
    const graphic = root.querySelector('.graphic-preview gk-graphic')!;
    expect(graphic).to.exist;
    await waitUntil(() => graphic.shadowRoot?.querySelector('[part="export"]'), 'no export button');
    expect(el.getBundle().bundle.graphics?.[0]).to.deep.include({
      kind: 'chart',
      caption: '各渠道主动公开政府信息数量',
    });
  });

  it('shows the self-check beside what it is about, with a button that goes there', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'check');
    const findings = [...root.querySelectorAll('.findings li')];
    const validity = findings.find((li) => li.textContent?.includes('施行日期'))!;
    expect(validity.querySelector('.badge')?.textContent).to.equal('未通过');
    expect(findings.some((li) => li.textContent?.includes('没有解读、问答或图解'))).to.equal(true);
    button(validity, '前往修改').click();
    await el.updateComplete;
    await aTimeout(0);
    expect(el.step).to.equal('meta');
    expect(root.activeElement?.id).to.equal('meta-effective');
  });

  it('lists schema problems with their paths and jumps to the field', async () => {
    const { el, root } = await workbench();
    await paste(el, DEFECTS);
    await go(el, 'notes');
    byId(root, 'notes-add').click();
    await go(el, 'check');
    const problem = [...root.querySelectorAll('.findings li')].find((li) => li.textContent?.includes('解读 1'))!;
    expect(problem).to.exist;
    button(problem, '前往修改').click();
    await el.updateComplete;
    await aTimeout(0);
    expect(el.step).to.equal('notes');
    expect(['note-clause', 'note-body']).to.include(root.activeElement?.id);
    // After the check ran, the field itself says what is wrong.
    expect(byId(root, 'note-body').getAttribute('aria-invalid')).to.equal('true');
  });

  it('saves with PUT and the bearer token, shows the two lines for the CMS, and reports a 400', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'save');
    const calls: { url: string; init: RequestInit }[] = [];
    const original = window.fetch;
    let answer = new Response(JSON.stringify({ id: 'ezhou-2016-plan' }), { status: 200 });
    window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      calls.push({ url: String(input), init });
      return answer.clone();
    };
    try {
      type(byId<HTMLInputElement>(root, 'save-token'), TOKEN);
      const saved = oneEvent(el, 'gk-save');
      await pressSave(el);
      const event = await saved;
      expect(event.detail).to.deep.equal({
        id: 'ezzbf-2016-40',
        via: 'server',
        url: `${location.origin}/api/v1/policies/ezzbf-2016-40`,
      });
      expect(calls).to.have.length(1);
      expect(calls[0]!.init.method).to.equal('PUT');
      expect((calls[0]!.init.headers as Record<string, string>).authorization).to.equal(`Bearer ${TOKEN}`);
      expect(validate(JSON.parse(String(calls[0]!.init.body))).ok).to.equal(true);
      await el.updateComplete;
      const lines = byId<HTMLTextAreaElement>(root, 'embed-lines').value;
      expect(lines).to.equal(
        `<script src="${location.origin}/gongkai.js" defer></script>\n<gk-policy src="${location.origin}/api/v1/policies/ezzbf-2016-40"></gk-policy>`,
      );
      // The token is kept for this tab, where gk-review keeps its session.
      expect(sessionStorage.getItem('gongkai:review:session:/api/v1')).to.contain(TOKEN);
      answer = new Response(
        JSON.stringify({
          error: 'invalid-policy',
          message: 'the policy bundle is not valid',
          problems: [{ path: '$.meta.title', message: 'too long' }],
        }),
        { status: 400 },
      );
      await pressSave(el);
      await waitUntil(() => root.querySelector('[part="error"]'), 'no error shown');
      const error = root.querySelector('[part="error"]')!;
      expect(error.textContent).to.contain('服务器认为数据有问题');
      expect(error.textContent).to.contain('标题');
      expect(error.textContent).not.to.contain('$.');
      expect(error.textContent).to.contain('内容没有丢失');
    } finally {
      window.fetch = original;
    }
  });

  it('says what a 401, a 413 and a network failure mean', async () => {
    const { el, root } = await workbench();
    await paste(el, DEFECTS);
    await go(el, 'save');
    const original = window.fetch;
    const answers: (() => Promise<Response>)[] = [
      async () => new Response(JSON.stringify({ error: 'unauthorized', message: 'bad token' }), { status: 401 }),
      async () => new Response(JSON.stringify({ error: 'too-large', message: 'too large' }), { status: 413 }),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ];
    const expected = ['令牌无效或已过期', '数据太大', '无法连接服务器'];
    try {
      for (const [i, answer] of answers.entries()) {
        window.fetch = answer;
        if (byId(root, 'save-token')) type(byId<HTMLInputElement>(root, 'save-token'), TOKEN);
        await pressSave(el);
        await waitUntil(() => root.querySelector('[part="error"]')?.textContent?.includes(expected[i]!), expected[i]);
      }
      expect(sessionStorage.getItem('gongkai:review:session:/api/v1')).to.equal(null);
      expect(el.getBundle().bundle.body).to.contain('保障措施');
    } finally {
      window.fetch = original;
    }
  });

  it('refuses to save an invalid bundle and says what to fix', async () => {
    const { el, root } = await workbench();
    await paste(el, DEFECTS);
    await go(el, 'meta');
    type(byId<HTMLInputElement>(root, 'doc-id'), '政务公开');
    await go(el, 'save');
    const original = window.fetch;
    let called = false;
    window.fetch = async () => {
      called = true;
      return new Response('{}');
    };
    try {
      root.querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await el.updateComplete;
      expect(called).to.equal(false);
      expect(root.querySelector('[part="error"]')?.textContent).to.contain('页面地址');
    } finally {
      window.fetch = original;
    }
  });

  it('downloads bundle.json', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'save');
    const click = HTMLAnchorElement.prototype.click;
    let link: HTMLAnchorElement | null = null;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      link = this;
    };
    try {
      const saved = oneEvent(el, 'gk-save');
      await pressSave(el, 'download');
      expect((await saved).detail.via).to.equal('download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const a = link as HTMLAnchorElement | null;
    expect(a?.download).to.equal('bundle.json');
    const bundle = await (await fetch(a!.href)).json();
    expect(validate(bundle).ok).to.equal(true);
    expect(bundle.clauses).to.have.length(42);
    await el.updateComplete;
    expect(byId<HTMLTextAreaElement>(root, 'embed-lines').value).to.contain(
      '<gk-policy src="/policies/ezzbf-2016-40.json">',
    );
  });

  it('autosaves, and offers the draft back when the element is created again', async () => {
    const first = await workbench();
    await paste(first.el, DEFECTS);
    await go(first.el, 'notes');
    byId(first.root, 'notes-add').click();
    await first.el.updateComplete;
    type(byId<HTMLTextAreaElement>(first.root, 'note-body'), '一个下午写下的解读。');
    await aTimeout(700);
    expect(first.root.querySelector('.autosave')?.textContent).to.contain('已自动保存');
    first.wrap.remove();
    const second = await workbench(1200, 'zh-Hans', first.key);
    const banner = second.root.querySelector('[part="banner"]')!;
    expect(banner.textContent).to.contain('关于做好政务公开工作的实施方案');
    button(banner, '恢复上次的草稿').click();
    await second.el.updateComplete;
    expect(second.el.getBundle().bundle.interpretations?.[0]?.body).to.equal('一个下午写下的解读。');
    expect(byId<HTMLTextAreaElement>(second.root, 'source-text')?.value ?? DEFECTS).to.equal(DEFECTS);
  });

  it('starting over keeps the old draft one step back', async () => {
    const { el, root, key } = await workbench();
    await paste(el, DEFECTS);
    button(root.querySelector('header')!, '重新开始').click();
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal('start-over-yes');
    byId(root, 'start-over-yes').click();
    await el.updateComplete;
    expect(el.getBundle().bundle.body).to.equal('');
    expect(localStorage.getItem(`gongkai:workbench:draft:${key}:previous`)).to.contain('保障措施');
    button(root.querySelector('[part="banner"]')!, '找回之前的草稿').click();
    await el.updateComplete;
    expect(el.getBundle().bundle.body).to.contain('保障措施');
  });

  it('can be used with the keyboard: steps, clause editor, focus on the step heading', async () => {
    const { el, root } = await workbench();
    await paste(el, DEFECTS);
    const steps = [...root.querySelectorAll<HTMLButtonElement>('nav[part="steps"] button')];
    steps[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(steps[1]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal('step-heading');
    expect(root.activeElement?.textContent).to.contain('核对条款');
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.id).to.equal('clause-edit-0');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal('clause-number');
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.id).to.equal('clause-title');
  });

  it('fits a phone: one column, no sideways scrolling, the preview under the editor', async () => {
    const { el, root } = await workbench(360);
    await waitUntil(() => el.hasAttribute('narrow'), 'not narrow');
    await paste(el, DEFECTS);
    await go(el, 'notes');
    byId(root, 'notes-add').click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const editor = root.querySelector('.split > .editor')!.getBoundingClientRect();
    const preview = root.querySelector('.split > .preview')!.getBoundingClientRect();
    expect(preview.top).to.be.at.least(editor.bottom - 1);
  });

  it('speaks traditional Chinese and English', async () => {
    const hant = await workbench(1200, 'zh-Hant');
    expect(hant.root.querySelector('h2')?.textContent).to.equal('政策解讀工作台');
    const en = await workbench(1200, 'en');
    expect(en.root.querySelector('h2')?.textContent).to.equal('Interpretation workbench');
    await paste(en.el, DEFECTS);
    expect(en.root.querySelector('.notice')?.textContent).to.contain('clauses found');
  });

  it('takes up an existing bundle to revise it', async () => {
    const bundle = await (await fetch('/demo/policies/ezhou-2016-40.json')).json();
    const { el } = await workbench();
    el.bundle = bundle;
    await el.updateComplete;
    const out = el.getBundle();
    expect(out.problems).to.deep.equal([]);
    expect(out.bundle.interpretations?.length).to.equal(bundle.interpretations.length);
    expect(out.bundle.graphics?.length).to.equal(bundle.graphics.length);
  });

  it('says what is wrong with a bundle given to revise, and loads what it can', async () => {
    const { el, root } = await workbench();
    el.bundle = 'not a bundle';
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain('不是 JSON 对象');
    el.bundle = {
      schemaVersion: 1,
      id: 'x-1',
      meta: { title: '测试文件', published: '2017-02-30' },
      body: '一、总则\n\n内容。',
    };
    await el.updateComplete;
    expect(root.querySelector('.notice.warn')?.textContent).to.contain('有 1 个问题');
    expect(el.getBundle().bundle.meta).to.deep.equal({ title: '测试文件', published: '2017-02-30' });
  });

  it('takes the page junk of a pasted CMS page out of the text, says so in words, and can put it back', async () => {
    const page = await (await fetch('/test/fixtures/seeds/guiyang-eco-2017-plan.txt')).text();
    const { el, root } = await workbench();
    await paste(el, page);
    const warning = root.querySelector('.junk-notice')!;
    expect(warning.textContent).to.contain('已去掉 5 段网页上的内容');
    for (const said of ['网页导航', '当前位置 : 首页', '重复的标题', '日期:2017/4/28', '分享按钮', '加载提示'])
      expect(warning.textContent).to.contain(said);
    const body = () => el.getBundle().bundle.body;
    for (const junk of ['当前位置', '日期:2017/4/28', '分享到', '请稍候']) expect(body()).not.to.contain(junk);
    expect(body()).not.to.contain('贵阳市生态文明建设委员2017年政务公开工作实施方案');
    expect(body()).to.contain('一、指导思想');
    // What was read from the text is said in words, without field names.
    const notice = root.querySelector('.notice.ok')!.textContent!;
    expect(notice).to.contain('从正文中读出标题');
    expect(notice).not.to.contain('meta.');
    // Put back at the drafter's wish: then the self-check step warns and can remove it.
    byId(root, 'junk-toggle').click();
    await el.updateComplete;
    expect(body()).to.contain('当前位置');
    expect(root.querySelector('.junk-notice')!.textContent).to.contain('正文中有 5 段像是网页上的内容');
    await go(el, 'check');
    expect(byId(root, 'h-junk').textContent).to.contain('5 段');
    byId(root, 'junk-remove').click();
    await el.updateComplete;
    expect(body()).not.to.contain('请稍候');
    expect(byId(root, 'h-junk')).to.equal(null);
    expect(root.querySelector('.panel > p:first-of-type')?.textContent).not.to.contain('gongkai');
    expect(deepText(root)).not.to.match(/\$\.(meta|id|interpretations)/);
  });

  it('asks before saving while the self-check fails, and says so after saving anyway', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'save');
    const calls: string[] = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ id: 'ezzbf-2016-40' }), { status: 200 });
    };
    try {
      type(byId<HTMLInputElement>(root, 'save-token'), TOKEN);
      root.querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(calls).to.deep.equal([]);
      const confirm = root.querySelector('[part="confirm"]')!;
      expect(confirm.getAttribute('role')).to.equal('alert');
      expect(confirm.textContent).to.contain('发布前自查有 1 项未通过，确定仍要保存吗？');
      expect(confirm.textContent).to.contain('施行日期');
      expect(root.activeElement?.id).to.equal('save-confirm');
      const saved = oneEvent(el, 'gk-save');
      byId(root, 'save-anyway').click();
      await saved;
      await el.updateComplete;
      expect(calls).to.have.length(1);
      expect(root.querySelector('.save-status')?.textContent).to.contain('仍有 1 项未通过');
      // With the failure fixed, saving asks nothing.
      await go(el, 'meta');
      type(byId<HTMLInputElement>(root, 'meta-effective'), '2016-07-21');
      await go(el, 'save');
      root.querySelector<HTMLButtonElement>('[part="save"]')!.click();
      await waitUntil(() => calls.length === 2, 'not saved');
      expect(root.querySelector('[part="confirm"]')).to.equal(null);
    } finally {
      window.fetch = original;
    }
  });

  it('makes the page address from the 文号 and follows it until the drafter writes one', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'meta');
    const id = () => byId<HTMLInputElement>(root, 'doc-id').value;
    expect(id()).to.equal('ezzbf-2016-40');
    type(byId<HTMLInputElement>(root, 'meta-docNumber'), '鄂州政发〔2017〕3号');
    await el.updateComplete;
    expect(id()).to.equal('ezzf-2017-3');
    type(byId<HTMLInputElement>(root, 'doc-id'), 'ezhou-plan');
    type(byId<HTMLInputElement>(root, 'meta-docNumber'), '鄂州政发〔2017〕4号');
    await el.updateComplete;
    expect(id()).to.equal('ezhou-plan');
  });

  it('writes dates one way: text fields with the 年-月-日 hint, no browser date format', async () => {
    const { el, root } = await workbench();
    await paste(el, seed);
    await go(el, 'meta');
    for (const key of ['published', 'effective', 'expires']) {
      const input = byId<HTMLInputElement>(root, `meta-${key}`);
      expect(input.type).to.equal('text');
      expect(byId(root, `meta-${key}-hint`).textContent).to.contain('年-月-日');
    }
    await go(el, 'notes');
    byId(root, 'notes-add').click();
    await el.updateComplete;
    expect(byId<HTMLInputElement>(root, 'note-date').type).to.equal('text');
  });

  it('chooses a note’s clause by searching or by clicking it in the preview, with notes beside their clauses', async () => {
    const { el, root } = await workbench(1240);
    await paste(el, seed);
    await go(el, 'notes');
    byId(root, 'notes-add').click();
    await el.updateComplete;
    const wanted = el.getBundle().bundle.clauses.find((c) => c.id === '2.6.22')!;
    const search = byId<HTMLInputElement>(root, 'note-clause-search');
    search.value = wanted.text.slice(wanted.number.length, wanted.number.length + 8);
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const found = [...root.querySelectorAll<HTMLButtonElement>('ul.candidates button')];
    const choice = found.find((b) => b.textContent?.includes(wanted.number));
    expect(choice, 'clause 2.6.22 among the results').to.exist;
    choice!.click();
    await el.updateComplete;
    expect(el.getBundle().bundle.interpretations![0]!.target.clause).to.equal('2.6.22');
    type(byId<HTMLTextAreaElement>(root, 'note-body'), '解读正文。');
    await aTimeout(500);
    await el.updateComplete;
    const policy = root.querySelector<HTMLElement>('.preview-pane gk-policy')!;
    const doc = () =>
      policy.shadowRoot?.querySelector('gk-document') as
        | (HTMLElement & { clauseMarker(id: string): HTMLElement | undefined })
        | null;
    await waitUntil(() => doc()?.clauseMarker('1.1'), 'preview not ready', { timeout: 5000 });
    // On a 1240 px workbench the preview is wide enough for notes beside their clauses.
    expect(policy.hasAttribute('narrow')).to.equal(false);
    byId(root, 'note-clause-pick').click();
    await el.updateComplete;
    expect(byId(root, 'note-clause-pick').getAttribute('aria-pressed')).to.equal('true');
    const top = doc()!.clauseMarker('1.2')!.getBoundingClientRect().top;
    policy.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientY: top + 2 }));
    await el.updateComplete;
    expect(el.getBundle().bundle.interpretations![0]!.target.clause).to.equal('1.2');
    expect(byId<HTMLSelectElement>(root, 'note-clause').value).to.equal('1.2');
  });

  it('passes axe on the document, notes and check steps', async () => {
    const { el } = await workbench();
    await expect(el).to.be.accessible();
    await paste(el, DEFECTS);
    await go(el, 'notes');
    el.shadowRoot!.getElementById('notes-add')!.click();
    await aTimeout(500);
    await expect(el).to.be.accessible();
    await go(el, 'check');
    await expect(el).to.be.accessible();
  });
});
