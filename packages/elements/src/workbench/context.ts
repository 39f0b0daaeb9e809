// What every step of the workbench is given: the work, the text, and the ways to change both.
import type { Clause, PageJunkKind, Problem } from '@gongkai/format';
import type { LitElement } from 'lit';
import type { WorkbenchMessages } from '../i18n/workbench.js';
import type { UiLang } from '../internal/localize.js';
import type { Analysis } from './analysis.js';
import type { StepName, WorkbenchDraft } from './model.js';

export type WbMsg = (key: keyof WorkbenchMessages, params?: Record<string, string | number>) => string;

/** What the drafter is doing in each step; not saved (selections, open editors, messages). */
export interface WorkbenchUi {
  step: StepName;
  note: number;
  qa: number;
  graphic: number;
  /** The clause whose editor is open. */
  clause: string | null;
  /** Bodies before each clause fix, for undo. */
  history: string[];
  /** Undo of the last deletion (note, Q&A, graphic, row). */
  undo: { label: string; run: () => void } | null;
  /** The last message of a step, shown under its action. */
  notice: {
    step: StepName;
    kind: 'ok' | 'error' | 'warn';
    text: string;
    detail?: string[];
    /** Page junk found in a pasted page: taken out, or `kept` at the drafter's wish. */
    junk?: { lines: { kind: PageJunkKind; text: string }[]; kept: boolean };
  } | null;
  /** Show the self-check's findings beside the fields (after it was run once). */
  checked: boolean;
  /** A click in the preview chooses the clause of the note being written. */
  pick?: boolean;
  /** What the drafter searches the clauses for (notes step). */
  clauseQuery?: string;
  /** Saving was asked while the self-check has failures: waiting for "save anyway". */
  confirmSave?: 'server' | 'download' | null;
}

export interface WorkbenchContext {
  msg: WbMsg;
  lang: UiLang;
  /** The language of @gongkai/format's messages (zh-Hans or en). */
  formatLang: 'zh-Hans' | 'en';
  draft: WorkbenchDraft;
  /** The clauses of the current body. */
  clauses: readonly Clause[];
  ui: WorkbenchUi;
  analysis: Analysis | null;
  /** Changes the work: `change` mutates the draft; then autosave and preview follow. */
  edit(change: () => void): void;
  /** Re-renders after a change of `ui` only. */
  refresh(): void;
  go(step: StepName): void;
  /** Checks the work again now (validation, self-check, preview). */
  recheck(): void;
  /** Shows the field a bundle path (`$.qa[2].answer`) is about, and focuses it. */
  jump(path: string): void;
  /** Says something to screen readers (a polite live region). */
  announce(text: string): void;
  host: LitElement;
  endpoint: string;
  script: string;
}

/** Problems about `path` or anything under it, once the self-check has been run. */
export function issuesAt(ctx: WorkbenchContext, path: string): Problem[] {
  if (!ctx.ui.checked || !ctx.analysis) return [];
  return ctx.analysis.problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}

/** `一、（二）3. 标题` — the full number path and the title, as a drafter names a clause. */
export function clauseName(clauses: readonly Clause[], id: string, max = 28): string {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const clause = byId.get(id);
  if (!clause) return id;
  const numbers: string[] = [];
  for (let c: Clause | undefined = clause; c; c = c.parent === null ? undefined : byId.get(c.parent))
    numbers.unshift(c.number);
  const name = `${numbers.join('')} ${clause.title}`.trim();
  return name.length > max ? `${name.slice(0, max)}…` : name;
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
