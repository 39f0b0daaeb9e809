// 一图读懂 (a lazy chunk, gongkai-export.js, in the embed): draws graphics cards as one long PNG (1080 px wide, text ≥ 28 px) for WeChat/Weibo.
// Drawn on a canvas by hand, so it needs no DOM-to-image library and works under a strict CSP.
import type { Graphic } from '@gongkai/format';

export const IMAGE_WIDTH = 1080;
const MARGIN = 56;
const PAD = 40;
const GAP = 40;
const INNER = IMAGE_WIDTH - 2 * MARGIN - 2 * PAD;

const COLOURS = {
  page: '#f3f4f6',
  card: '#ffffff',
  text: '#1f2328',
  muted: '#4b5563',
  accent: '#b42318',
  line: '#d0d7de',
  soft: '#fdf2f1',
};

export interface ExportCard {
  graphic: Graphic;
  /** The drawn chart of a `chart` card, copied into the image. */
  chart?: HTMLCanvasElement | null;
  /** Names of the linked clauses, as shown on the page. */
  clauses: string[];
}

export interface ExportText {
  /** Heading of the whole image (e.g. the document's title). */
  title: string;
  /** "相关条款：" */
  clausesLabel: string;
  /** Formats a number for the reader's language, with an optional unit. */
  format: (value: number, unit?: string) => string;
  fontFamily: string;
}

/** Breaks text into lines that fit `width`: CJK between any two characters, Latin at spaces. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g,
    ) ?? [''];
    let line = '';
    for (const token of tokens) {
      const next = line + token;
      if (line && ctx.measureText(next).width > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
        // A word wider than the line on its own: cut it by characters.
        while (ctx.measureText(line).width > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        line = next;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Draws in two passes: a dry one to measure heights, then the real one on a canvas of that size. */
class Pen {
  y = MARGIN;
  private heights: number[];
  private index = 0;

  constructor(
    readonly ctx: CanvasRenderingContext2D,
    readonly dry: boolean,
    private readonly family: string,
    heights: number[],
  ) {
    this.heights = heights;
  }

  font(size: number, weight = 400): void {
    this.ctx.font = `${weight} ${size}px ${this.family}`;
  }

  /** Height of `text` wrapped to `width` at `size`. */
  measure(text: string, width: number, size: number, weight = 400): number {
    this.font(size, weight);
    return wrap(this.ctx, text, width).length * Math.round(size * 1.5);
  }

  /** Writes wrapped text at (x, y) and returns its height. */
  write(text: string, x: number, y: number, width: number, size: number, weight = 400, colour = COLOURS.text): number {
    this.font(size, weight);
    const lineHeight = Math.round(size * 1.5);
    const lines = wrap(this.ctx, text, width);
    if (!this.dry) {
      this.ctx.fillStyle = colour;
      this.ctx.textBaseline = 'middle';
      lines.forEach((line, i) => {
        this.ctx.fillText(line, x, y + lineHeight * i + lineHeight / 2);
      });
    }
    return lines.length * lineHeight;
  }

  /** Writes at the pen's x = left of the content and moves down. */
  line(text: string, size: number, weight = 400, colour = COLOURS.text, indent = 0): void {
    this.y += this.write(text, MARGIN + PAD + indent, this.y, INNER - indent, size, weight, colour);
  }

  box(x: number, y: number, w: number, h: number, fill: string, radius = 16): void {
    if (this.dry) return;
    this.ctx.fillStyle = fill;
    this.ctx.beginPath();
    this.ctx.roundRect(x, y, w, h, radius);
    this.ctx.fill();
  }

  /** Starts a block whose height is known only after its contents: measured in the dry pass. */
  begin(): number {
    return this.dry ? 0 : (this.heights[this.index++] ?? 0);
  }

  end(start: number): void {
    if (this.dry) this.heights.push(this.y - start);
  }
}

