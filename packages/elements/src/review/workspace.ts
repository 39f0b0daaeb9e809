// One consultation as the console holds it: its view, its draft's clauses, its comments counted by
// the server (the progress; never every comment, which may be half a million), the comments read
// one by one, the near-duplicate groups a page at a time, kept in step with each change made here,
// and the server's preview of the feedback.
import {
  type Clause,
  type ConsultationCounts,
  type ConsultationView,
  type FeedbackPreview,
  segment,
} from '@gongkai/format';
import { apiUrl, requestApi } from '../internal/api.js';
import type { StaffSession } from './session.js';
import type {
  AuditAnswer,
  AuditEntry,
  CommentGroup,
  CommentItem,
  CommentPatch,
  FeedbackVersionsAnswer,
  GroupsAnswer,
} from './staff-api.js';

/** Groups per page of the groups tab, largest first. */
export const GROUP_PAGE = 20;

/** The groups read so far, and what the server says of them all. */
export interface GroupList {
  items: CommentGroup[];
  next: string | null;
  total: number;
  pending: boolean;
  computedAt: string | null;
}

export interface Progress {
  total: number;
  /** Removed by moderation, or decided. */
  done: number;
  /** Awaiting moderation. */
  unmoderated: number;
  /** Approved but not decided. */
  undecided: number;
}

/** A part of the workspace that is loaded on its own: its value, or why it is missing. */
export interface Part<T> {
  value: T | null;
  loading: boolean;
  error: unknown;
}
const part = <T>(): Part<T> => ({ value: null, loading: false, error: null });

const isClause = (c: unknown): c is Clause =>
  typeof c === 'object' && c !== null && typeof (c as Clause).id === 'string' && typeof (c as Clause).text === 'string';

/** The bundle's clauses; segmented from its text when it carries none. */
export function clausesOf(bundle: unknown): Clause[] {
  if (!bundle || typeof bundle !== 'object') return [];
  const b = bundle as { clauses?: unknown; body?: unknown; bodyHtml?: unknown };
  if (Array.isArray(b.clauses) && b.clauses.length && b.clauses.every(isClause)) return b.clauses;
  const text = typeof b.body === 'string' ? b.body : typeof b.bodyHtml === 'string' ? b.bodyHtml : '';
  return text ? segment(text) : [];
}

/**
 * What a change does to a comment, as the server applies it (deciding approves; another decision
 * without a reason drops the reason kept; removing clears the decision and keeps the category
 * given, else the one it had if it stays removed). The etag is the server's to give: kept.
 */
export function patched(item: CommentItem, patch: CommentPatch): CommentItem {
  const moderation = patch.decision ? 'approved' : (patch.moderation ?? item.moderation);
  if (moderation === 'rejected') {
    const removalReason = patch.removalReason ?? (item.moderation === 'rejected' ? item.removalReason : null);
    return { ...item, moderation, decision: null, reason: null, removalReason };
  }
  const reason =
    patch.reason !== undefined
      ? patch.reason.trim() || null
      : patch.decision && patch.decision !== item.decision
        ? null
        : item.reason;
  return { ...item, moderation, decision: patch.decision ?? item.decision, reason, removalReason: null };
}

export class Workspace {
  id = '';
  consultation: Part<ConsultationView> = part();
  clauses: Part<Clause[]> = part();
  /** The comments counted by where they stand, by the server. */
  counts: Part<ConsultationCounts> = part();
  /** Comments read one by one (a link to one on a page not read), kept in step with changes. */
  readonly known = new Map<number, CommentItem>();
  groups: Part<GroupList> = part();
  /** The next page of groups, while it is read or after it failed. */
  moreGroups: { loading: boolean; error: unknown } = { loading: false, error: null };
  audit: Part<AuditEntry[]> = part();
  versions: Part<FeedbackVersionsAnswer['versions']> = part();
  /** The feedback as publishing would make it now, from the server. */
  preview: Part<FeedbackPreview> = part();
  private generation = 0;
  /** A change was made while the counts were being read: they are read once more after. */
  private countsAgain = false;

  constructor(
    private readonly session: StaffSession,
    private readonly endpoint: () => string,
    private readonly changed: () => void,
  ) {}

  /** Starts loading a consultation; the parts arrive as they come. */
  open(id: string): void {
    this.generation++;
    this.id = id;
    this.consultation = part();
    this.clauses = part();
    this.counts = part();
    this.known.clear();
    this.countsAgain = false;
    this.groups = part();
    this.moreGroups = { loading: false, error: null };
    this.audit = part();
    this.versions = part();
    this.preview = part();
    void this.loadConsultation();
    void this.loadCounts();
    void this.loadGroups();
  }

  close(): void {
    this.generation++;
    this.id = '';
    this.changed();
  }

  /** Loads `part` with `load`, unless the consultation changed meanwhile. */
  private async fill<K extends 'consultation' | 'clauses' | 'counts' | 'groups' | 'audit' | 'versions' | 'preview'>(
    key: K,
    load: () => Promise<Workspace[K]['value']>,
  ): Promise<void> {
    const generation = this.generation;
    (this[key] as Part<unknown>) = { ...this[key], loading: true, error: null };
    this.changed();
    try {
      const value = await load();
      if (generation !== this.generation) return;
      (this[key] as Part<unknown>) = { value, loading: false, error: null };
    } catch (error) {
      if (generation !== this.generation) return;
      (this[key] as Part<unknown>) = { value: this[key].value, loading: false, error };
    }
    this.changed();
  }

