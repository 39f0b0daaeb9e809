import '@gongkai/elements';
import type { GkClauseTools, GkPolicy } from '@gongkai/elements';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { withBadParts } from '../../stories/examples/bad-parts.js';
import { bundleConsultation, fakeConsultationApi } from '../helpers/consultation-fake.js';
import { loadExample } from '../helpers/examples.js';
import { smallBundle } from '../helpers/notes.js';

/** Creates a gk-policy, listening for gk-ready before it can fire. */
async function policy(setup: (el: GkPolicy) => void, width = 1200) {
  const host = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const el = document.createElement('gk-policy');
  setup(el);
  const ready = oneEvent(el, 'gk-ready');
  let count = 0;
  el.addEventListener('gk-ready', () => count++);
  host.append(el);
  const { detail } = await ready;
  return { el, detail, count: () => count, root: el.shadowRoot! };
}

const inner = (el: GkPolicy, selector: string) => el.shadowRoot!.querySelector(selector);

describe('gk-policy', () => {
  it('shows a bundle’s document with its interpretation beside it, and fires gk-ready once with counts', async () => {
    const { el, detail, count } = await policy((p) => {
      p.bundle = smallBundle();
    });
    expect(detail).to.deep.equal({ clauses: el.clauses.length, notes: 4, orphans: 1 });
    expect(el.clauses.map((c) => c.id)).to.deep.equal(['1', '1.1', '1.2', '2', '2.1', '2.2', '3']);
    const text = inner(el, '.text')!.getBoundingClientRect();
    const notes = inner(el, '.notes')!.getBoundingClientRect();
    expect(notes.left).to.be.greaterThan(text.right - 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(count()).to.equal(1);
  });

  it('offers a section navigation for the parts it shows', async () => {
    const { el } = await policy((p) => {
      p.bundle = smallBundle();
    });
    const labels = [...el.shadowRoot!.querySelectorAll('[part="sections"] button')].map((b) => b.textContent?.trim());
    expect(labels).to.deep.equal(['原文', '解读']);
    const none = await policy((p) => {
      p.bundle = smallBundle({ interpretations: [] });
    });
    expect(none.root.querySelectorAll('[part="sections"] button').length).to.equal(1);
  });

  it('shows the bundle’s Q&A and graphics below the text, with their sections', async () => {
    const { el } = await policy((p) => {
      p.src = '/demo/policies/ezhou-2016-40.json';
    });
    const labels = [...el.shadowRoot!.querySelectorAll('[part="sections"] button')].map((b) => b.textContent?.trim());
    expect(labels).to.deep.equal(['原文', '解读', '问答', '图解']);
    const qa = inner(el, '.qa > *')!;
    await waitUntil(() => qa.shadowRoot?.querySelectorAll('details').length === 9, 'the 9 questions are not shown');
    const graphic = inner(el, '.graphics > *')!;
    await waitUntil(() => (graphic.shadowRoot?.textContent ?? '').length > 20, 'no graphics shown');
  });

  it('reads a bundle from an inline JSON script', async () => {
    const { el } = await policy((p) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(smallBundle());
      p.append(script);
    });
    expect(el.clauses.length).to.equal(7);
  });

  it('enhances the article already in the page, which stays in the light DOM', async () => {
    const { el, detail } = await policy((p) => {
      p.interpretation = '/demo/policies/ezhou-2016-40-jd.json';
      const article = document.createElement('div');
      article.className = 'TRS_Editor';
      for (const line of (window as { __ezhouLines?: string[] }).__ezhouLines ?? []) {
        const para = document.createElement('p');
        para.textContent = line;
        article.append(para);
      }
      p.append(article);
    });
    expect(detail.clauses).to.be.greaterThan(30);
    expect(detail.notes).to.equal(10);
    const article = el.querySelector('.TRS_Editor')!;
    expect(article.querySelectorAll('gk-clause-tools').length).to.equal(detail.clauses);
    expect(article.querySelector<GkClauseTools>('gk-clause-tools[clause="1.1"]')?.notes).to.be.greaterThan(0);
  });

  it('enhancing, is ready only once the interpretation has arrived, however slowly it comes', async () => {
    const original = window.fetch;
    // The interpretation file arrives after the article has been annotated.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('-jd.json')) await new Promise((r) => setTimeout(r, 400));
      return original(input, init);
    };
    try {
      const { el, detail, count } = await policy((p) => {
        p.interpretation = '/demo/policies/ezhou-2016-40-jd.json';
        const article = document.createElement('div');
        for (const line of (window as { __ezhouLines?: string[] }).__ezhouLines ?? []) {
          const para = document.createElement('p');
          para.textContent = line;
          article.append(para);
        }
        p.append(article);
      });
      expect(detail.notes).to.equal(10);
      expect(inner(el, '#gk-notes')).to.exist;
      await new Promise((r) => setTimeout(r, 100));
      expect(count()).to.equal(1);
    } finally {
      window.fetch = original;
    }
  });

  it('opens notes from the clause on a phone-sized layout', async () => {
    const { el } = await policy((p) => {
      p.bundle = smallBundle();
    }, 360);
    await waitUntil(() => el.hasAttribute('narrow'), 'a 360 px policy page is not narrow');
    const doc = inner(el, 'gk-document')!;
    const notes = inner(el, 'gk-interpretation')!;
    const tools = doc.shadowRoot!.querySelector('gk-clause-tools[clause="1.2"]')!;
    await waitUntil(() => tools.querySelector('[part="notes"]'));
    tools.querySelector<HTMLButtonElement>('[part="notes"]')!.click();
    await waitUntil(() => notes.shadowRoot!.querySelector('[role="dialog"]'), 'no popover');
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('speaks the language set on gk-policy, down to its document and notes', async () => {
    const { el } = await policy((p) => {
      p.lang = 'en';
      p.bundle = smallBundle();
    });
    const doc = inner(el, '#gk-doc')!;
    const notes = inner(el, '#gk-notes')!;
    expect(doc.shadowRoot!.querySelector('[part="controls"]')!.getAttribute('aria-label')).to.equal('Reading options');
    expect(notes.shadowRoot!.querySelector('[part="orphans"] h2')!.textContent).to.equal(
      'Interpretation that could not be placed',
    );
  });

  it('says what is wrong with a broken inline bundle', async () => {
    const el = await fixture<GkPolicy>(
      html`<gk-policy><script type="application/json">{ "schemaVersion": 1, "id": </script></gk-policy>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('application/json');
  });

  it('is accessible, wide and narrow', async () => {
    const wide = await policy((p) => {
      p.bundle = smallBundle();
    });
    await expect(wide.el).to.be.accessible();
    const narrow = await policy((p) => {
      p.bundle = smallBundle();
    }, 360);
    await expect(narrow.el).to.be.accessible();
  });
});

describe('gk-policy: one bad part does not blank the page (issue 18)', () => {
  const NOTICE = '此项内容有误，暂不显示，请联系网站编辑';
  let bundleWithBadParts: ReturnType<typeof withBadParts>;
  before(async () => {
    bundleWithBadParts = withBadParts(await loadExample('ezhou'));
  });

  /** Runs `fn` with console.warn recorded (and quiet). */
  async function warnings(fn: () => Promise<void>): Promise<string[]> {
    const warn = console.warn;
    const seen: string[] = [];
    console.warn = (...args: unknown[]) => void seen.push(args.map((a) => JSON.stringify(a)).join(' '));
    try {
      await fn();
    } finally {
      console.warn = warn;
    }
    return seen;
  }

  it('shows the document, its notes and the other graphics and questions, a notice in place of each bad one', async () => {
    const errors: { message: string; problems: { path: string }[] }[] = [];
    let page!: Awaited<ReturnType<typeof policy>>;
    const warned = await warnings(async () => {
      page = await policy((p) => {
        p.addEventListener('gk-error', (e) => errors.push(e.detail));
        p.bundle = bundleWithBadParts;
      });
      const qa = inner(page.el, '.qa > *')!;
      await waitUntil(
        () => qa.shadowRoot?.querySelectorAll('details').length === 8,
        'the 8 valid questions are not shown',
      );
    });
    const { el, detail } = page;
    expect(inner(el, '[part="error"]')).to.equal(null);
    expect(detail.notes).to.be.greaterThan(0);
    const doc = inner(el, '#gk-doc')!.shadowRoot!;
    expect(doc.querySelector('[part="body"]')!.textContent).to.contain('政务公开');
    expect(doc.querySelector('[part="error"]')).to.equal(null);

    const graphic = inner(el, '.graphics > *')!.shadowRoot!;
    await waitUntil(() => graphic.querySelector('.cards'), 'no graphics shown');
    const cards = [...graphic.querySelector('.cards')!.children];
    expect(cards.map((c) => c.getAttribute('data-graphic') ?? c.textContent!.trim())).to.deep.equal([
      NOTICE,
      'g-figures',
    ]);

    const qa = inner(el, '.qa > *')!.shadowRoot!;
    const rows = [...qa.querySelectorAll('.items > li')];
    expect(rows.length).to.equal(9);
    expect(rows[1]!.textContent!.trim()).to.equal(NOTICE);
    expect(rows[2]!.querySelector('summary')!.textContent).to.equal(bundleWithBadParts.qa[2]!.question);

    const paths = errors.flatMap((e) => e.problems.map((p) => p.path));
    expect(paths).to.have.members(['$.graphics[0].caption', '$.qa[1].answer']);
    expect(warned.join('\n')).to.contain('$.graphics[0].caption').and.to.contain('$.qa[1].answer');
  });

  it('in English and in Traditional Chinese, the notice is in the reader’s language', async () => {
    for (const [lang, notice] of [
      ['en', 'This item has errors and is not shown; please contact the site editor'],
      ['zh-Hant', '此項內容有誤，暫不顯示，請聯絡網站編輯'],
    ] as const) {
      await warnings(async () => {
        const { el } = await policy((p) => {
          p.lang = lang;
          p.bundle = bundleWithBadParts;
        });
        const graphic = inner(el, '.graphics > *')!;
        await waitUntil(() => graphic.shadowRoot?.querySelector('[part="skipped"]'), `no ${lang} notice`);
        expect(graphic.shadowRoot!.querySelector('[part="skipped"]')!.textContent).to.equal(notice);
      });
    }
  });

  it('shows a page-level error, and no document, when the document itself cannot be read', async () => {
    await warnings(async () => {
      const unreadable = { ...bundleWithBadParts, meta: { title: '' } };
      const el = await fixture<GkPolicy>(html`<gk-policy .bundle=${unreadable}></gk-policy>`);
      await waitUntil(() => inner(el, '[part="error"]'), 'no error shown');
      const error = inner(el, '[part="error"]')!.textContent!;
      expect(error).to.contain('政策文件格式有误');
      expect(error).to.contain('$.meta.title');
      expect(inner(el, 'gk-document, [part="sections"]')).to.equal(null);
    });
  });

  it('is accessible with notices in place', async () => {
    await warnings(async () => {
      const { el } = await policy((p) => {
        p.bundle = bundleWithBadParts;
      });
      const qa = inner(el, '.qa > *')!;
      await waitUntil(() => qa.shadowRoot?.querySelector('[part="skipped"]'), 'no notice among the questions');
      await expect(el).to.be.accessible();
    });
  });
});

describe('gk-policy: what the citizen came for (issue 16)', () => {
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('opens a draft under consultation with its status bar in the first phone screen', async () => {
    await setViewport({ width: 390, height: 844 });
    const api = fakeConsultationApi();
    try {
      const bundle = { ...(await loadExample('ezhou')), consultation: bundleConsultation() };
      const { el, root } = await policy((p) => {
        p.bundle = bundle;
      }, 390);
      const bar = root.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('[part="consultation-bar"]')!;
      await waitUntil(() => bar.getAttribute('status') === 'open', 'the status bar shows no status');
      await bar.updateComplete;
      scrollTo(0, 0);
      const r = bar.getBoundingClientRect();
      expect(r.top).to.be.at.least(0);
      expect(r.bottom).to.be.at.most(844);
      expect(r.bottom).to.be.below(inner(el, '#gk-doc')!.getBoundingClientRect().top + 1);
      const words = bar.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(words).to.match(/征求意见中 · 截止 \d{1,2}月\d{1,2}日 · 还剩 \d+ 天/);
      const button = bar.shadowRoot!.querySelector('button')!;
      expect(button.textContent!.trim()).to.equal('我要提意见');
      expect(button.getBoundingClientRect().bottom).to.be.at.most(844);
      await expect(bar).to.be.accessible();
    } finally {
      api.restore();
    }
  });

  it('the 解读 tab lands on the first note, beside its clause, on a wide screen', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, root } = await policy((p) => {
      p.src = '/demo/policies/ezhou-2016-40.json';
    });
    scrollTo(0, 0);
    const tab = [...root.querySelectorAll<HTMLButtonElement>('[part="sections"] button')].find(
      (b) => b.textContent!.trim() === '解读',
    )!;
    tab.click();
    const notes = inner(el, '#gk-notes')!;
    const first = notes.shadowRoot!.querySelector<HTMLElement>('.group')!;
    const r = first.getBoundingClientRect();
    expect(r.top).to.be.at.least(-1);
    expect(r.top).to.be.below(innerHeight / 3);
    expect(notes.shadowRoot!.activeElement).to.equal(first);
  });

  it('the 解读 tab opens the first note from its clause on a phone', async () => {
    await setViewport({ width: 390, height: 844 });
    const { el, root } = await policy((p) => {
      p.src = '/demo/policies/ezhou-2016-40.json';
    }, 390);
    await waitUntil(() => el.hasAttribute('narrow'), 'a 390 px policy page is not narrow');
    scrollTo(0, 0);
    const tab = [...root.querySelectorAll<HTMLButtonElement>('[part="sections"] button')].find(
      (b) => b.textContent!.trim() === '解读',
    )!;
    tab.click();
    const notes = inner(el, '#gk-notes')!;
    await waitUntil(() => notes.shadowRoot!.querySelector('[role="dialog"]'), 'no note opened');
    const doc = inner(el, '#gk-doc') as HTMLElement & { clauseMarker(id: string): HTMLElement | undefined };
    const clause = notes.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!.dataset.clause!;
    const marker = doc.clauseMarker(clause)!.getBoundingClientRect();
    expect(marker.top).to.be.at.least(-1);
    expect(marker.bottom).to.be.at.most(innerHeight);
  });

  it('on a phone, a button brings the section navigation back once it has scrolled away', async () => {
    await setViewport({ width: 390, height: 844 });
    const { el, root } = await policy((p) => {
      p.src = '/demo/policies/ezhou-2016-40.json';
    }, 390);
    await waitUntil(() => el.hasAttribute('narrow'), 'a 390 px policy page is not narrow');
    scrollTo(0, 0);
    await el.updateComplete;
    expect(root.querySelector('[part="to-sections"]')).to.equal(null);
    scrollTo(0, 6000);
    await waitUntil(() => root.querySelector('[part="to-sections"]'), 'no way back to the sections');
    const back = root.querySelector<HTMLButtonElement>('[part="to-sections"]')!;
    const r = back.getBoundingClientRect();
    expect(r.bottom).to.be.at.most(innerHeight);
    expect(r.height).to.be.at.least(44);
    back.click();
    const nav = root.querySelector('[part="sections"]')!.getBoundingClientRect();
    expect(nav.top).to.be.at.least(-1);
    expect(nav.bottom).to.be.at.most(innerHeight);
    expect(root.activeElement?.textContent?.trim()).to.equal('原文');
  });
});

before(async () => {
  // The Ezhou article as a CMS prints it: one paragraph per line of the bundle's body.
  const bundle = await (await fetch('/demo/policies/ezhou-2016-40.json')).json();
  (window as { __ezhouLines?: string[] }).__ezhouLines = (bundle.body as string).split(/\n\s*\n/).filter(Boolean);
});
