// Places note groups beside their clauses: one read pass (every position and height), then
// one write pass. Close clauses push notes down instead of overlapping them.
const GAP = 12;

export interface Placement {
  group: HTMLElement;
  marker: HTMLElement;
}

/** Returns the column height needed. */
export function placeNotes(column: HTMLElement, placements: readonly Placement[]): number {
  const origin = column.getBoundingClientRect().top;
  const measured = placements.map((p) => ({
    group: p.group,
    want: p.marker.getBoundingClientRect().top - origin,
    height: p.group.offsetHeight,
  }));
  let bottom = 0;
  const tops = measured.map((m) => {
    const top = Math.max(m.want, bottom);
    bottom = top + m.height + GAP;
    return top;
  });
  measured.forEach((m, i) => {
    m.group.style.top = `${tops[i]}px`;
  });
  return bottom;
}
