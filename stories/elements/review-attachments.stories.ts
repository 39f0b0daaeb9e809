// gk-review: a comment's attachments (issue 21), for a reviewer (read, download) and an editor
// (also 随反馈公开); a file awaiting the virus scan and one the scanner refused are not offered.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeStaffAttachments } from '../../test/helpers/attachments-fake.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../../test/helpers/review-fake-api.js';
import { ezhou } from '../examples/ezhou.js';
import { until } from '../examples/frame.js';

interface Args {
  as: 'reviewer' | 'editor';
  lang?: string;
}

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi | null = null;
let files: ReturnType<typeof fakeStaffAttachments> | null = null;

const meta: Meta<Args> = {
  title: 'Elements/gk-review/attachments',
  component: 'gk-review',
  args: { as: 'reviewer' },
  argTypes: { as: { control: 'select', options: ['reviewer', 'editor'] } },
  render: (args) => {
    files?.restore();
    api?.restore();
    api = new ReviewFakeApi({ bundle: ezhou }).install();
    files = fakeStaffAttachments(undefined, args.as === 'editor');
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[args.as], role: args.as }));
    return html`<div lang=${args.lang ?? 'zh-Hans'} style="max-width:80em">
      <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
    </div>`;
  },
  beforeEach: () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return () => {
      files?.restore();
      api?.restore();
      files = null;
      api = null;
      sessionStorage.removeItem(SESSION_KEY);
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

const openFirst = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const review = canvasElement.querySelector<GkReview>('gk-review')!;
  (await until(() => review.shadowRoot?.querySelector<HTMLElement>('tr[data-id="1"] button.row-open'))).click();
  await until(() => review.shadowRoot?.querySelector('.attachment-list'));
};

/** A reviewer: the files with type and size, downloads, the scan state in words. */
export const Reviewer: Story = { play: openFirst };

/** An editor: also 随反馈公开 for the file that passed the scan. */
export const Editor: Story = { args: { as: 'editor' }, play: openFirst };

/** English. */
export const English: Story = { args: { lang: 'en' }, play: openFirst };
