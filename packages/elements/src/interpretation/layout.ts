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
  // A clause not shown (修改对照's 只看修改的条文 hides those that did not change) takes its notes
  // out of the column, rather than leaving them stacked at the top pushing the others down.
  for (const p of placements) p.group.hidden = p.marker.getClientRects().length === 0;
  const measured = placements.map((p) => ({
    group: p.group,
    want: p.marker.getBoundingClientRect().top - origin,
    height: p.group.hidden ? 0 : p.group.offsetHeight,
  }));
  let bottom = 0;
  const tops = measured.map((m) => {
    const top = Math.max(m.want, bottom);
    if (!m.group.hidden) bottom = top + m.height + GAP;
    return top;
  });
  measured.forEach((m, i) => {
    m.group.style.top = `${tops[i]}px`;
  });
  return bottom;
}
