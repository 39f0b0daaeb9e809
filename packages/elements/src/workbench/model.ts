// The drafter's work in progress, as the workbench edits and autosaves it, and the bundle it
// becomes. Fields are kept as typed (empty strings included) so that nothing a drafter wrote
// disappears while it is unfinished; `toBundle` drops what is empty and `validate` says what
// is missing.
import {
  type CHART_TYPES,
  type Clause,
  type Consultation,
  clauseNumbers,
  createClauseResolver,
  type Graphic,
  type Interpretation,
  type Lang,
  type Pending,
  type Quote,
  type Role,
  type Status,
  segment,
} from '@gongkai/format';
import { parseTable } from './csv.js';

export const STEPS = ['source', 'clauses', 'meta', 'notes', 'qa', 'graphics', 'check', 'save'] as const;
export type StepName = (typeof STEPS)[number];

export type SourceFormat = 'auto' | 'text' | 'markdown' | 'html';
export type ChartType = (typeof CHART_TYPES)[number];
export type GraphicKind = Graphic['kind'];
export const GRAPHIC_KINDS: readonly GraphicKind[] = ['chart', 'figures', 'steps', 'timeline', 'compare'];

export const META_TEXT_FIELDS = ['title', 'docNumber', 'issuer', 'indexNumber', 'category'] as const;
export const META_DATE_FIELDS = ['published', 'effective', 'expires'] as const;
export type MetaField = (typeof META_TEXT_FIELDS)[number] | (typeof META_DATE_FIELDS)[number] | 'status';
export type MetaDraft = Record<MetaField, string> & { status: Status | '' };

export interface NoteDraft {
  id: string;
  /** Clause id; '' until one is chosen. */
  clause: string;
  body: string;
  author: string;
  role: Role | '';
  date: string;
  /**
   * What the workbench does not edit but must not drop when revising a bundle: the kind and
   * media of a video or interview note, and the quote of a note that names no clause.
   */
  kept?: { kind?: Interpretation['kind']; media?: Interpretation['media']; quote?: Quote };
  /**
   * Carried over from a previous version, its place not yet confirmed (`clause` is ''): the
   * bundle states it as `target.pending`, so readers list the note as not placed until then.
   */
  pending?: Pending;
}

export interface QaDraft {
  id: string;
  question: string;
  answer: string;
  clauses: string[];
  category: string;
}

export interface GraphicDraft {
  id: string;
  kind: GraphicKind;
  caption: string;
  description: string;
  clauses: string[];
  /** Every kind's fields are kept, so switching the kind back loses nothing. */
  chart: { type: ChartType; unit: string; table: string };
  figures: { value: string; unit: string; label: string }[];
  steps: { title: string; body: string }[];
  timeline: { date: string; title: string; body: string }[];
  before: { title: string; body: string };
  after: { title: string; body: string };
}

export interface DocDraft {
  id: string;
  /** The id was made by the workbench (from the 文号), not written: it follows the 文号. */
  idAuto?: boolean;
  lang: Lang | '';
  meta: MetaDraft;
  /** The document as markdown; segmentation fixes are made here (see clause-edits.ts). */
  body: string;
  /** Kept as imported (from policy.md front matter); the workbench does not edit it. */
  consultation?: Consultation;
}

export interface WorkbenchDraft {
  version: 1;
  source: { text: string; name: string; format: SourceFormat };
  /** Null until the document has been read. */
  doc: DocDraft | null;
  notes: NoteDraft[];
  qa: QaDraft[];
  graphics: GraphicDraft[];
  /** ISO time of the last change. */
  updated: string;
}

export function emptyMeta(): MetaDraft {
  return {
    title: '',
    docNumber: '',
    issuer: '',
    indexNumber: '',
    category: '',
    published: '',
    effective: '',
    expires: '',
    status: '',
  };
}

export function emptyDraft(): WorkbenchDraft {
  return {
    version: 1,
    source: { text: '', name: '', format: 'auto' },
    doc: null,
    notes: [],
    qa: [],
    graphics: [],
    updated: '',
  };
}

/** Nothing worth keeping: no text pasted and no document read. */
export function isEmpty(draft: WorkbenchDraft): boolean {
  return !draft.source.text.trim() && !draft.doc;
}

/** The clauses of the body, as gk-document will find them in the rendered text. */
export function clausesOf(body: string): Clause[] {
  return segment(body, { format: 'markdown' });
}

