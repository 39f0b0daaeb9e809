// Which clause is being read, from an IntersectionObserver on the clause markers: no layout
// reads on scroll. A reading band covers the top third of the viewport; the current clause is
// the first marker inside it (the one just scrolled to) or, when none is, the last one that
// scrolled above it.
export class CurrentClauseTracker {
  private observer: IntersectionObserver | null = null;
  private readonly order = new Map<Element, number>();
  private readonly ids: string[] = [];
  private readonly inBand = new Set<number>();
  private readonly above = new Set<number>();
  private current: string | null = null;

  constructor(private readonly onChange: (clause: string | null) => void) {}

  observe(markers: ReadonlyMap<string, Element>): void {
    this.disconnect();
    let i = 0;
    for (const [id, marker] of markers) {
      this.order.set(marker, i++);
      this.ids.push(id);
    }
    this.observer = new IntersectionObserver((entries) => this.update(entries), { rootMargin: '0px 0px -66% 0px' });
    for (const marker of markers.values()) this.observer.observe(marker);
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const index = this.order.get(entry.target);
      if (index === undefined) continue;
      if (entry.isIntersecting) {
        this.inBand.add(index);
        this.above.delete(index);
      } else {
        this.inBand.delete(index);
        if (entry.boundingClientRect.top < (entry.rootBounds?.top ?? 0)) this.above.add(index);
        else this.above.delete(index);
      }
    }
    const pick = this.inBand.size ? Math.min(...this.inBand) : this.above.size ? Math.max(...this.above) : -1;
    const next = pick >= 0 ? (this.ids[pick] ?? null) : null;
    if (next !== this.current) {
      this.current = next;
      this.onChange(next);
    }
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.order.clear();
    this.ids.length = 0;
    this.inBand.clear();
    this.above.clear();
  }
}
