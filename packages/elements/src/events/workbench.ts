/** gk-workbench saved the bundle: stored on the server (`via: 'server'`, with its URL) or downloaded. */
export class GkSaveEvent extends Event {
  static readonly type = 'gk-save';
  constructor(readonly detail: { id: string; via: 'server' | 'download'; url: string | null }) {
    super(GkSaveEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-save': GkSaveEvent;
  }
}
