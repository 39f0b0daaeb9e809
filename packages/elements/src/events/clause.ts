/** A reader asked to see the interpretation of a clause (the "查看解读" button). */
export class GkNoteRequestEvent extends Event {
  static readonly type = 'gk-note-request';
  constructor(readonly detail: { clause: string; trigger: HTMLElement }) {
    super(GkNoteRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** The clause being read changed (scrolling, a deep link, or a click on a note). */
export class GkClauseChangeEvent extends Event {
  static readonly type = 'gk-clause-change';
  constructor(readonly detail: { clause: string | null }) {
    super(GkClauseChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** A reader asked to see a clause of the document (a linked clause in Q&A or a graphic). */
export class GkClauseRequestEvent extends Event {
  static readonly type = 'gk-clause-request';
  constructor(readonly detail: { clause: string }) {
    super(GkClauseRequestEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-note-request': GkNoteRequestEvent;
    'gk-clause-change': GkClauseChangeEvent;
    'gk-clause-request': GkClauseRequestEvent;
  }
}
