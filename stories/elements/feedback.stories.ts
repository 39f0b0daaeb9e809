import '@gongkai/elements';
import type { GkFeedback } from '@gongkai/elements';
import type { FeedbackView } from '@gongkai/format';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import demoJson from '../../demo/consultations/ezhou-2016-40-draft.json' with { type: 'json' };
import {
  campaignFeedback,
  type DemoConsultation,
  demoConsultationView,
  demoFeedback,
  EZHOU_CONSULTATION_ID,
  emptyFeedback,
  type FakeApi,
  type FakeApiOptions,
  fakeApi,
  manyComments,
  pagedFeedback,
  receiptAnswers,
  receipts,
} from '../../test/helpers/feedback-examples.js';
import { ezhou } from '../examples/ezhou.js';
import { PHONE, until } from '../examples/frame.js';

const ENDPOINT = '/api/v1';
const demo = demoJson as DemoConsultation;
const published = demoFeedback(demo);
const consultationView = demoConsultationView(demo);
const answers = receiptAnswers(demo);
let many: FeedbackView | null = null;
/** 10,000 comments, made when a story first asks (not when Storybook loads the file). */
const manyFeedback = () => {
  many ??= manyComments();
  return many;
};

interface Args {
  /** How the stand-in consultation service answers (stories that fetch). */
  api?: FakeApiOptions;
  /** A FeedbackView given directly (staff preview): shown without fetching. */
  feedback?: unknown;
  /** A receipt to look up at once. */
  receipt?: string;
  /** Show the document beside it: clause names and "查看原文" links. */
  withDocument?: boolean;
  /** Give the stand-in service this FeedbackView paged as the server publishes it (first page only). */
  paged?: () => FeedbackView;
  /** Address of every comment as open data. */
  download?: string;
  pageSize?: number;
  lang?: string;
  theme?: string;
  phone?: boolean;
}

// Each story installs its own stand-in service; the previous one is put back first.
let current: FakeApi | null = null;
function install(options: FakeApiOptions | undefined): void {
  current?.restore();
  current = options ? fakeApi(ENDPOINT, options) : null;
}

const meta: Meta<Args> = {
  title: 'Elements/gk-feedback',
  component: 'gk-feedback',
  args: { api: { feedback: published, consultation: consultationView, receipts: answers } },
  render: (args) => {
    const full = args.paged?.();
    install(full ? { ...args.api, feedback: pagedFeedback(full), comments: full.comments } : args.api);
    const width = args.phone ? `max-width:${PHONE}` : 'max-width:56em';
    return html`<div lang=${args.lang ?? 'zh-Hans'} style=${width}>
      ${args.withDocument ? html`<gk-document id="doc" .bundle=${ezhou} no-toc></gk-document>` : nothing}
      <gk-feedback
        for=${args.withDocument ? 'doc' : nothing}
        endpoint=${args.api ? ENDPOINT : nothing}
        consultation=${args.api ? EZHOU_CONSULTATION_ID : nothing}
        receipt=${args.receipt ?? nothing}
        page-size=${args.pageSize ?? nothing}
        download=${args.download ?? nothing}
        theme=${args.theme ?? nothing}
        .feedback=${args.feedback as FeedbackView | undefined}
      ></gk-feedback>
    </div>`;
  },
  beforeEach: () => () => {
    current?.restore();
    current = null;
  },
};
export default meta;
type Story = StoryObj<Args>;

const inside = (canvas: HTMLElement) => canvas.querySelector<GkFeedback>('gk-feedback')!;
const part = async <T extends Element>(canvas: HTMLElement, selector: string) =>
  until(() => inside(canvas).shadowRoot?.querySelector<T>(selector));

/** Types into the search box as a reader would. */
const search =
  (query: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const input = await part<HTMLInputElement>(canvasElement, '#search');
    input.value = query;
    input.dispatchEvent(new Event('input'));
  };

/** Types a receipt and presses 查询. */
const lookUp =
  (receipt: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const input = await part<HTMLInputElement>(canvasElement, '#receipt');
    input.value = receipt;
    input.dispatchEvent(new Event('input'));
    input.form!.requestSubmit();
  };

/**
 * The published feedback on the draft of 鄂州政办发〔2016〕40号, fetched from the (stand-in)
 * consultation service: five comments published, one removed, every outcome.
 */
export const Published: Story = {};

/** What staff see before publishing: the FeedbackView given as a property, nothing fetched, no lookup. */
export const StaffPreview: Story = { args: { api: undefined, feedback: published } };

/** With the document on the page: clauses named as it numbers them, "查看原文" beside each group. */
export const WithDocument: Story = { args: { withDocument: true } };

