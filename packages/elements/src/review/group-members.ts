// The members of the groups opened in the groups tab, read a page at a time from
// `GET …/comments?group=ID` (a campaign may hold tens of thousands), kept in step with the
// changes made here.
import type { StaffSession } from './session.js';
import type { CommentItem, CommentPatch, CommentsPage } from './staff-api.js';
import { patched } from './workspace.js';

/** Members per page. */
export const MEMBER_PAGE = 50;

export interface MemberList {
  items: CommentItem[];
  next: string | null;
  loading: boolean;
  error: unknown;
}

export class GroupMembers {
  private readonly lists = new Map<number, MemberList>();
  private generation = 0;

  constructor(
    private readonly session: StaffSession,
    private readonly consultation: () => string,
    private readonly changed: () => void,
  ) {}

  reset(): void {
    this.generation++;
    this.lists.clear();
  }

  of(group: number): MemberList | null {
    return this.lists.get(group) ?? null;
  }

  /** Every member is read: what they are, counted here, is the whole group. */
  complete(group: number): boolean {
    const list = this.lists.get(group);
    return Boolean(list?.items.length && !list.next && !list.loading);
  }

  /** Reads the first page anew (what a colleague did meanwhile shows). */
  load(group: number): Promise<void> {
    return this.read(group, null);
  }

  more(group: number): Promise<void> {
    const list = this.lists.get(group);
    if (!list?.next || list.loading) return Promise.resolve();
    return this.read(group, list.next);
  }

  /** The group is no more, or is another now: read again when shown. */
  forget(group: number): void {
    this.lists.delete(group);
  }

  /** Members changed by a decision here; `matches` says which (the server answers with a count). */
  apply(group: number, matches: (item: CommentItem) => boolean, patch: CommentPatch): void {
    const list = this.lists.get(group);
    if (!list) return;
    this.lists.set(group, { ...list, items: list.items.map((m) => (matches(m) ? patched(m, patch) : m)) });
    this.changed();
  }

  private async read(group: number, cursor: string | null): Promise<void> {
    const generation = this.generation;
    const before = this.lists.get(group);
    this.lists.set(group, {
      items: cursor ? (before?.items ?? []) : [],
      next: cursor ? (before?.next ?? null) : null,
      loading: true,
      error: null,
    });
    this.changed();
    const query = new URLSearchParams({ group: String(group), limit: String(MEMBER_PAGE) });
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await this.session.call<CommentsPage>(
        `/consultations/${encodeURIComponent(this.consultation())}/comments?${query}`,
      );
      if (generation !== this.generation) return;
      const items = cursor ? [...(this.lists.get(group)?.items ?? []), ...page.items] : page.items;
      this.lists.set(group, { items, next: page.next, loading: false, error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      // What was read stays; the next page can be asked for again.
      const now = this.lists.get(group);
      this.lists.set(group, { items: now?.items ?? [], next: cursor, loading: false, error });
    }
    this.changed();
  }
}
