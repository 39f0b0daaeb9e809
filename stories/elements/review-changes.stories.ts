// gk-review: 因意见修改 (issue 19). An adopted comment of the 鄂州 draft is linked to the changes of
// its 正式稿: the server's suggestions first (the clause commented on), each with its redline,
// the version's other changes folded away, and the campaign's adopted copies linked at once.
import '@gongkai/elements/staff';
import type { GkReview } from '@gongkai/elements/staff';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type ChangesFake, fakeChanges } from '../../test/helpers/changes-fake.js';
import { REVIEW_CONSULTATION, REVIEW_ENDPOINT, ReviewFakeApi, TOKENS } from '../../test/helpers/review-fake-api.js';
import { ezhou } from '../examples/ezhou.js';
import { until } from '../examples/frame.js';

interface Args {
  as: 'reviewer' | 'editor';
  /** The comment opened: 1 is adopted (on 二、(一)1.), 11 a partly adopted copy of a campaign. */
  comment: number;
  lang?: string;
  /** Already linked, as saved before. */
  linked?: string[];
}

const SESSION_KEY = `gongkai:review:session:${REVIEW_ENDPOINT}`;
let api: ReviewFakeApi | null = null;
let changes: ChangesFake | null = null;

const meta: Meta<Args> = {
  title: 'Elements/gk-review/changes (因意见修改)',
  component: 'gk-review',
  args: { as: 'reviewer', comment: 1 },
  argTypes: {
    as: { control: 'select', options: ['reviewer', 'editor'] },
    comment: { control: 'select', options: [1, 11] },
  },
  render: (args) => {
    changes?.restore();
    api?.restore();
    api = new ReviewFakeApi({ bundle: ezhou }).install();
    changes = fakeChanges(api, ezhou);
    if (args.linked) changes.links.set(args.comment, args.linked);
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: TOKENS[args.as], role: args.as }));
    return html`<div lang=${args.lang ?? 'zh-Hans'} style="max-width:80em">
      <gk-review endpoint=${REVIEW_ENDPOINT} consultation=${REVIEW_CONSULTATION}></gk-review>
    </div>`;
  },
  play: async ({ canvasElement, args }) => {
    const review = canvasElement.querySelector<GkReview>('gk-review')!;
    const row = `tr[data-id="${args.comment}"] button.row-open`;
    (await until(() => review.shadowRoot?.querySelector<HTMLElement>(row))).click();
    await until(() => review.shadowRoot?.querySelector('gk-change-links')?.shadowRoot?.querySelector('section'));
  },
  beforeEach: () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return () => {
      changes?.restore();
      api?.restore();
      changes = null;
      api = null;
      sessionStorage.removeItem(SESSION_KEY);
    };
  },
};
export default meta;
type Story = StoryObj<Args>;

/** An adopted comment: the change to the clause it was made on is suggested first. */
export const Adopted: Story = {};

/** A copy of a campaign: 同一组的全部采纳意见 links every adopted copy at once. */
export const Campaign: Story = { args: { comment: 11 } };

/** Linked before to a change outside the suggestions: the fold opens on what is saved. */
export const AlreadyLinked: Story = { args: { linked: ['2.1.1', '2.5.18'] } };

/** An editor (no decide permission) reads the changes but cannot link them. */
export const ReadOnly: Story = { args: { as: 'editor' } };

/** Traditional Chinese. */
export const Traditional: Story = { args: { lang: 'zh-Hant' } };

/** English. */
export const English: Story = { args: { lang: 'en' } };