  async loadConsultation(): Promise<void> {
    const id = this.id;
    await this.fill('consultation', () =>
      this.session.call<ConsultationView>(`/consultations/${encodeURIComponent(id)}`),
    );
    const policyId = this.consultation.value?.policyId;
    if (policyId) await this.loadClauses(policyId);
    else this.clauses = { value: [], loading: false, error: null };
  }

  /** The draft's clauses, from its policy bundle (public, so no token is sent). */
  private loadClauses(policyId: string): Promise<void> {
    return this.fill('clauses', async () =>
      clausesOf(await requestApi<unknown>(apiUrl(this.endpoint(), `/policies/${encodeURIComponent(policyId)}`))),
    );
  }

  /** The counts, read again (what is shown stays meanwhile). */
  async loadCounts(): Promise<void> {
    if (this.counts.loading) {
      this.countsAgain = true;
      return;
    }
    const id = this.id;
    await this.fill('counts', () =>
      this.session.call<ConsultationCounts>(`/consultations/${encodeURIComponent(id)}/counts`),
    );
    if (this.countsAgain && id === this.id) {
      this.countsAgain = false;
      await this.loadCounts();
    }
  }

  /** One comment from the server, kept here (null if another consultation was opened meanwhile). */
  async readComment(commentId: number): Promise<CommentItem | null> {
    const generation = this.generation;
    const item = await this.session.call<CommentItem>(`/comments/${commentId}`);
    if (generation !== this.generation) return null;
    this.known.set(item.id, item);
    this.changed();
    return item;
  }

  /** One stored group, e.g. from a comment's link to a group on a page not read. */
  readGroup(group: number): Promise<CommentGroup> {
    return this.session.call<CommentGroup>(`/consultations/${encodeURIComponent(this.id)}/groups/${group}`);
  }

  private groupPage(id: string, cursor: string | null): Promise<GroupsAnswer> {
    const query = new URLSearchParams({ limit: String(GROUP_PAGE) });
    if (cursor) query.set('cursor', cursor);
    return this.session.call<GroupsAnswer>(`/consultations/${encodeURIComponent(id)}/groups?${query}`);
  }

  /** The first page of groups, read anew. */
  loadGroups(): Promise<void> {
    const id = this.id;
    this.moreGroups = { loading: false, error: null };
    return this.fill('groups', async () => {
      const { groups, ...rest } = await this.groupPage(id, null);
      return { ...rest, items: groups };
    });
  }

  /** The next page of groups, added to those shown (a failure keeps them). */
  async loadMoreGroups(): Promise<void> {
    const list = this.groups.value;
    if (!list?.next || this.moreGroups.loading) return;
    const generation = this.generation;
    this.moreGroups = { loading: true, error: null };
    this.changed();
    try {
      const { groups, ...rest } = await this.groupPage(this.id, list.next);
      if (generation !== this.generation) return;
      // A group changed here since the first page may come again: shown once.
      const shown = new Set(list.items.map((g) => g.group));
      const items = [...list.items, ...groups.filter((g) => !shown.has(g.group))];
      this.groups = { ...this.groups, value: { ...rest, items } };
      this.moreGroups = { loading: false, error: null };
    } catch (error) {
      if (generation !== this.generation) return;
      this.moreGroups = { loading: false, error };
    }
    this.changed();
  }

  /** Groups changed here (split, merged): shown where they were, without reading the list again. */
  setGroups(items: CommentGroup[], total: number): void {
    const list = this.groups.value;
    if (list) this.groups = { ...this.groups, value: { ...list, items, total } };
    this.changed();
  }

  /** Comments known here whose group changed: `groupOf` gives the new one, or undefined for no change. */
  regroup(groupOf: (item: CommentItem) => number | null | undefined): void {
    for (const item of this.known.values()) {
      const group = groupOf(item);
      if (group !== undefined && group !== item.group) this.known.set(item.id, { ...item, group });
    }
  }

  loadAudit(): Promise<void> {
    const id = this.id;
    return this.fill(
      'audit',
      async () => (await this.session.call<AuditAnswer>(`/consultations/${encodeURIComponent(id)}/audit`)).items,
    );
  }

  loadVersions(): Promise<void> {
    const id = this.id;
    return this.fill(
      'versions',
      async () =>
        (await this.session.call<FeedbackVersionsAnswer>(`/consultations/${encodeURIComponent(id)}/feedback/versions`))
          .versions,
    );
  }

  /** Reads the preview again: the server builds it from the comments as they stand now. */
  loadPreview(): Promise<void> {
    const id = this.id;
    return this.fill('preview', () =>
      this.session.follow<FeedbackPreview>(`/consultations/${encodeURIComponent(id)}/feedback/preview`),
    );
  }

  clause(id: string | null): Clause | null {
    if (id === null) return null;
    return this.clauses.value?.find((c) => c.id === id) ?? null;
  }

  /** The server's answer for one comment replaces ours. */
  apply(item: CommentItem): void {
    if (this.known.has(item.id)) this.known.set(item.id, item);
    this.stale();
  }

  /** A change the server applied to many comments (it answers with a count only). */
  applyMany(ids: readonly number[], patch: CommentPatch): void {
    for (const id of ids) {
      const item = this.known.get(id);
      if (item) this.known.set(id, patched(item, patch));
    }
    this.stale();
  }

  /** The counts are read again at once, the audit log when next shown. */
  private stale(): void {
    this.audit = part();
    this.changed();
    void this.loadCounts();
  }

  progress(): Progress | null {
    const c = this.counts.value;
    if (!c) return null;
    return {
      total: c.received,
      done: c.decided + c.removed,
      unmoderated: c.unmoderated,
      undecided: c.undecided,
    };
  }
}