/** 10,000 comments received: one page of 50 on screen, search and filters over all of them. */
export const TenThousandComments: Story = {
  args: { api: undefined },
  render: (args, context) => meta.render!({ ...args, feedback: manyFeedback() }, context),
};

/** A search over all 10,000 comments (traditional characters find the same: 適老化). */
export const SearchingTenThousand: Story = { ...TenThousandComments, play: search('适老化') };

/**
 * A national consultation as the server publishes it: the figures, campaigns and reasons for all
 * comments, the first fifty in the document; 加载更多, the filters and the search ask the
 * (stand-in) service for pages. Print it: the figures, clauses and reasons, and where to read every comment.
 */
export const PagedFromServer: Story = {
  args: { paged: manyFeedback, download: '/open-data/ezhou-feedback.csv' },
};

/** Two campaigns of near-identical letters: counted in the notice and marked on each letter. */
export const Campaigns: Story = { args: { paged: campaignFeedback } };

/** The next page failed at the network: what was shown stays, with 重试. */
export const PageFailed: Story = {
  args: { paged: manyFeedback },
  play: async ({ canvasElement }) => {
    const more = await part<HTMLButtonElement>(canvasElement, '[part="more"]');
    current?.set({ commentsNetworkError: true });
    more.click();
  },
};

/** A citizen arrives from the link in their receipt (`?receipt=`): the outcome and reason of their comment. */
export const ReceiptLookup: Story = { args: { receipt: receipts.decided } };

/** A comment received but not yet decided. */
export const ReceiptPending: Story = { args: { receipt: receipts.pending } };

/** A receipt with a mistyped symbol: caught by its check symbol before any request. */
export const ReceiptMistyped: Story = { play: lookUp(receipts.mistyped) };

/** A well-formed receipt no comment has. */
export const ReceiptNotFound: Story = { play: lookUp(receipts.unknown) };

/** A receipt of another consultation: named by its title, with a link to its page; its clause as printed. */
export const ReceiptOfAnotherConsultation: Story = { args: { receipt: receipts.other } };

/** No comments were received: 未收到意见. */
export const NoCommentsReceived: Story = { args: { api: { feedback: emptyFeedback } } };

/** Closed, not yet published: the closing date and the date staff expect to publish. */
export const NotPublished: Story = {
  args: { api: { feedback: 'not-published', consultation: consultationView, receipts: answers } },
};

/** Still open: when it closes; no expected date given. */
export const NotPublishedStillOpen: Story = {
  args: {
    api: {
      feedback: 'not-published',
      consultation: { ...consultationView, status: 'open', feedbackExpected: null },
      receipts: answers,
    },
  },
};

/** Waiting for the service. */
export const Loading: Story = { args: { api: { feedback: published, delay: 600_000 } } };

/** The network failed: what happened, and a retry. */
export const NetworkError: Story = { args: { api: { feedback: 'network', receipts: answers } } };

/** The service answered 503. */
export const ServerError: Story = { args: { api: { feedback: 'server-error', receipts: answers } } };

/** A consultation id that does not exist: the editor is told which attribute to check. */
export const UnknownConsultation: Story = { args: { api: { feedback: 'unknown' } } };

/** A FeedbackView of the wrong shape: every problem named with its path. */
export const BadInput: Story = {
  args: {
    api: undefined,
    feedback: { ...published, summary: { received: '6' }, comments: [{ no: 1, body: null, decision: 'accepted' }] },
  },
};

/** On a phone (320–360px): the clause table becomes labelled cards; nothing scrolls sideways. */
export const Phone: Story = {
  args: { api: undefined, phone: true },
  render: (args, context) => meta.render!({ ...args, feedback: manyFeedback() }, context),
};

/** Traditional Chinese interface (the comments stay as published). */
export const TraditionalChinese: Story = { args: { lang: 'zh-Hant', receipt: receipts.decided } };

/** English interface. */
export const English: Story = { args: { lang: 'en', receipt: receipts.decided } };

/** Dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/**
 * Comments received by letter, e-mail and at a meeting as well as online (issue 21): the notice
 * says how many came by each channel and from whom (共收到意见 N 条，其中网上 a 条、信函 b 条…).
 */
export const ByChannel: Story = {
  args: {
    api: undefined,
    feedback: {
      ...published,
      summary: {
        ...published.summary,
        byChannel: { online: 3, letter: 1, email: 1, fax: 0, phone: 0, meeting: 1, hearing: 0, 'contact-point': 0 },
        bySubmitterType: { individual: 4, organization: 1, anonymous: 1 },
      },
    },
  },
};
