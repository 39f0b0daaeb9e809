// Where a change of a later version is, as printed: the 修改说明's table and the message telling a
// commenter what their comment led to say it the same way. Apart from report.ts so that the
// outbox can use it without importing the report (which imports the feedback, which imports the outbox).
import type { Change } from '@gongkai/format';

/** Where a change is, as printed: 第五条（原第六条）, 第七条（新增）, 原第五条（删除）. */
export function changePlace(change: Change): string {
  if (change.kind === 'added') return `${change.to!.number}（新增）`;
  if (change.kind === 'removed') return `原${change.from!.number}（删除）`;
  const to = change.to!.number;
  return change.from && change.from.number !== to ? `${to}（原${change.from.number}）` : to;
}
