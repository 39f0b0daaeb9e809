/** The reader changed the text size or contrast (shared by every element of a policy page). */
export class GkReaderChangeEvent extends Event {
  static readonly type = 'gk-reader-change';
  constructor(readonly detail: { textSize: number; contrast: boolean }) {
    super(GkReaderChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-reader-change': GkReaderChangeEvent;
  }
}
