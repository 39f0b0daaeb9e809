// Autosave: the work in progress goes to localStorage a moment after each change, and when the
// page is hidden or closed, so a drafter never loses an afternoon's writing. A draft found on
// opening is offered back (restore / start over); whatever is set aside is kept one step back
// (`…:previous`), so starting over can be undone too.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isEmpty, type WorkbenchDraft } from './model.js';

const PREFIX = 'gongkai:workbench:draft:';
const DELAY = 600;

function isDraft(value: unknown): value is WorkbenchDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<WorkbenchDraft>;
  return (
    d.version === 1 &&
    typeof d.source === 'object' &&
    d.source !== null &&
    Array.isArray(d.notes) &&
    Array.isArray(d.qa) &&
    Array.isArray(d.graphics)
  );
}

export class DraftStore implements ReactiveController {
  /** The last write failed (storage full or disabled): the drafter must be told. */
  failed = false;
  /** When the work was last written. */
  savedAt = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly flushNow = () => this.flush();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly name: () => string,
    private readonly current: () => WorkbenchDraft,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private get key(): string {
    return `${PREFIX}${this.name() || 'default'}`;
  }

  private read(key: string): WorkbenchDraft | null {
    try {
      const raw = localStorage.getItem(key);
      const value: unknown = raw ? JSON.parse(raw) : null;
      return isDraft(value) && !isEmpty(value) ? value : null;
    } catch {
      return null;
    }
  }

  private write(key: string, draft: WorkbenchDraft | null): boolean {
    try {
      if (draft) localStorage.setItem(key, JSON.stringify(draft));
      else localStorage.removeItem(key);
      return true;
    } catch {
      return false;
    }
  }

  /** The draft kept from last time, if any. */
  load(): WorkbenchDraft | null {
    return this.read(this.key);
  }

  /** The draft set aside by the last restore or start over, if any. */
  previous(): WorkbenchDraft | null {
    return this.read(`${this.key}:previous`);
  }

  /** Sets `draft` aside (one step back); false when storage refused. */
  setAside(draft: WorkbenchDraft): boolean {
    return isEmpty(draft) || this.write(`${this.key}:previous`, draft);
  }

  /** Writes the current work soon (after the drafter pauses). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.flushNow, DELAY);
  }

  /** Writes the current work now, if a write is pending. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }

  /** Writes the current work now. */
  save(): void {
    const draft = this.current();
    const ok = this.write(this.key, isEmpty(draft) ? null : draft);
    this.failed = !ok;
    if (ok) this.savedAt = new Date().toISOString();
    this.host.requestUpdate();
  }
}
