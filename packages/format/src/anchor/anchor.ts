// Anchoring a whole bundle: every interpretation, Q&A clause link and graphic clause link.
import type { Clause, PartialBundle } from '../schema/bundle.js';
import { segment } from '../segment/index.js';
import { type AnchorIndex, createAnchorIndex } from './haystack.js';
import { locate } from './locate.js';
import { clauseNotFound } from './messages.js';
import type { AnchorOptions, AnchorResult, LinkAnchor, OrphanEntry, Resolution } from './types.js';

export type AnchorBundle = Pick<PartialBundle, 'body' | 'clauses' | 'interpretations' | 'qa' | 'graphics'>;

function clausesOf(bundle: AnchorBundle, clauses?: readonly Clause[]): readonly Clause[] {
  if (clauses) return clauses;
  if (bundle.clauses) return bundle.clauses;
  return bundle.body ? segment(bundle.body) : [];
}

function link(index: AnchorIndex, id: string): Resolution {
  return index.byId.has(id) ? { clause: id, score: 1, method: 'id' } : { orphan: clauseNotFound(id) };
}

function links(index: AnchorIndex, items: readonly { id: string; clauses?: string[] }[] = []): LinkAnchor[] {
  return items.flatMap((item, i) =>
    (item.clauses ?? []).map((target, j) => ({ index: i, id: item.id, link: j, target, ...link(index, target) })),
  );
}

/**
 * Place every interpretation, Q&A link and graphic link of a bundle on its clauses. Clauses
 * come from the argument, else the bundle, else segmenting `bundle.body`. Pass an
 * AnchorIndex (from createAnchorIndex) instead to reuse one across calls.
 */
export function anchor(
  bundle: AnchorBundle,
  clauses?: readonly Clause[] | AnchorIndex,
  options: AnchorOptions = {},
): AnchorResult {
  const index = clauses && 'hay' in clauses ? clauses : createAnchorIndex(clausesOf(bundle, clauses));
  const notes = (bundle.interpretations ?? []).map((n, i) => ({
    index: i,
    ...(n.id === undefined ? {} : { id: n.id }),
    ...locate(index, n.target, options.minScore),
  }));
  const qa = links(index, bundle.qa);
  const graphics = links(index, bundle.graphics);
  const orphans: OrphanEntry[] = [];
  const collect = (
    kind: OrphanEntry['kind'],
    list: Array<Resolution & { index: number; id?: string; link?: number }>,
  ) => {
    for (const r of list) {
      if (!('orphan' in r)) continue;
      const entry: OrphanEntry = { kind, index: r.index, orphan: r.orphan };
      if (r.id !== undefined) entry.id = r.id;
      if (r.link !== undefined) entry.link = r.link;
      orphans.push(entry);
    }
  };
  collect('note', notes);
  collect('qa', qa);
  collect('graphic', graphics);
  return { notes, qa, graphics, orphans };
}
