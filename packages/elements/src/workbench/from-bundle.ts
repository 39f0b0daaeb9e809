// An existing bundle taken up for revision: everything it holds becomes editable, and what the
// workbench does not edit (a video note's media, a quote-only target) is kept as it was.
import {
  CHART_TYPES,
  type Consultation,
  type Interpretation,
  type Lang,
  type Pending,
  type Quote,
  type Role,
  toParagraphs,
} from '@gongkai/format';
import { chartToTable } from './csv.js';
import {
  type ChartType,
  emptyDraft,
  emptyMeta,
  GRAPHIC_KINDS,
  type GraphicKind,
  type MetaField,
  type NoteDraft,
  newGraphic,
  type WorkbenchDraft,
} from './model.js';

/** Takes up an existing bundle (to revise it): everything it holds becomes editable. */
export function fromBundle(input: unknown): WorkbenchDraft {
  const b = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const meta = emptyMeta();
  const m = (b.meta ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(meta) as MetaField[]) meta[key] = str(m[key]) as never;
  // A bundle made from a CMS page may carry only the rendered HTML: its text becomes the body.
  const html = str(b.bodyHtml);
  const body = str(b.body) || (html ? toParagraphs(html, { format: 'html' }).join('\n\n') : '');
  const draft = emptyDraft();
  draft.source = { text: body, name: '', format: 'markdown' };
  draft.doc = {
    id: str(b.id),
    lang: (['zh-Hans', 'zh-Hant', 'en'].includes(str(b.lang)) ? str(b.lang) : '') as Lang | '',
    meta,
    body,
    ...(b.consultation ? { consultation: b.consultation as Consultation } : {}),
  };
  draft.notes = list(b.interpretations).map((n, i) => {
    const target = (n.target ?? {}) as { clause?: unknown; quote?: Quote; pending?: Pending };
    const kept: NoteDraft['kept'] = {
      ...(typeof n.kind === 'string' ? { kind: n.kind as Interpretation['kind'] } : {}),
      ...(n.media && typeof n.media === 'object' ? { media: n.media as Interpretation['media'] } : {}),
      ...(target.quote && typeof target.quote === 'object' ? { quote: target.quote } : {}),
    };
    return {
      id: str(n.id) || `n${i + 1}`,
      clause: str(target.clause),
      body: str(n.body),
      author: str(n.author),
      role: str(n.role) as Role | '',
      date: str(n.date),
      ...(Object.keys(kept).length ? { kept } : {}),
      ...(target.pending && typeof target.pending === 'object' && !target.clause ? { pending: target.pending } : {}),
    };
  });
  draft.qa = list(b.qa).map((q, i) => ({
    id: str(q.id) || `q${i + 1}`,
    question: str(q.question),
    answer: str(q.answer),
    clauses: ids(q.clauses),
    category: str(q.category),
  }));
  draft.graphics = list(b.graphics).map((g, i) => {
    const kind = (GRAPHIC_KINDS.includes(g.kind as GraphicKind) ? g.kind : 'figures') as GraphicKind;
    const out = newGraphic(draft, kind, '');
    out.id = str(g.id) || `g${i + 1}`;
    out.caption = str(g.caption);
    out.description = str(g.description);
    out.clauses = ids(g.clauses);
    const items = list(g.items);
    if (kind === 'chart' && g.chart && typeof g.chart === 'object') {
      const chart = g.chart as { type?: unknown; unit?: unknown; labels?: unknown; datasets?: unknown };
      out.chart = {
        type: (CHART_TYPES.includes(chart.type as ChartType) ? chart.type : 'bar') as ChartType,
        unit: str(chart.unit),
        table: chartToTable(chart),
      };
    }
    if (kind === 'figures')
      out.figures = items.map((f) => ({ value: str(f.value), unit: str(f.unit), label: str(f.label) }));
    if (kind === 'steps') out.steps = items.map((s) => ({ title: str(s.title), body: str(s.body) }));
    if (kind === 'timeline')
      out.timeline = items.map((s) => ({ date: str(s.date), title: str(s.title), body: str(s.body) }));
    if (kind === 'compare') {
      const side = (v: unknown) => {
        const o = (v ?? {}) as Record<string, unknown>;
        return { title: str(o.title), body: str(o.body) };
      };
      out.before = side(g.before);
      out.after = side(g.after);
    }
    return out;
  });
  return draft;
}
