// The validity badge follows the dates on the calendar of China time and changes at midnight
// there (16:00 UTC the day before). The page's clock is moved by replacing Date.now, which the
// element reads; the element's own timer (setTimeout, real) makes the change.
import '@gongkai/elements';
import type { GkDocument, GkPolicy } from '@gongkai/elements';
import type { Bundle } from '@gongkai/format';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { loadExample } from '../helpers/examples.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) =>
  shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

const realNow = Date.now;
let offset = 0;
/** Sets the page's clock to an instant; it runs on from there. */
function setClock(iso: string): void {
  offset = Date.parse(iso) - realNow();
  Date.now = () => realNow() + offset;
}

/**
 * Stops the page's clock at an instant (so a slow render cannot pass it) and returns what starts
 * it again, as if it had run all along: a timer armed meanwhile fires at the instant it aimed at.
 */
function stopClock(iso: string): () => void {
  const at = Date.parse(iso);
  const since = realNow();
  Date.now = () => at;
  return () => {
    offset = at - since;
    Date.now = () => realNow() + offset;
  };
}

/** The demo document's metadata over its first paragraphs: the header is what is looked at. */
async function ezhou(meta: Partial<Bundle['meta']>): Promise<Bundle> {
  const { schemaVersion, id, meta: own, clauses } = await loadExample('ezhou');
  const first = clauses!.slice(0, 3);
  return {
    schemaVersion,
    id,
    meta: { ...own, ...meta },
    body: first.flatMap((c) => c.text.split('\n')).join('\n\n'),
    clauses: first,
  };
}

async function show(bundle: Bundle): Promise<GkDocument> {
  const el = await fixture<GkDocument>(html`<gk-document .bundle=${bundle}></gk-document>`);
  await waitUntil(() => shadow(el).querySelector('[part="body"]'), 'gk-document did not render');
  return el;
}

/** Waits for the badge to say `label`, and returns the page's clock when it first did. */
function whenBadge(el: Element, label: string): Promise<number> {
  return new Promise((resolve) => {
    const seen = () => text(el, '[part="badge"]') === label;
    if (seen()) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      resolve(Date.now());
    });
    observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
  });
}

