// Story scaffolding shared by the element stories: page widths and waiting for a rendered state.
import type { GkDocument } from '@gongkai/elements';

/** A phone: Storybook has no viewport addon here, so a wrapper sets the width. */
export const PHONE = '360px';

/** Resolves with the first truthy value of `probe`, checked every frame (gives up after `ms`). */
export async function until<T>(probe: () => T | null | undefined | false, ms = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() - start > ms) throw new Error('story: the expected state never appeared');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The "查看解读" button of a clause, once the notes have been counted. */
export function notesButton(doc: GkDocument, clause: string): HTMLButtonElement | null {
  const tools = doc.clauseMarker(clause);
  return tools?.shadowRoot?.querySelector<HTMLButtonElement>('[part="notes"]') ?? null;
}

/** The gk-document inside a gk-policy (for play functions that act as the reader would). */
export function innerDocument(root: ParentNode): GkDocument | null {
  return root.querySelector('gk-policy')?.shadowRoot?.querySelector('gk-document') ?? null;
}
