// A citizen's unsent comments and the receipts of sent ones, kept on their device (localStorage)
// per consultation and clause, so that a reload or a lost connection loses nothing. Many write
// on shared computers (libraries, community centres), so the device keeps as little as it can:
// never a name, contact, notification address or consent (they live in this page's memory only), drafts for
// DRAFT_DAYS, receipts with a masked excerpt for RECEIPT_DAYS, and clearDevice() removes it all.
import { SUBMITTER_TYPES, type SubmitterType } from '@gongkai/format';
import { maskedExcerpt } from './mask.js';
import type { NotifyChannel } from './notify.js';

export const DRAFT_DAYS = 7;
/** The IndexedDB database of drafts' attachments (consultation/attachments.ts). */
export const FILES_DB = 'gongkai-attachments';
export const RECEIPT_DAYS = 180;
const DAY = 86_400_000;

export interface Draft {
  clause: string | null;
  body: string;
  submitterType: SubmitterType;
  /** Memory only: never written to the device. */
  name: string;
  /** Memory only: never written to the device. */
  contact: string;
  /** Memory only: whoever sends must tick it themselves. */
  consent: boolean;
  /** "处理结果公布后通知我", its channel and address: memory only, like the contact. */
  notify: boolean;
  notifyChannel: NotifyChannel;
  notifyAddress: string;
  /** Also an acknowledgement with the receipt once the address is confirmed: memory only. */
  notifyAck: boolean;
  /** One Idempotency-Key per draft: every retry of it can only ever store one comment. */
  key: string;
  /** `queued`: the citizen pressed submit and the comment is not yet acknowledged. */
  state: 'editing' | 'queued';
  updated: number;
  /** A name or contact was given on an earlier page and, not being kept, is missing now. */
  withheld: boolean;
  /** It was queued on an earlier page and may have arrived: sent again only when asked. */
  interrupted: boolean;
}

export interface SentComment {
  receipt: string;
  clause: string | null;
  sent: string;
  excerpt: string;
}

/** What a draft leaves on the device. `details`: a name, contact or notification address was given (not what). */
interface StoredDraft {
  body: string;
  submitterType: SubmitterType;
  key: string;
  state: Draft['state'];
  updated: number;
  details: boolean;
}

type Personal = Pick<
  Draft,
  | 'name'
  | 'contact'
  | 'consent'
  | 'notify'
  | 'notifyChannel'
  | 'notifyAddress'
  | 'notifyAck'
  | 'withheld'
  | 'interrupted'
>;

/** Nothing personal: what a draft from the device starts with. */
const noPersonal = {
  name: '',
  contact: '',
  consent: false,
  notify: false,
  notifyChannel: 'email',
  notifyAddress: '',
  notifyAck: false,
} as const;

const PREFIX = 'gongkai:consultation:';
const slot = (clause: string | null) => clause ?? '*';
const isDraftKey = (key: string) => key.startsWith(PREFIX) && key.includes(':draft:');
const isSentKey = (key: string) => key.startsWith(PREFIX) && key.endsWith(':sent');

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
    ...noPersonal,
    key: newKey(),
    state: 'editing',
    updated: 0,
    withheld: false,
    interrupted: false,
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

function storedKeys(): string[] {
  const store = storage();
  const keys: string[] = [];
  try {
    for (let i = 0; store && i < store.length; i++) keys.push(store.key(i) ?? '');
  } catch {
    // Storage disabled between calls: nothing to read.
  }
  return keys.filter((key) => key.startsWith(PREFIX));
}

/**
 * A stored draft as this version keeps it, or null when it is unreadable or expired. Older
 * versions also wrote name, contact and consent: only whether a name or contact was given survives.
 */
function parseDraft(raw: string | null, now: number): StoredDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<StoredDraft> & { name?: unknown; contact?: unknown };
    if (typeof d.body !== 'string' || typeof d.key !== 'string' || typeof d.updated !== 'number') return null;
    if (now - d.updated > DRAFT_DAYS * DAY) return null;
    const given = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    return {
      body: d.body,
      submitterType: SUBMITTER_TYPES.includes(d.submitterType as SubmitterType)
        ? (d.submitterType as SubmitterType)
        : 'individual',
      key: d.key,
      state: d.state === 'queued' ? 'queued' : 'editing',
      updated: d.updated,
      details: d.details === true || given(d.name) || given(d.contact),
    };
  } catch {
    return null;
  }
}

/** Receipts as this version keeps them: unexpired, with the excerpt masked. */
function parseSent(raw: string | null, now: number): SentComment[] {
  try {
    const list = JSON.parse(raw ?? '[]') as Partial<SentComment>[];
    if (!Array.isArray(list)) return [];
    return list.flatMap((s) => {
      if (typeof s?.receipt !== 'string' || typeof s.sent !== 'string') return [];
      const at = Date.parse(s.sent);
      if (!(now - at <= RECEIPT_DAYS * DAY)) return [];
      const excerpt = maskedExcerpt(typeof s.excerpt === 'string' ? s.excerpt : '');
      return [{ receipt: s.receipt, clause: typeof s.clause === 'string' ? s.clause : null, sent: s.sent, excerpt }];
    });
  } catch {
    return [];
  }
}

