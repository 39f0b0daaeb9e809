import { loadParticipation } from './lazy.js';

const PARTICIPATION = 'gk-consultation, gk-feedback';

/**
 * The embed registers gk-consultation and gk-feedback only when a page uses them: it loads
 * their chunk once one appears in the document (parsed later than this script, or added by
 * the CMS's own scripts). Until then they are unknown elements, which upgrade when defined.
 */
export function loadParticipationWhenUsed(): void {
  const found = () => document.querySelector(PARTICIPATION) !== null;
  const load = () => void loadParticipation().catch((error: unknown) => console.warn('[gongkai]', error));
  if (found()) {
    load();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    load();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
