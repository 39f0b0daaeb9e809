import type { Decision } from '@gongkai/format';

/** Staff changed comments in gk-review: moderated or decided one, or decided a group. */
export class GkDecideEvent extends Event {
  static readonly type = 'gk-decide';
  constructor(
    readonly detail: {
      consultation: string;
      ids: number[];
      moderation?: 'approved' | 'rejected';
      decision?: Decision;
    },
  ) {
    super(GkDecideEvent.type, { bubbles: true, composed: true });
  }
}

/** gk-review published the adoption feedback. */
export class GkPublishEvent extends Event {
  static readonly type = 'gk-publish';
  constructor(readonly detail: { consultation: string; version: number }) {
    super(GkPublishEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-decide': GkDecideEvent;
    'gk-publish': GkPublishEvent;
  }
}