const worthKeeping = (d: StoredDraft) => d.state === 'queued' || d.body.trim() !== '';

/**
 * Brings every consultation's stored data on this device to what this version keeps: drops
 * expired drafts and receipts, and scrubs names, contacts and unmasked excerpts that older
 * versions wrote. Run on every load.
 */
export function tidyDevice(now = Date.now()): void {
  const store = storage();
  if (!store) return;
  for (const key of storedKeys()) {
    try {
      const raw = store.getItem(key);
      let next: string | null = raw;
      if (isDraftKey(key)) {
        const draft = parseDraft(raw, now);
        next = draft && worthKeeping(draft) ? JSON.stringify(draft) : null;
      } else if (isSentKey(key)) {
        const list = parseSent(raw, now);
        next = list.length ? JSON.stringify(list) : null;
      }
      if (next === null) store.removeItem(key);
      else if (next !== raw) store.setItem(key, next);
    } catch {
      // Storage refused a write: the next load tries again.
    }
  }
}

/** Tells every gk-consultation of the page that the device's records were cleared. */
export const deviceEvents = new EventTarget();

export interface Cleared {
  drafts: number;
  receipts: number;
}

export class DraftStore {
  /** The device's copy when localStorage is unavailable. */
  private readonly memory = new Map<string, string>();
  /** Name, contact and consent per clause, for this page only. */
  private readonly personal = new Map<string, Personal>();

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
    return `${PREFIX}${this.consultation}:draft:${slot(clause)}`;
  }

  get(clause: string | null): Draft | null {
    const stored = parseDraft(this.read(this.draftKey(clause)), Date.now());
    const personal = this.personal.get(slot(clause));
    if (!stored) return personal ? { ...emptyDraft(clause), ...personal } : null;
    // Queued on an earlier page without the name or contact it had: never sent without them
    // unasked (the same key with other details would be refused); the citizen sends it again.
    const interrupted = !personal && stored.state === 'queued' && stored.details;
    return {
      clause,
      body: stored.body,
      submitterType: stored.submitterType,
      key: stored.key,
      state: interrupted ? 'editing' : stored.state,
      updated: stored.updated,
      ...(personal ?? { ...noPersonal, withheld: stored.details, interrupted }),
    };
  }

  save(draft: Draft): void {
    const { name, contact, consent, notify, notifyChannel, notifyAddress, notifyAck, withheld, interrupted } = draft;
    this.personal.set(slot(draft.clause), {
      name,
      contact,
      consent,
      notify,
      notifyChannel,
      notifyAddress,
      notifyAck,
      withheld,
      interrupted,
    });
    const notifying = notify && notifyAddress.trim() !== '';
    const stored: StoredDraft = {
      body: draft.body,
      submitterType: draft.submitterType,
      key: draft.key,
      state: draft.state,
      updated: Date.now(),
      details: withheld || name.trim() !== '' || contact.trim() !== '' || notifying,
    };
    this.write(this.draftKey(draft.clause), worthKeeping(stored) ? JSON.stringify(stored) : null);
  }

  remove(clause: string | null): void {
    this.personal.delete(slot(clause));
    this.write(this.draftKey(clause), null);
  }

  /** Every draft of this consultation with something in it. */
  all(): Draft[] {
    const prefix = `${PREFIX}${this.consultation}:draft:`;
    const keys = new Set<string>([...this.memory.keys(), ...storedKeys()]);
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
    return parseSent(this.read(this.sentKey()), Date.now());
  }

  /** Records an acknowledged comment and only then drops its draft. */
  acknowledge(draft: Draft, receipt: string): SentComment {
    const entry: SentComment = {
      receipt,
      clause: draft.clause,
      sent: new Date().toISOString(),
      excerpt: maskedExcerpt(draft.body),
    };
    const list = this.sent().filter((s) => s.receipt !== receipt);
    this.write(this.sentKey(), JSON.stringify([...list, entry]));
    this.remove(draft.clause);
    return entry;
  }

  /**
   * Removes every draft and receipt gk-consultation keeps on this device, for every
   * consultation, and tells the page's other gk-consultation elements. Says what it removed.
   */
  clearDevice(): Cleared {
    const cleared: Cleared = { drafts: 0, receipts: 0 };
    const now = Date.now();
    const store = storage();
    const keys = new Set<string>([...this.memory.keys(), ...storedKeys()]);
    for (const key of keys) {
      const raw = this.read(key);
      if (isDraftKey(key)) {
        const draft = parseDraft(raw, now);
        if (draft && worthKeeping(draft)) cleared.drafts++;
      } else if (isSentKey(key)) {
        cleared.receipts += parseSent(raw, now).length;
      }
      try {
        store?.removeItem(key);
      } catch {
        // Nothing more can be done about a storage that refuses.
      }
    }
    this.memory.clear();
    this.personal.clear();
    try {
      indexedDB.deleteDatabase(FILES_DB);
    } catch {
      // No IndexedDB here: no files were kept in it.
    }
    deviceEvents.dispatchEvent(new Event('cleared'));
    return cleared;
  }

  /** Forgets what this page holds in memory (after another element cleared the device). */
  forget(): void {
    this.memory.clear();
    this.personal.clear();
  }
}