function drawCard(pen: Pen, card: ExportCard, text: ExportText): void {
  const { graphic } = card;
  const top = pen.y;
  const height = pen.begin();
  pen.box(MARGIN, top, IMAGE_WIDTH - 2 * MARGIN, height, COLOURS.card, 20);
  pen.box(MARGIN, top, 12, height, COLOURS.accent, 6);
  pen.y += PAD;
  pen.line(graphic.caption, 40, 700);
  pen.y += 24;
  const left = MARGIN + PAD;
  switch (graphic.kind) {
    case 'figures': {
      const columnWidth = (INNER - 32) / 2;
      for (let i = 0; i < graphic.items.length; i += 2) {
        const row = graphic.items.slice(i, i + 2);
        const heights = row.map((item) => {
          const value = typeof item.value === 'number' ? text.format(item.value) : item.value;
          return (
            pen.measure(`${value}${item.unit ?? ''}`, columnWidth - 48, 64, 700) +
            pen.measure(item.label, columnWidth - 48, 28) +
            48
          );
        });
        const rowHeight = Math.max(...heights);
        row.forEach((item, j) => {
          const x = left + j * (columnWidth + 32);
          pen.box(x, pen.y, columnWidth, rowHeight, COLOURS.soft, 12);
          const value = typeof item.value === 'number' ? text.format(item.value) : item.value;
          let y = pen.y + 24;
          y += pen.write(`${value}${item.unit ?? ''}`, x + 24, y, columnWidth - 48, 64, 700, COLOURS.accent);
          pen.write(item.label, x + 24, y, columnWidth - 48, 28, 400, COLOURS.text);
        });
        pen.y += rowHeight + 24;
      }
      break;
    }
    case 'steps':
    case 'timeline': {
      const items: { date?: string; title: string; body?: string | undefined }[] = graphic.items;
      items.forEach((item, i) => {
        const start = pen.y;
        if (!pen.dry) {
          const ctx = pen.ctx;
          ctx.fillStyle = COLOURS.accent;
          ctx.beginPath();
          ctx.arc(left + 28, start + 28, graphic.kind === 'steps' ? 28 : 12, 0, Math.PI * 2);
          ctx.fill();
          if (graphic.kind === 'steps') {
            pen.font(30, 700);
            ctx.fillStyle = '#fff';
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillText(String(i + 1), left + 28, start + 29);
            ctx.textAlign = 'start';
          }
        }
        if (item.date) pen.line(item.date, 28, 700, COLOURS.accent, 80);
        pen.line(item.title, 32, 700, COLOURS.text, 80);
        if (item.body) pen.line(item.body, 28, 400, COLOURS.muted, 80);
        const last = i === items.length - 1;
        if (!pen.dry && !last) {
          pen.ctx.fillStyle = COLOURS.line;
          pen.ctx.fillRect(left + 26, start + 60, 4, pen.y - start - 36);
        }
        pen.y += last ? 24 : 28;
      });
      break;
    }
    case 'compare': {
      const columnWidth = (INNER - 32) / 2;
      const sides = [graphic.before, graphic.after];
      const heights = sides.map(
        (s) => pen.measure(s.title, columnWidth - 48, 32, 700) + pen.measure(s.body, columnWidth - 48, 28) + 64,
      );
      const boxHeight = Math.max(...heights);
      sides.forEach((side, j) => {
        const x = left + j * (columnWidth + 32);
        pen.box(x, pen.y, columnWidth, boxHeight, j === 0 ? '#f3f4f6' : COLOURS.soft, 12);
        let y = pen.y + 24;
        y += pen.write(side.title, x + 24, y, columnWidth - 48, 32, 700, j === 0 ? COLOURS.muted : COLOURS.accent) + 16;
        pen.write(side.body, x + 24, y, columnWidth - 48, 28, 400, COLOURS.text);
      });
      pen.y += boxHeight + 24;
      break;
    }
    case 'chart': {
      const image = card.chart;
      if (image && image.width > 0 && image.height > 0) {
        const h = Math.round((INNER * image.height) / image.width);
        if (!pen.dry) {
          pen.box(left, pen.y, INNER, h, '#ffffff', 0);
          pen.ctx.drawImage(image, left, pen.y, INNER, h);
        }
        pen.y += h + 24;
      }
      // The numbers as text too: the chart's own labels are small once scaled.
      const { labels, datasets, unit } = graphic.chart;
      for (const [i, label] of labels.entries()) {
        const values = datasets.map((d) => {
          const v = d.data[i];
          const shown = typeof v === 'number' ? text.format(v, unit) : '—';
          return datasets.length > 1 ? `${d.label} ${shown}` : shown;
        });
        pen.line(`${label}：${values.join('，')}`, 28);
      }
      pen.y += 16;
      break;
    }
  }
  pen.line(graphic.description, 28, 400, COLOURS.muted);
  if (card.clauses.length) {
    pen.y += 8;
    pen.line(`${text.clausesLabel}${card.clauses.join('、')}`, 28, 400, COLOURS.muted);
  }
  pen.y += PAD;
  pen.end(top);
}

function layout(pen: Pen, cards: ExportCard[], text: ExportText): void {
  const top = pen.y;
  const height = pen.begin();
  pen.box(MARGIN, top, IMAGE_WIDTH - 2 * MARGIN, height, COLOURS.accent, 20);
  pen.y += 32;
  if (!pen.dry) pen.ctx.textAlign = 'start';
  pen.line(text.title, 48, 700, '#ffffff');
  pen.y += 32;
  pen.end(top);
  pen.y += GAP;
  for (const card of cards) {
    drawCard(pen, card, text);
    pen.y += GAP;
  }
  pen.y += MARGIN - GAP;
}

/** Draws the cards on one canvas 1080 px wide, as tall as they need. */
export function drawGraphicsImage(cards: ExportCard[], text: ExportText): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH;
  canvas.height = 1;
  const measuring = canvas.getContext('2d');
  if (!measuring) throw new Error('no 2D canvas');
  const heights: number[] = [];
  const dry = new Pen(measuring, true, text.fontFamily, heights);
  layout(dry, cards, text);
  // Browsers cap a canvas near 32767 px; a longer set is cut rather than lost.
  canvas.height = Math.min(Math.ceil(dry.y), 32000);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = COLOURS.page;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  layout(new Pen(ctx, false, text.fontFamily, heights), cards, text);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob returned nothing'))), 'image/png'),
  );
}
