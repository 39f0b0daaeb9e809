// What the parts of the console share: the stores, the actions, the language, and a few
// services of the element (announcing, re-rendering, finding what it rendered).
import type { ActionsHost, ReviewActions } from './actions.js';

export type Tab = 'comments' | 'groups' | 'publish' | 'audit' | 'entry' | 'notify';

export interface ReviewContext extends ActionsHost {
  readonly actions: ReviewActions;
  /** Resolves once what changed is rendered. */
  rendered(): Promise<unknown>;
  query<E extends HTMLElement = HTMLElement>(selector: string): E | null;
  showTab(tab: Tab): void;
  /** The audit tab, narrowed to one comment. */
  showAudit(comment: number): void;
  /** The groups tab, with this group open. */
  showGroup(group: number): void;
  /** Shows one comment in the comments tab, wherever it was chosen. */
  openComment(id: number): void;
  describe(error: unknown): string;
}
