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
});
