// gk-consultation imported on its own (as a bundler user may): once its window has closed it
// loads gk-feedback, the element it shows in place, as an optional part.
import '../../packages/elements/src/consultation/define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CONSULTATION_ID, ENDPOINT, fakeConsultationApi } from '../helpers/consultation-fake.js';
import { demoFeedback, loadDemoConsultation } from '../helpers/feedback-examples.js';

describe('gk-consultation on its own', () => {
  it('is open without loading gk-feedback, and loads it to show the published feedback', async () => {
    const open = fakeConsultationApi({});
    try {
      const el = await fixture(
        html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('[part="status"]'), 'no status rendered');
      expect(customElements.get('gk-feedback')).to.equal(undefined);
    } finally {
      open.restore();
    }
    const published = fakeConsultationApi({
      status: 'feedback-published',
      feedback: demoFeedback(await loadDemoConsultation()),
      received: 6,
    });
    try {
      const el = await fixture(
        html`<gk-consultation endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>`,
      );
      await waitUntil(() => customElements.get('gk-feedback'), 'gk-feedback was not loaded');
      const feedback = el.shadowRoot!.querySelector('gk-feedback')!;
      await waitUntil(
        () => feedback.shadowRoot?.textContent?.includes('意见采纳情况反馈'),
        'the feedback is not shown',
      );
      await expect(el).to.be.accessible();
    } finally {
      published.restore();
    }
  });

  it('loads gk-follow only when 关注 is pressed in the bar, and it works there', async () => {
    const fake = fakeConsultationApi({});
    try {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <gk-consultation-bar for="window"></gk-consultation-bar>
        <gk-consultation id="window" endpoint=${ENDPOINT} consultation=${CONSULTATION_ID}></gk-consultation>
      </div>`);
      const bar = wrapper.querySelector('gk-consultation-bar')!;
      await waitUntil(() => bar.getAttribute('status') === 'open', 'the bar shows no status');
      expect(customElements.get('gk-follow')).to.equal(undefined);
      expect(getComputedStyle(bar.shadowRoot!.querySelector('gk-follow')!).display).to.equal('none');
      const button = [...bar.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === '关注')!;
      button.click();
      // Loaded over the test server's on-the-fly compilation: give it time on a busy machine.
      await waitUntil(() => customElements.get('gk-follow'), 'gk-follow was not loaded', { timeout: 5000 });
      const follow = bar.shadowRoot!.querySelector('gk-follow')!;
      await waitUntil(() => follow.shadowRoot?.querySelector('#follow-address'), 'the follow form is not shown');
      const input = follow.shadowRoot!.querySelector<HTMLInputElement>('#follow-address')!;
      input.value = 'wang@example.cn';
      input.dispatchEvent(new Event('input'));
      follow.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => fake.follows.length === 1, 'nothing was sent');
      expect(fake.follows[0]).to.deep.equal({
        email: 'wang@example.cn',
        locale: 'zh-Hans',
        consultation: CONSULTATION_ID,
      });
    } finally {
      fake.restore();
    }
  });
});
