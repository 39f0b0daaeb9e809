// The comments table's data: the filters, the pages read so far (cursor pagination), the cursor.
// Rows stay where they are after a change, even when they no longer match the filters, so the
// list does not jump under the staff member's hands; "refresh" reads it again.
import type { Decision, Moderation, SignoffStage } from '@gongkai/format';
import type { StaffSession } from './session.js';
import type { CommentItem, CommentPatch, CommentsPage } from './staff-api.js';
import { patched } from './workspace.js';

export const PAGE_SIZE = 100;

export interface Filters {
  /** '' all, 'document' the whole text, else a clause id. */
  clause: string;
  moderation: '' | Moderation;
  decision: '' | Decision | 'undecided';
  q: string;
  /** Where the decision stands in sign-off. */
  stage?: '' | SignoffStage;
  /** A unit's queue (its id). */
  unit?: string;
  /** Only comments of overdue assignments. */
  overdue?: boolean;
}

export const NO_FILTERS: Filters = {
  clause: '',
  moderation: '',
  decision: '',
  q: '',
  stage: '',
  unit: '',
  overdue: false,
};

export class CommentPage {
  consultation = '';
  filters: Filters = NO_FILTERS;
  items: CommentItem[] = [];
  next: string | null = null;
  loading = false;
  loaded = false;
  error: unknown = null;
  /** Index of the row the keyboard works on. */
  cursor = 0;
  private generation = 0;

  constructor(
    private readonly session: StaffSession,
    private readonly changed: () => void,
  ) {}

  get filtered(): boolean {
    const f = this.filters;
    return Boolean(f.clause || f.moderation || f.decision || f.q.trim() || f.stage || f.unit || f.overdue);
  }

  get current(): CommentItem | null {
    return this.items[this.cursor] ?? null;
  }

  /** Reads the first page again, for this consultation and these filters. */
  load(consultation: string, filters: Filters = this.filters): Promise<void> {
    this.consultation = consultation;
    this.filters = filters;
    this.items = [];
    this.next = null;
    this.cursor = 0;
    this.loaded = false;
    return this.read(null);
  }

  /** Reads the next page and adds it. */
  more(): Promise<void> {
    if (!this.next || this.loading) return Promise.resolve();
    return this.read(this.next);
  }

  private async read(cursor: string | null): Promise<void> {
    const generation = ++this.generation;
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const { clause, moderation, decision, q, stage, unit, overdue } = this.filters;
    if (stage) query.set('stage', stage);
    if (unit) query.set('unit', unit);
    if (overdue) query.set('overdue', 'true');
    if (clause) query.set('clause', clause);
    if (moderation) query.set('moderation', moderation);
    if (decision) query.set('decision', decision);
    if (q.trim()) query.set('q', q.trim());
    this.loading = true;
    this.error = null;
    this.changed();
    try {
      const page = await this.session.call<CommentsPage>(
        `/consultations/${encodeURIComponent(this.consultation)}/comments?${query}`,
      );
      if (generation !== this.generation) return;
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.next = page.next;
      this.loaded = true;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.changed();
      }
    }
  }

  /** Moves the cursor by `step` rows; reads the next page when moving past the last row. */
  async move(step: number): Promise<boolean> {
    const target = this.cursor + step;
    if (target >= this.items.length && this.next) await this.more();
    if (target < 0 || target >= this.items.length) return false;
    this.cursor = target;
    this.changed();
    return true;
  }

  select(id: number): void {
    const index = this.items.findIndex((c) => c.id === id);
    if (index >= 0) this.cursor = index;
    this.changed();
  }

  apply(item: CommentItem): void {
    this.items = this.items.map((c) => (c.id === item.id ? item : c));
    this.changed();
  }

  applyMany(ids: readonly number[], patch: CommentPatch): void {
    const set = new Set(ids);
    this.items = this.items.map((c) => (set.has(c.id) ? patched(c, patch) : c));
    this.changed();
  }
}
