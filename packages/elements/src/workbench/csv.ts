// Chart data from a table a drafter pastes from Excel or WPS (tab-separated) or types as CSV.
// The first row is the header: its first cell names the categories, the others the series.
// Every problem names its line, so a drafter can find it in what they pasted.

export interface TableData {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

export type TableProblemCode =
  /** Nothing but the header (or nothing at all). */
  | 'empty'
  /** The header has fewer than two cells. */
  | 'header'
  /** A series with no name in the header. */
  | 'series-name'
  /** A row with more cells than the header. */
  | 'extra-cells'
  /** A row with no category name in its first cell. */
  | 'no-label'
  /** A cell that is not a number. */
  | 'not-number'
  /** A quote opened and never closed. */
  | 'quote';

export interface TableProblem {
  /** 1-based line of the pasted text. */
  line: number;
  code: TableProblemCode;
  /** 1-based column, where it is about one cell. */
  column?: number;
  /** The cell as written. */
  value?: string;
}

export interface ParsedTable {
  /** Set when there is no problem. */
  data?: TableData;
  problems: TableProblem[];
  delimiter: 'tab' | 'comma';
  /** The cells as read (header first), for showing what was understood. */
  rows: { line: number; cells: string[] }[];
}

/** Splits one line at `sep`, with "quoted" cells ("" inside for a quote); null on an open quote. */
function splitLine(line: string, sep: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (sep.includes(ch)) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) return null;
  cells.push(cell.trim());
  return cells;
}

const FULL_WIDTH = /[０-９．－＋，]/g;
/** `12,500` `１２５００` `-3.5` `45%` → numbers; `''` `-` `—` → null (no value); else undefined. */
export function parseNumber(cell: string): number | null | undefined {
  const s = cell
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .replace(/%$/, '');
  if (s === '' || /^[-—–]+$/.test(s)) return null;
  if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-+]?\.\d+$/.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

/** Reads a pasted table. Tabs win when any line has one (Excel); else commas (`,` or `，`). */
export function parseTable(text: string): ParsedTable {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
  const tab = lines.some((l) => l.includes('\t'));
  const sep = tab ? '\t' : ',，';
  const problems: TableProblem[] = [];
  const rows: ParsedTable['rows'] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = splitLine(raw, sep);
    if (!cells) problems.push({ line: i + 1, code: 'quote' });
    else rows.push({ line: i + 1, cells });
  });
  const delimiter = tab ? 'tab' : 'comma';
  const [header, ...body] = rows;
  if (!header || body.length === 0) {
    problems.unshift({ line: header?.line ?? 1, code: 'empty' });
    return { problems, delimiter, rows };
  }
  // Trailing empty header cells are a spreadsheet's habit, not series.
  while (header.cells.length > 2 && header.cells[header.cells.length - 1] === '') header.cells.pop();
  if (header.cells.length < 2) {
    problems.push({ line: header.line, code: 'header' });
    return { problems, delimiter, rows };
  }
  const series = header.cells.slice(1);
  series.forEach((name, j) => {
    if (!name) problems.push({ line: header.line, code: 'series-name', column: j + 2 });
  });
  const labels: string[] = [];
  const data: (number | null)[][] = series.map(() => []);
  for (const row of body) {
    const cells = [...row.cells];
    while (cells.length > header.cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > header.cells.length) {
      problems.push({
        line: row.line,
        code: 'extra-cells',
        column: header.cells.length + 1,
        value: cells.slice(header.cells.length).join(' '),
      });
    }
    const label = cells[0] ?? '';
    if (!label) problems.push({ line: row.line, code: 'no-label', column: 1 });
    labels.push(label);
    series.forEach((_, j) => {
      const cell = cells[j + 1] ?? '';
      const value = parseNumber(cell);
      if (value === undefined) problems.push({ line: row.line, code: 'not-number', column: j + 2, value: cell });
      (data[j] as (number | null)[]).push(value ?? null);
    });
  }
  problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  if (problems.length) return { problems, delimiter, rows };
  return {
    data: { labels, datasets: series.map((label, j) => ({ label, data: data[j] as (number | null)[] })) },
    problems,
    delimiter,
    rows,
  };
}

/** A chart's data back as a tab-separated table (to edit a bundle's existing chart). */
export function chartToTable(chart: { labels?: unknown; datasets?: unknown }): string {
  const labels = Array.isArray(chart.labels) ? chart.labels.map(String) : [];
  const sets = Array.isArray(chart.datasets) ? (chart.datasets as { label?: unknown; data?: unknown }[]) : [];
  const header = ['', ...sets.map((s) => String(s.label ?? ''))].join('\t');
  const rows = labels.map((label, i) =>
    [label, ...sets.map((s) => (Array.isArray(s.data) && s.data[i] != null ? String(s.data[i]) : ''))].join('\t'),
  );
  return [header, ...rows].join('\n');
}
