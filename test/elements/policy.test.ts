import '@gongkai/elements';
import type { GkClauseTools, GkPolicy } from '@gongkai/elements';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
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

before(async () => {
  // The Ezhou article as a CMS prints it: one paragraph per line of the bundle's body.
  const bundle = await (await fetch('/demo/policies/ezhou-2016-40.json')).json();
  (window as { __ezhouLines?: string[] }).__ezhouLines = (bundle.body as string).split(/\n\s*\n/).filter(Boolean);
});
