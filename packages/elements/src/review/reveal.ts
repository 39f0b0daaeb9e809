// A decision form's field, its problem and its save bar, brought into the window when a shortcut
// or a refused save moves focus there: the open comment beside the table scrolls on its own
// (sticky, as tall as the window), so it is brought whole into view first, then the field in it.

export function keepInView(target: Element): void {
  const detail = target.closest('.detail');
  if (detail && getComputedStyle(detail).position === 'sticky') detail.scrollIntoView({ block: 'nearest' });
  (target.closest('.field') ?? target).scrollIntoView({ block: 'nearest' });
}