/** `prefix1`, `prefix2`… : the first not in `taken`. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newNote(draft: WorkbenchDraft, clause: string, today: string): NoteDraft {
  return {
    id: nextId(
      'n',
      draft.notes.map((n) => n.id),
    ),
    clause,
    body: '',
    author: '',
    role: 'department',
    date: today,
  };
}

export function newQa(draft: WorkbenchDraft, clause: string): QaDraft {
  return {
    id: nextId(
      'q',
      draft.qa.map((q) => q.id),
    ),
    question: '',
    answer: '',
    clauses: clause ? [clause] : [],
    category: '',
  };
}

export function newGraphic(draft: WorkbenchDraft, kind: GraphicKind, clause: string): GraphicDraft {
  return {
    id: nextId(
      'g',
      draft.graphics.map((g) => g.id),
    ),
    kind,
    caption: '',
    description: '',
    clauses: clause ? [clause] : [],
    chart: { type: 'bar', unit: '', table: '' },
    figures: [{ value: '', unit: '', label: '' }],
    steps: [{ title: '', body: '' }],
    timeline: [{ date: '', title: '', body: '' }],
    before: { title: '', body: '' },
    after: { title: '', body: '' },
  };
}

const trimmed = (s: string | undefined) => (s ?? '').trim();
/** `{ key: value }` for each non-empty value. */
function compact<T extends Record<string, string | undefined>>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (trimmed(v)) out[k as keyof T] = trimmed(v) as T[keyof T];
  return out;
}
const filled = (row: Record<string, string>) => Object.values(row).some((v) => v.trim());

function graphicOut(g: GraphicDraft): Record<string, unknown> {
  const base = {
    id: g.id,
    kind: g.kind,
    caption: trimmed(g.caption),
    description: trimmed(g.description),
    ...(g.clauses.length ? { clauses: [...g.clauses] } : {}),
  };
  switch (g.kind) {
    case 'chart': {
      const table = parseTable(g.chart.table);
      const chart = table.data ?? { labels: [], datasets: [] };
      return { ...base, chart: { type: g.chart.type, ...chart, ...compact({ unit: g.chart.unit }) } };
    }
    case 'figures':
      return {
        ...base,
        items: g.figures.filter(filled).map((f) => {
          const number = f.value.trim() === '' ? Number.NaN : Number(f.value.replace(/[,，\s]/g, ''));
          return {
            value: Number.isFinite(number) ? number : f.value.trim(),
            ...compact({ unit: f.unit }),
            label: f.label.trim(),
          };
        }),
      };
    case 'steps':
      return {
        ...base,
        items: g.steps.filter(filled).map((s) => ({ title: s.title.trim(), ...compact({ body: s.body }) })),
      };
    case 'timeline':
      return {
        ...base,
        items: g.timeline
          .filter(filled)
          .map((s) => ({ date: s.date.trim(), title: s.title.trim(), ...compact({ body: s.body }) })),
      };
    case 'compare':
      return {
        ...base,
        before: { title: g.before.title.trim(), body: g.before.body.trim() },
        after: { title: g.after.title.trim(), body: g.after.body.trim() },
      };
  }
}

/**
 * The bundle the work becomes (not yet validated: `validate` names what is missing, with the
 * same paths the workbench uses to jump to the field). Notes get a quote — the start of their
 * clause, unique in the document — so they find their place again after a revision.
 */
export function toBundle(draft: WorkbenchDraft, clauses: readonly Clause[] = clausesOf(draft.doc?.body ?? '')) {
  const doc = draft.doc;
  const resolver = createClauseResolver(clauses);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const notes = draft.notes.map((n) => {
    const clause = byId.get(n.clause);
    const found = clause ? resolver.quoteFor(clause) : undefined;
    const quote = found ? { exact: found } : n.clause ? undefined : n.kept?.quote;
    const target: { clause?: string; quote?: Quote; pending?: Pending } =
      !n.clause && n.pending
        ? { pending: n.pending }
        : { ...(n.clause ? { clause: n.clause } : {}), ...(quote ? { quote } : {}) };
    return {
      id: n.id,
      target,
      body: n.body.trim(),
      ...(n.kept?.kind ? { kind: n.kept.kind } : {}),
      ...compact({ author: n.author, role: n.role, date: n.date }),
      ...(n.kept?.media ? { media: n.kept.media } : {}),
    };
  });
  const qa = draft.qa.map((q) => ({
    id: q.id,
    question: q.question.trim(),
    answer: q.answer.trim(),
    ...(q.clauses.length ? { clauses: [...q.clauses] } : {}),
    ...compact({ category: q.category }),
  }));
  return {
    schemaVersion: 1 as const,
    id: doc?.id.trim() ?? '',
    ...(doc?.lang ? { lang: doc.lang } : {}),
    meta: compact(doc?.meta ?? emptyMeta()),
    body: doc?.body ?? '',
    clauses: [...clauses],
    ...(notes.length ? { interpretations: notes } : {}),
    ...(qa.length ? { qa } : {}),
    ...(draft.graphics.length ? { graphics: draft.graphics.map(graphicOut) } : {}),
    ...(doc?.consultation ? { consultation: doc.consultation } : {}),
  };
}

