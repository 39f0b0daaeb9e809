import '@gongkai/elements';
import type { GkClauseTools } from '@gongkai/elements';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { smallControls } from '../helpers/targets.js';

describe('gk-clause-tools', () => {
  it('has a copy-link button named after its clause, and no notes button without notes', async () => {
    const el = await fixture<GkClauseTools>(html`<gk-clause-tools clause="3.4" number="4."></gk-clause-tools>`);
    const copy = el.shadowRoot!.querySelector('[part="copy"]')!;
    expect(copy.getAttribute('aria-label')).to.equal('复制 4. 的链接');
    expect(el.shadowRoot!.querySelector('[part="notes"]')).to.equal(null);
    expect(el.link).to.match(/#clause=3\.4$/);
  });

  it('copies the link and says so', async () => {
    const el = await fixture<GkClauseTools>(html`<gk-clause-tools clause="2.1" number="（一）"></gk-clause-tools>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy"]')!.click();
    const status = () => el.shadowRoot!.querySelector('[role="status"]')?.textContent;
    await waitUntil(() => status() === '已复制链接', `the copy was not announced (${status()})`);
  });

  it('asks for the clause’s notes with a real button', async () => {
    const el = await fixture<GkClauseTools>(
      html`<gk-clause-tools clause="1.2" number="（二）" notes="2"></gk-clause-tools>`,
    );
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="notes"]')!;
    expect(button.getAttribute('aria-label')).to.equal('查看解读：（二）（2 条）');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const request = oneEvent(el, 'gk-note-request');
    button.click();
    const { detail } = await request;
    expect(detail.clause).to.equal('1.2');
    expect(detail.trigger).to.equal(button);
  });

  it('prints the clause’s note number instead of its buttons', async () => {
    const el = await fixture<GkClauseTools>(
      html`<gk-clause-tools clause="1.2" number="（二）" notes="1" note-index="3"></gk-clause-tools>`,
    );
    try {
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(el, '::after').content).to.equal('"[注3]"');
      const buttons = [...el.shadowRoot!.querySelectorAll('button')];
      expect(buttons.map((b) => getComputedStyle(b).display)).to.deep.equal(['none', 'none']);
      el.notes = 0;
      expect(getComputedStyle(el, '::after').content).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('speaks English and traditional Chinese', async () => {
    const en = await fixture<GkClauseTools>(
      html`<gk-clause-tools lang="en" clause="a5" number="第五条" notes="1"></gk-clause-tools>`,
    );
    expect(en.shadowRoot!.querySelector('[part="notes"]')!.getAttribute('aria-label')).to.equal(
      'Show interpretation: 第五条 (1)',
    );
    const hant = await fixture<GkClauseTools>(
      html`<gk-clause-tools lang="zh-Hant" clause="a5" number="第五條"></gk-clause-tools>`,
    );
    expect(hant.shadowRoot!.querySelector('[part="copy"]')!.getAttribute('aria-label')).to.equal('複製 第五條 的連結');
  });

  it('renders without a shadow root of its own when asked (inside gk-document)', async () => {
    const el = document.createElement('gk-clause-tools');
    el.light = true;
    el.clause = '1.1';
    el.notes = 1;
    const host = await fixture(html`<div></div>`);
    host.append(el);
    await el.updateComplete;
    expect(el.shadowRoot).to.equal(null);
    expect(el.querySelector('[part="notes"]')?.textContent).to.contain('查看解读');
  });

  it('gives every button a 44 px square to tap and 16 px text, without making its line taller', async () => {
    const line = await fixture<HTMLParagraphElement>(
      html`<p style="font: 16px/28px sans-serif; margin: 0; width: 30em">一、总体要求</p>`,
    );
    const before = line.getBoundingClientRect().height;
    const el = document.createElement('gk-clause-tools');
    Object.assign(el, { clause: '1.2', number: '（二）', notes: 1, commentable: true });
    line.prepend(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(3);
    expect(smallControls(line)).to.deep.equal([]);
    expect(line.getBoundingClientRect().height).to.equal(before);
  });

  it('has no 查看解读 button while the notes are beside the clause, and keeps its print number', async () => {
    const el = await fixture<GkClauseTools>(
      html`<gk-clause-tools clause="1.2" number="（二）" notes="1" note-index="2" notes-beside></gk-clause-tools>`,
    );
    const notes = el.shadowRoot!.querySelector<HTMLElement>('[part="notes"]')!;
    expect(notes.getClientRects().length).to.equal(0);
    expect(el.getAttribute('data-print-label')).to.equal('[注2]');
    el.notesBeside = false;
    expect(notes.getClientRects().length).to.be.greaterThan(0);
  });

  it('is accessible', async () => {
    const el = await fixture<GkClauseTools>(
      html`<gk-clause-tools clause="1.2" number="（二）" notes="1"></gk-clause-tools>`,
    );
    await expect(el).to.be.accessible();
  });
});