describe('gk-document: validity from the dates, China time', function () {
  // The clock tests wait for the element's own timer: more room than the default on a busy machine.
  this.timeout(20_000);
  afterEach(() => {
    Date.now = realNow;
  });

  it('changes from 有效 to 已失效 at midnight China time after the day of expires', async () => {
    const bundle = await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' });
    const start = stopClock('2024-06-30T15:59:59.600Z'); // 23:59:59.6 on 30 June in China
    const el = await show(bundle);
    expect(text(el, '[part="badge"]')).to.equal('有效');
    expect(shadow(el).querySelector('[part="notice"]')).to.equal(null);
    const rows = [...shadow(el).querySelectorAll('[part="meta"] > div')].map((r) => r.textContent?.replace(/\s+/g, ''));
    expect(rows).to.include('有效期至2024-06-30');
    start();
    const changed = await whenBadge(el, '已失效');
    expect(changed).to.be.at.least(Date.parse('2024-06-30T16:00:00Z'), 'changed before midnight');
    expect(text(el, '[part="notice"]')).to.equal('本文件已于 2024-07-01 失效，仅供查阅。');
    expect(shadow(el).querySelector('header')?.className).to.equal('status-expired');
    await expect(el).to.be.accessible();
  });

  it('changes from 尚未施行 to 有效 at midnight China time on the day of effective', async () => {
    const bundle = await ezhou({ status: 'valid', effective: '2025-01-01', expires: undefined });
    const start = stopClock('2024-12-31T15:59:59.600Z');
    const el = await show(bundle);
    expect(text(el, '[part="badge"]')).to.equal('尚未施行');
    expect(text(el, '[part="notice"]')).to.equal('本文件将于 2025-01-01 起施行。');
    await expect(el).to.be.accessible();
    start();
    const changed = await whenBadge(el, '有效');
    expect(changed).to.be.at.least(Date.parse('2024-12-31T16:00:00Z'), 'changed before midnight');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="notice"]')).to.equal(null);
  });

  it('shows an expired text as expired however the browser’s own clock zone reads the date', async () => {
    // 08:00 on 1 July in China is still 30 June in UTC and in the Americas.
    setClock('2024-07-01T00:00:00+08:00');
    const el = await show(await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' }));
    expect(text(el, '[part="badge"]')).to.equal('已失效');
  });

  it('looks at the clock again when the page is shown again (a computer asleep over midnight)', async () => {
    setClock('2024-06-29T16:00:00Z'); // the day before the last day: the timer waits a day
    const el = await show(await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' }));
    expect(text(el, '[part="badge"]')).to.equal('有效');
    setClock('2024-07-01T08:00:00+08:00'); // woken up the morning after
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(text(el, '[part="badge"]')).to.equal('已失效');
  });

  it('keeps the notice of a lapsed text when the page shows its own metadata (header="none")', async () => {
    setClock('2025-03-01T00:00:00Z');
    const meta = {
      title: '关于全面推进政务公开工作实施方案',
      status: 'valid',
      effective: '2016-07-21',
      expires: '2021-07-20',
    };
    const el = await fixture<GkDocument>(
      html`<gk-document header="none" .bundle=${{ schemaVersion: 1, meta }}>
        <div><p>一、总体要求</p><p>（一）指导思想</p></div>
      </gk-document>`,
    );
    await waitUntil(() => el.clauses.length > 0, 'the article was not enhanced');
    expect(shadow(el).querySelector('[part="meta"]')).to.equal(null);
    expect(text(el, '[part="notice"]')).to.equal('本文件已于 2021-07-21 失效，仅供查阅。');
    await expect(el).to.be.accessible();
  });

  it('a stated repeal or amendment overrides the dates, with the link to the current text', async () => {
    setClock('2024-03-01T00:00:00Z');
    const supersededBy = { title: '鄂州市全面推进政务公开实施办法（2020年修订）', url: '/policies/new.html' };
    const repealed = await show(await ezhou({ status: 'repealed', expires: '2030-12-31', supersededBy }));
    expect(text(repealed, '[part="badge"]')).to.equal('已废止');
    expect(text(repealed, '[part="notice"]')).to.contain('本文件已废止，仅供查阅。');
    expect(shadow(repealed).querySelector('[part="notice"] a')?.getAttribute('href')).to.equal('/policies/new.html');
    const amended = await show(await ezhou({ status: 'amended', supersededBy }));
    expect(text(amended, '[part="badge"]')).to.equal('已修订');
    await expect(amended).to.be.accessible();
  });

  it('says it in zh-Hant and English too', async () => {
    setClock('2025-03-01T00:00:00Z');
    const bundle = await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' });
    const hant = await fixture<GkDocument>(html`<gk-document lang="zh-Hant" .bundle=${bundle}></gk-document>`);
    await waitUntil(() => text(hant, '[part="badge"]'), 'no badge');
    expect(text(hant, '[part="badge"]')).to.equal('已失效');
    expect(text(hant, '[part="notice"]')).to.equal('本文件已於 2024-07-01 失效，僅供查閱。');
    const en = await fixture<GkDocument>(html`<gk-document lang="en" .bundle=${bundle}></gk-document>`);
    await waitUntil(() => text(en, '[part="badge"]'), 'no badge');
    expect(text(en, '[part="badge"]')).to.equal('Expired');
  });

  it('waits for a change weeks away with one timer, armed again within setTimeout’s limit, cleared on removal', async () => {
    const armed: { id: number; delay: number; run: () => void }[] = [];
    const cleared: unknown[] = [];
    const { setTimeout: realSet, clearTimeout: realClear } = window;
    // Long waits are recorded (and still handed to the browser); short ones are the test tools'.
    window.setTimeout = ((run: () => void, delay = 0) => {
      const id = realSet(run, delay);
      if (delay > 60_000) armed.push({ id, delay, run });
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      cleared.push(id);
      realClear(id);
    }) as typeof window.clearTimeout;
    try {
      setClock('2024-05-22T16:00:00Z'); // 23 May China time: 39 days before the text lapses
      const el = await show(await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' }));
      await new Promise((r) => realSet(r, 50));
      expect(text(el, '[part="badge"]')).to.equal('有效');
      expect(armed.map((a) => a.delay)).to.deep.equal([2 ** 31 - 1]); // not 0: a later delay would fire at once
      // 24.8 days later the timer fires and is armed again for what is left.
      offset += 2 ** 31 - 1;
      armed[0]!.run();
      const left = Date.parse('2024-06-30T16:00:00Z') - Date.parse('2024-05-22T16:00:00Z') - (2 ** 31 - 1);
      expect(armed.length).to.equal(2);
      expect(armed[1]!.delay).to.be.within(left - 1000, left);
      await el.updateComplete;
      expect(text(el, '[part="badge"]')).to.equal('有效');
      // Midnight: the badge changes and nothing is left waiting.
      setClock('2024-06-30T16:00:00.010Z');
      armed[1]!.run();
      await el.updateComplete;
      expect(text(el, '[part="badge"]')).to.equal('已失效');
      expect(armed.length).to.equal(2);
      // Shown again, still running, then taken off the page: its timer goes with it.
      setClock('2024-05-22T16:00:00Z');
      el.bundle = await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' });
      await waitUntil(() => armed.length === 3, 'no timer for the new bundle');
      const before = cleared.length;
      el.remove();
      expect(cleared.slice(before)).to.deep.equal([armed.at(-1)!.id]);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    }
  });

  it('gk-policy shows the badge of its document, changing at midnight too', async () => {
    const el = document.createElement('gk-policy') as GkPolicy;
    el.bundle = await ezhou({ status: 'valid', effective: '2024-01-01', expires: '2024-06-30' });
    const ready = oneEvent(el, 'gk-ready');
    const start = stopClock('2024-06-30T15:59:59.600Z');
    document.body.append(el);
    try {
      await ready;
      const doc = shadow(el).querySelector('gk-document')!;
      expect(text(doc, '[part="badge"]')).to.equal('有效');
      start();
      expect(await whenBadge(doc, '已失效')).to.be.at.least(Date.parse('2024-06-30T16:00:00Z'));
    } finally {
      el.remove();
    }
  });
});
