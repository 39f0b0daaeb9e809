// What an older reader taps: every control on screen at least 44 × 44 px, its text at least
// 16 px (issue 16). Links inside running text (the policy, a note, an answer) are words in a
// sentence, not controls, and are left out.
const CONTROL = 'button, summary, input, select, textarea, a[href]';
const RUNNING_TEXT = '[part="body"] a, .note .body a, [part="answer"] a, [part="notice"] a';

/** The visible controls under `root`, through every shadow root on the way. */
export function visibleControls(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (!el.matches(CONTROL) || el.matches(RUNNING_TEXT)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      found.push(el);
    }
  };
  walk(root);
  return found;
}

/** The controls that are too small to tap or to read, described (empty when all are fine). */
export function smallControls(root: ParentNode): string[] {
  return visibleControls(root).flatMap((el) => {
    const box = el.getBoundingClientRect();
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    // Half a pixel for rounding of em-based sizes.
    if (box.width >= 43.5 && box.height >= 43.5 && size >= 15.5) return [];
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20);
    return [
      `${el.tagName.toLowerCase()} "${name}": ${Math.round(box.width)}×${Math.round(box.height)} px, ${size} px text`,
    ];
  });
}
