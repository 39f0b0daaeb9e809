// The comments chosen for a bulk action: a set of ids that outlives paging and "load more" (rows
// are only ever added), cleared when the list is read anew (other filters, or a refresh). Ranges
// (shift+click, shift+x) run from the row last toggled, the anchor, to the one acted on.

export type PageSelection = 'none' | 'some' | 'all';

export class Selection {
  private readonly chosen = new Set<number>();
  /** The id of the row last toggled: where a range starts. */
  anchor: number | null = null;

  get size(): number {
    return this.chosen.size;
  }

  has(id: number): boolean {
    return this.chosen.has(id);
  }

  /** Every id chosen, smallest first. */
  get ids(): number[] {
    return [...this.chosen].sort((a, b) => a - b);
  }

  /** Chooses (or leaves) `id`, and makes it the anchor; returns its new state. */
  toggle(id: number, on = !this.chosen.has(id)): boolean {
    this.set([id], on);
    this.anchor = id;
    return on;
  }

  /**
   * Sets every row from the anchor to `items[index]` (both included) to `on`; without an anchor
   * in `items`, that row alone. Returns the rows of the range.
   */
  range(items: readonly { id: number }[], index: number, on: boolean): number[] {
    const item = items[index];
    if (!item) return [];
    const from = this.anchor === null ? -1 : items.findIndex((x) => x.id === this.anchor);
    const [start, end] = from < 0 ? [index, index] : from < index ? [from, index] : [index, from];
    const ids = items.slice(start, end + 1).map((x) => x.id);
    this.set(ids, on);
    this.anchor = item.id;
    return ids;
  }

  set(ids: Iterable<number>, on: boolean): void {
    for (const id of ids) {
      if (on) this.chosen.add(id);
      else this.chosen.delete(id);
    }
  }

  /** How much of `items` (the rows shown) is chosen: for the "select all on this page" box. */
  of(items: readonly { id: number }[]): PageSelection {
    const chosen = items.filter((x) => this.chosen.has(x.id)).length;
    return chosen === 0 ? 'none' : chosen === items.length ? 'all' : 'some';
  }

  clear(): void {
    this.chosen.clear();
    this.anchor = null;
  }
}
