// A citizen's unsent comments and the receipts of sent ones, kept on their device (localStorage)
// per consultation and clause, so that a reload, a closed tab or a lost connection loses nothing.
import type { SubmitterType } from '@gongkai/format';

export interface Draft {
  clause: string | null;
  body: string;
  submitterType: SubmitterType;
  name: string;
  contact: string;
  consent: boolean;
  /** One Idempotency-Key per draft: every retry of it can only ever store one comment. */
  key: string;
  /** `queued`: the citizen pressed submit and the comment is not yet acknowledged. */
  state: 'editing' | 'queued';
  updated: number;
}

export interface SentComment {
  receipt: string;
  clause: string | null;
  sent: string;
  excerpt: string;
}

const PREFIX = 'gongkai:consultation:';

export function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyDraft(clause: string | null): Draft {
  return {
    clause,
    body: '',
    submitterType: 'individual',
    name: '',
    contact: '',
    consent: false,
    key: newKey(),
    state: 'editing',
    updated: 0,
  };
}

/** localStorage may be missing (privacy mode) or full: then drafts live only in memory. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class DraftStore {
  private readonly memory = new Map<string, string>();

  constructor(private readonly consultation: string) {}

  private read(key: string): string | null {
    try {
      return storage()?.getItem(key) ?? this.memory.get(key) ?? null;
    } catch {
      return this.memory.get(key) ?? null;
    }
  }

  private write(key: string, value: string | null): void {
    if (value === null) this.memory.delete(key);
    else this.memory.set(key, value);
    try {
      if (value === null) storage()?.removeItem(key);
      else storage()?.setItem(key, value);
    } catch {
      // Quota exceeded: the in-memory copy still survives until the tab closes.
    }
  }

  private draftKey(clause: string | null): string {
    return `${PREFIX}${this.consultation}:draft:${clause ?? '*'}`;
  }

  get(clause: string | null): Draft | null {
    const raw = this.read(this.draftKey(clause));
    if (!raw) return null;
    try {
      const draft = JSON.parse(raw) as Draft;
      return typeof draft.body === 'string' && typeof draft.key === 'string' ? { ...draft, clause } : null;
    } catch {
      return null;
    }
  }

  save(draft: Draft): void {
    this.write(this.draftKey(draft.clause), JSON.stringify({ ...draft, updated: Date.now() }));
  }

  remove(clause: string | null): void {
    this.write(this.draftKey(clause), null);
  }

  /** Every stored draft of this consultation with something in it. */
  all(): Draft[] {
    const prefix = `${PREFIX}${this.consultation}:draft:`;
    const keys = new Set<string>(this.memory.keys());
    const store = storage();
    try {
      for (let i = 0; store && i < store.length; i++) keys.add(store.key(i) ?? '');
    } catch {
      // Storage disabled between calls: the memory copy is what we have.
    }
    const drafts: Draft[] = [];
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const suffix = key.slice(prefix.length);
      const draft = this.get(suffix === '*' ? null : suffix);
      if (draft && (draft.body.trim() || draft.state === 'queued')) drafts.push(draft);
    }
    return drafts.sort((a, b) => a.updated - b.updated);
  }

  private sentKey(): string {
    return `${PREFIX}${this.consultation}:sent`;
  }

  sent(): SentComment[] {
    try {
      const list = JSON.parse(this.read(this.sentKey()) ?? '[]') as SentComment[];
      return Array.isArray(list) ? list.filter((s) => typeof s?.receipt === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Records an acknowledged comment and only then drops its draft. */
  acknowledge(draft: Draft, receipt: string): SentComment {
    const entry: SentComment = {
      receipt,
      clause: draft.clause,
      sent: new Date().toISOString(),
      excerpt: draft.body.slice(0, 80),
    };
    const list = this.sent().filter((s) => s.receipt !== receipt);
    this.write(this.sentKey(), JSON.stringify([...list, entry]));
    this.remove(draft.clause);
    return entry;
  }
}
