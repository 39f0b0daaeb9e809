export interface GkFeedbackReadyDetail {
  /** What the element shows: the published feedback, "no comments received", or "not yet published". */
  state: 'published' | 'empty' | 'not-published';
  /** Id of the consultation. */
  consultation: string;
  /** Comments published (0 unless `state` is `published`). */
  comments: number;
}

/** gk-feedback has loaded and rendered the feedback, or learnt that it is not published yet. */
export class GkFeedbackReadyEvent extends Event {
  static readonly type = 'gk-feedback-ready';
  constructor(readonly detail: GkFeedbackReadyDetail) {
    super(GkFeedbackReadyEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-feedback-ready': GkFeedbackReadyEvent;
  }
}
