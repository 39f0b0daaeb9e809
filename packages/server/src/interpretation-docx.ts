// A policy's interpretation (解读) as a Word document laid out as the 意见采纳情况说明 is (a 公文
// attachment, GB/T 9704): the notes clause by clause in the document's order with the passage each
// explains, then the Q&A, then each graphic's text description. Offices file and forward it.
import { type Bundle, markdownToParagraphs, printedClauseLabel } from '@gongkai/format';
import { formatNumber } from '@gongkai/format/docx';
import { HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import type { Queryable } from './db/database.js';
import { getPolicy } from './policies.js';
import { body, gongwenDocx, heading1, heading2, safeFileName } from './report-docx.js';

type Note = NonNullable<Bundle['interpretations']>[number];

const ROLES: Record<string, string> = {
  department: '起草部门',
  principal: '主要负责人',
  expert: '专家',
  media: '媒体',
};

const numbered = (n: number) => formatNumber(n, 'chineseCounting');

/** The notes in the document's order: those on a clause by its place, then the rest as written. */
function byClause(bundle: Bundle): { heading: string; notes: Note[] }[] {
  const clauses = bundle.clauses ?? [];
  const order = new Map(clauses.map((c, i) => [c.id, i]));
  const groups = new Map<string, Note[]>();
  const others: Note[] = [];
  for (const note of bundle.interpretations ?? []) {
    const clause = note.target.clause;
    // A placement awaiting confirmation is no placement yet (format: target.pending).
    if (clause !== undefined && order.has(clause) && !('pending' in note.target)) {
      groups.set(clause, [...(groups.get(clause) ?? []), note]);
    } else others.push(note);
  }
  const sections = [...groups.entries()]
    .sort(([a], [b]) => order.get(a)! - order.get(b)!)
    .map(([id, notes]) => ({ heading: printedClauseLabel(clauses, id) ?? id, notes }));
  if (others.length) sections.push({ heading: sections.length ? '其他解读' : '解读', notes: others });
  return sections;
}

function noteParagraphs(note: Note): Paragraph[] {
  const out: Paragraph[] = [];
  if (note.target.quote) out.push(body(`原文：“${note.target.quote.exact}”`, { italics: true }));
  for (const text of markdownToParagraphs(note.body)) out.push(body(text));
  if (note.media?.transcript) out.push(body(`文字实录：${note.media.transcript}`));
  const who = [note.author, note.role ? ROLES[note.role] : undefined].filter(Boolean).join('，');
  if (who || note.date) out.push(body(`（${[who, note.date].filter(Boolean).join('　')}）`));
  return out;
}

/**
 * The interpretation of a policy version (the latest unless `version`) as a .docx: its notes,
 * Q&A and graphics' descriptions; 404 for an unknown policy or version.
 */
export async function interpretationDocx(
  db: Queryable,
  policyId: string,
  version?: number,
): Promise<{ bytes: Buffer; fileName: string }> {
  const bundle = (await getPolicy(db, policyId, version)).bundle as Bundle;
  const title = bundle.meta.title;
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`《${title}》解读`)] }),
  ];
  const issued = [bundle.meta.issuer, bundle.meta.docNumber].filter(Boolean).join('　');
  if (issued) out.push(body(issued));
  let level = 0;
  const sections = byClause(bundle);
  if (sections.length) {
    // The clauses' own numbers (一、（三）, 第十二条) head their notes: no second numbering over them.
    out.push(heading1(`${numbered(++level)}、逐条解读`));
    for (const section of sections) {
      out.push(heading2(section.heading));
      for (const note of section.notes) out.push(...noteParagraphs(note));
    }
  }
  if (bundle.qa?.length) {
    out.push(heading1(`${numbered(++level)}、问答`));
    bundle.qa.forEach((q, i) => {
      out.push(heading2(`（${numbered(i + 1)}）${q.question}`));
      for (const text of markdownToParagraphs(q.answer)) out.push(body(text));
    });
  }
  if (bundle.graphics?.length) {
    out.push(heading1(`${numbered(++level)}、图解说明`));
    bundle.graphics.forEach((g, i) => {
      out.push(heading2(`（${numbered(i + 1)}）${g.caption}`));
      out.push(body(g.description));
    });
  }
  if (level === 0) out.push(body('本文件尚无解读、问答或图解。'));
  const bytes = await gongwenDocx({ title: `《${title}》解读`, description: '政策解读' }, out);
  return { bytes, fileName: safeFileName(title, '解读') };
}