/**
 * After the body changed, clause ids may have changed too (a number edited, a clause split):
 * links that named a clause follow its text. Returns how many links could not follow.
 */
export function followClauses(
  draft: WorkbenchDraft,
  before: readonly Clause[],
  after: readonly Clause[],
  notes = true,
): number {
  const afterIds = new Set(after.map((c) => c.id));
  const byText = new Map<string, string>();
  const byStart = new Map<string, string>();
  const start = (c: Clause) => c.text.slice(c.number.length, c.number.length + 16).trim();
  for (const c of after) {
    if (!byText.has(c.text)) byText.set(c.text, c.id);
    if (start(c) && !byStart.has(start(c))) byStart.set(start(c), c.id);
  }
  const map = new Map<string, string>();
  for (const c of before) {
    const found = byText.get(c.text) ?? byStart.get(start(c));
    if (found) map.set(c.id, found);
    else if (afterIds.has(c.id)) map.set(c.id, c.id);
  }
  let lost = 0;
  const follow = (id: string) => {
    const to = map.get(id);
    if (to === undefined && id && !afterIds.has(id)) lost++;
    return to ?? id;
  };
  // Notes carried over to a new version by carryOver() are not followed a second time.
  if (notes) for (const n of draft.notes) n.clause = n.clause && follow(n.clause);
  for (const q of draft.qa) q.clauses = q.clauses.map(follow);
  for (const g of draft.graphics) g.clauses = g.clauses.map(follow);
  return lost;
}

/** Notes waiting for a drafter: carried over from a previous version, no clause chosen since. */
export function pendingNotes(notes: readonly NoteDraft[]): number[] {
  return notes.flatMap((n, i) => (n.pending && !n.clause ? [i] : []));
}

/** A note whose clause changed with a new text, to be placed by carry-over.ts (loaded then). */
export interface Unsettled {
  note: NoteDraft;
  /** Its clause in the text before. */
  clause: string;
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** A clause's own words (after its number marker): what a note on the whole clause explains. */
const ownWords = (c: Clause) =>
  squeeze(c.text.trim().startsWith(c.number.trim()) ? c.text.trim().slice(c.number.trim().length) : c.text);

/**
 * A new version of the text read in place of the old. A note whose clause is there word for word
 * (once, in both texts) follows it at once, whatever its number now; every other note loses its
 * clause and waits, `pending`, until carry-over.ts places it by the text (a chunk of its own:
 * the comparison engine is not in the workbench's first download). Never by number alone.
 */
export function holdNotes(draft: WorkbenchDraft, before: readonly Clause[], after: readonly Clause[]): Unsettled[] {
  const count = (list: readonly Clause[]) => {
    const m = new Map<string, Clause[]>();
    for (const c of list) {
      const k = ownWords(c);
      if (k) m.set(k, [...(m.get(k) ?? []), c]);
    }
    return m;
  };
  const was = count(before);
  const now = count(after);
  const byId = new Map(before.map((c) => [c.id, c]));
  const out: Unsettled[] = [];
  for (const note of draft.notes) {
    const old = note.clause ? byId.get(note.clause) : undefined;
    if (!old) continue;
    const k = ownWords(old);
    const there = now.get(k);
    if (was.get(k)?.length === 1 && there?.length === 1) {
      note.clause = there[0]!.id;
      continue;
    }
    out.push({ note, clause: old.id });
    note.clause = '';
    const number = clauseNumbers(byId, old.id) ?? old.number.trim();
    note.pending = { reason: 'quote-not-found', previous: { ...(number ? { number } : {}), text: old.text } };
  }
  return out;
}
