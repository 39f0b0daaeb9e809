// The work as a bundle, checked: schema problems (`validate`), the publication self-check
// (`check`, with the anchoring of `anchor`), and the bundle the live preview shows — the valid
// part of the work, so that one unfinished note does not blank the whole preview.
import {
  anchor,
  type Bundle,
  type CheckResult,
  type Clause,
  check,
  type OrphanEntry,
  type Problem,
  validate,
} from '@gongkai/format';
import { toBundle, type WorkbenchDraft } from './model.js';

export interface Analysis {
  bundle: ReturnType<typeof toBundle>;
  /** Empty when the bundle is valid. */
  problems: Problem[];
  valid: Bundle | null;
  /** The self-check; only for a valid bundle (it does not repeat the schema). */
  checks: CheckResult[];
  orphans: OrphanEntry[];
  /** What the preview shows; null when even the document part is not valid. */
  preview: Bundle | null;
  /** Paths of items left out of the preview because they are not finished. */
  omitted: string[];
}

const ITEM = /^\$\.(interpretations|qa|graphics)\[(\d+)\]/;
const META = /^\$\.meta\.(\w+)/;

/** The bundle minus what `problems` are about, for the preview. */
function previewOf(
  bundle: Record<string, unknown>,
  problems: Problem[],
): { preview: Bundle | null; omitted: string[] } {
  const drop = new Map<string, Set<number>>();
  const omitted = new Set<string>();
  const copy: Record<string, unknown> = { ...bundle, meta: { ...(bundle.meta as object) } };
  const meta = copy.meta as Record<string, unknown>;
  for (const p of problems) {
    const item = ITEM.exec(p.path);
    if (item) {
      const [, field, index] = item as unknown as [string, string, string];
      drop.set(field, (drop.get(field) ?? new Set()).add(Number(index)));
      omitted.add(`$.${field}[${index}]`);
      continue;
    }
    const field = META.exec(p.path)?.[1];
    if (field === 'title') meta.title = '…';
    else if (field) delete meta[field];
    else if (p.path === '$.meta') copy.meta = { title: '…' };
    else if (p.path === '$.id') copy.id = 'preview';
    else if (p.path === '$.lang') delete copy.lang;
  }
  for (const [field, indexes] of drop) {
    const list = (copy[field] as unknown[]).filter((_, i) => !indexes.has(i));
    if (list.length) copy[field] = list;
    else delete copy[field];
  }
  const result = validate(copy);
  return { preview: result.ok ? result.value : null, omitted: [...omitted] };
}

export function analyse(draft: WorkbenchDraft, clauses: readonly Clause[]): Analysis {
  const bundle = toBundle(draft, clauses);
  const result = validate(bundle);
  if (!result.ok) {
    const { preview, omitted } = draft.doc ? previewOf(bundle, result.problems) : { preview: null, omitted: [] };
    return { bundle, problems: result.problems, valid: null, checks: [], orphans: [], preview, omitted };
  }
  const anchoring = anchor(result.value);
  const checks = check(result.value, { anchoring });
  return {
    bundle,
    problems: [],
    valid: result.value,
    checks,
    orphans: anchoring.orphans,
    preview: result.value,
    omitted: [],
  };
}

/** Where a self-check finding sends the drafter: a bundle path, when there is one to go to. */
export function pathOfCheck(result: CheckResult, bundle: { meta?: Record<string, unknown> }): string | null {
  const named = /\$\.[\w.[\]]+?(?=[\s;,)]|$)/.exec(result.message.en)?.[0];
  if (named) return named.replace(/\.$/, '');
  switch (result.id) {
    case 'interpretation-published':
      return '$.interpretations';
    case 'validity': {
      const meta = bundle.meta ?? {};
      for (const field of ['status', 'published', 'effective']) if (!meta[field]) return `$.meta.${field}`;
      return '$.meta.status';
    }
    case 'graphics-described':
      return '$.graphics';
    default:
      return null;
  }
}

/** The path of an anchoring orphan (a note, or one clause link of a Q&A item or graphic). */
export function pathOfOrphan(o: OrphanEntry): string {
  if (o.kind === 'note') return `$.interpretations[${o.index}]`;
  const field = o.kind === 'qa' ? 'qa' : 'graphics';
  return `$.${field}[${o.index}].clauses${o.link === undefined ? '' : `[${o.link}]`}`;
}
