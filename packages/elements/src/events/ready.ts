export interface GkReadyDetail {
  /** Clauses found in the document. */
  clauses: number;
  /** Interpretation notes placed beside a clause. */
  notes: number;
  /** Interpretation notes whose target could not be found. */
  orphans: number;
}

/** Fired once a bundle is loaded and rendered. */
export class GkReadyEvent extends Event {
  static readonly type = 'gk-ready';
  constructor(readonly detail: GkReadyDetail) {
    super(GkReadyEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when a bundle cannot be loaded or is invalid; the element also shows the message. */
export class GkErrorEvent extends Event {
  static readonly type = 'gk-error';
  constructor(readonly detail: { message: string; problems: { path: string }[] }) {
    super(GkErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-ready': GkReadyEvent;
    'gk-error': GkErrorEvent;
  }
}
