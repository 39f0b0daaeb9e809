/** A reader pressed "对本条提意见" on a clause. */
export class GkCommentRequestEvent extends Event {
  static readonly type = 'gk-comment-request';
  constructor(readonly detail: { clause: string; trigger: HTMLElement }) {
    super(GkCommentRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** The service acknowledged a comment: `detail.receipt` is what the citizen keeps. */
export class GkCommentReceiptEvent extends Event {
  static readonly type = 'gk-comment-receipt';
  constructor(readonly detail: { consultation: string; clause: string | null; receipt: string }) {
    super(GkCommentReceiptEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-comment-request': GkCommentRequestEvent;
    'gk-comment-receipt': GkCommentReceiptEvent;
  }
}
