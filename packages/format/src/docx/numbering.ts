// Word's list numbering (numbering.xml, and the styles that carry it) counted through the
// document as Word counts it, so that each numbered paragraph gets the label Word prints.
import { formatNumber } from './number-format.js';
import { child, children, val, type XDocument, type XElement } from './xml.js';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:isLgl: every level's number in Arabic digits (1.1.1). */
  legal: boolean;
  /** What follows the number: a tab, a space or nothing. */
  suffix: string;
  /** w:lvlRestart 0: never restarts when a higher level is numbered. */
  neverRestart: boolean;
  pStyle?: string;
}

interface Num {
  abstractId: string;
  /** w:lvlOverride: a start value (restarts the level) or a whole level. */
  start: Map<number, number>;
  levels: Map<number, Level>;
}

export interface NumberingModel {
  abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string }>;
  nums: Map<string, Num>;
  /** Paragraph styles: their own numPr and the style they are based on. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** Numbering styles (w:numStyleLink) → their numId. */
  numberingStyles: Map<string, string>;
}

function readLevel(lvl: XElement): Level {
  const start = Number(val(lvl, 'w:start') ?? 1);
  const text = child(lvl, 'w:lvlText');
  const restart = val(lvl, 'w:lvlRestart');
  const pStyle = val(lvl, 'w:pStyle');
  return {
    start: Number.isFinite(start) ? start : 1,
    numFmt: val(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: text?.getAttribute('w:val') ?? '',
    legal: child(lvl, 'w:isLgl') !== undefined && val(lvl, 'w:isLgl') !== '0' && val(lvl, 'w:isLgl') !== 'false',
    suffix: val(lvl, 'w:suff') ?? 'tab',
    neverRestart: restart === '0',
    ...(pStyle ? { pStyle } : {}),
  };
}

function levelsOf(el: XElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of children(el, 'w:lvl')) levels.set(Number(lvl.getAttribute('w:ilvl') ?? 0), readLevel(lvl));
  return levels;
}

/** The numbering definitions and the paragraph styles' numbering, from numbering.xml and styles.xml. */
export function readNumbering(numbering: XDocument | undefined, styles: XDocument | undefined): NumberingModel {
  const model: NumberingModel = {
    abstracts: new Map(),
    nums: new Map(),
    styles: new Map(),
    numberingStyles: new Map(),
  };
  const root = numbering?.documentElement;
  if (root) {
    for (const a of children(root, 'w:abstractNum')) {
      const link = val(a, 'w:numStyleLink');
      model.abstracts.set(a.getAttribute('w:abstractNumId') ?? '', {
        levels: levelsOf(a),
        ...(link ? { styleLink: link } : {}),
      });
    }
    for (const n of children(root, 'w:num')) {
      const num: Num = { abstractId: val(n, 'w:abstractNumId') ?? '', start: new Map(), levels: new Map() };
      for (const o of children(n, 'w:lvlOverride')) {
        const ilvl = Number(o.getAttribute('w:ilvl') ?? 0);
        const start = val(o, 'w:startOverride');
        if (start !== undefined) num.start.set(ilvl, Number(start));
        const lvl = child(o, 'w:lvl');
        if (lvl) num.levels.set(ilvl, readLevel(lvl));
      }
      model.nums.set(n.getAttribute('w:numId') ?? '', num);
    }
  }
  const sroot = styles?.documentElement;
  if (sroot) {
    for (const s of children(sroot, 'w:style')) {
      const id = s.getAttribute('w:styleId') ?? '';
      const numPr = child(child(s, 'w:pPr'), 'w:numPr');
      const numId = val(numPr, 'w:numId');
      const ilvl = val(numPr, 'w:ilvl');
      if (s.getAttribute('w:type') === 'numbering') {
        if (numId) model.numberingStyles.set(id, numId);
        continue;
      }
      const basedOn = val(s, 'w:basedOn');
      model.styles.set(id, {
        ...(numId !== undefined ? { numId } : {}),
        ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
        ...(basedOn ? { basedOn } : {}),
      });
    }
  }
  return model;
}

/** The abstract numbering a num uses, following numbering-style links (guarded against loops). */
function abstractOf(model: NumberingModel, numId: string): string | undefined {
  const seen = new Set<string>();
  let id: string | undefined = numId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const abstractId: string | undefined = model.nums.get(id)?.abstractId;
    if (abstractId === undefined) return undefined;
    const link = model.abstracts.get(abstractId)?.styleLink;
    if (!link) return abstractId;
    id = model.numberingStyles.get(link);
  }
  return undefined;
}

/** A paragraph's numbering (numId and level): its own numPr, else its style's (based-on chain). */
function numberingOf(model: NumberingModel, pPr: XElement | undefined): { numId: string; ilvl: number } | null {
  const numPr = child(pPr, 'w:numPr');
  let numId = val(numPr, 'w:numId');
  const own = val(numPr, 'w:ilvl');
  let ilvl = own === undefined ? undefined : Number(own);
  let styleId = val(pPr, 'w:pStyle');
  const seen = new Set<string>();
  while ((numId === undefined || ilvl === undefined) && styleId && !seen.has(styleId)) {
    seen.add(styleId);
    const style = model.styles.get(styleId);
    if (!style) break;
    numId ??= style.numId;
    ilvl ??= style.ilvl;
    styleId = style.basedOn;
  }
  // numId 0 switches numbering off (e.g. a heading style's list, turned off for one paragraph).
  if (numId === undefined || numId === '0') return null;
  if (ilvl === undefined) {
    // A level tied to the paragraph's style (w:pStyle inside w:lvl), else the first.
    const abstractId = abstractOf(model, numId);
    const pStyle = val(pPr, 'w:pStyle');
    const levels = abstractId === undefined ? undefined : model.abstracts.get(abstractId)?.levels;
    ilvl = 0;
    for (const [i, l] of levels ?? []) if (pStyle && l.pStyle === pStyle) ilvl = i;
  }
  return { numId, ilvl };
}

export interface Label {
  /** As printed: `第一条`, `一、`, `（一）`, `1.`. */
  text: string;
  /** What Word puts between the number and the text, as text: a space, a U+3000 or nothing. */
  separator: string;
}

/**
 * Counts Word's way: one counter per abstract numbering (numbering continues across list
 * instances that share one), restarted where a list instance overrides a level's start; a
 * numbered level restarts the levels below it.
 */
export class Counter {
  private readonly values = new Map<string, (number | undefined)[]>();
  private readonly lastNum = new Map<string, string>();

  constructor(private readonly model: NumberingModel) {}

  private level(numId: string, abstractId: string, ilvl: number): Level | undefined {
    return this.model.nums.get(numId)?.levels.get(ilvl) ?? this.model.abstracts.get(abstractId)?.levels.get(ilvl);
  }

  private start(numId: string, abstractId: string, ilvl: number): number {
    return this.model.nums.get(numId)?.start.get(ilvl) ?? this.level(numId, abstractId, ilvl)?.start ?? 1;
  }

  /** The label of a numbered paragraph (null when it has none or is a bullet). */
  next(pPr: XElement | undefined): Label | null {
    const n = numberingOf(this.model, pPr);
    if (!n) return null;
    const abstractId = abstractOf(this.model, n.numId);
    if (abstractId === undefined) return null;
    const lvl = this.level(n.numId, abstractId, n.ilvl);
    if (!lvl || lvl.numFmt === 'bullet') return null;
    const values = this.values.get(abstractId) ?? [];
    this.values.set(abstractId, values);
    if (this.lastNum.get(abstractId) !== n.numId) {
      // A new list instance that sets a start restarts those levels.
      for (const k of this.model.nums.get(n.numId)?.start.keys() ?? []) values[k] = undefined;
      this.lastNum.set(abstractId, n.numId);
    }
    const current = values[n.ilvl];
    values[n.ilvl] = current === undefined ? this.start(n.numId, abstractId, n.ilvl) : current + 1;
    for (let k = n.ilvl + 1; k < Math.max(values.length, 9); k++) {
      if (!this.level(n.numId, abstractId, k)?.neverRestart) values[k] = undefined;
    }
    const text = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const value = values[k] ?? this.start(n.numId, abstractId, k);
      const fmt = lvl.legal && k < n.ilvl ? 'decimal' : (this.level(n.numId, abstractId, k)?.numFmt ?? 'decimal');
      return formatNumber(value, fmt);
    });
    if (!text.trim()) return null;
    return { text, separator: separatorAfter(text, lvl.suffix) };
  }
}

/**
 * Word prints a tab (or a space) after the number. Chinese labels that end in 、 or a closing
 * bracket need nothing; 第X条 takes the full-width space of GB/T 9704; the rest a space.
 */
function separatorAfter(label: string, suffix: string): string {
  if (suffix === 'nothing' || /[、，．。）)】〕]$/.test(label)) return '';
  if (/第.{1,8}[条條章节節编編款项]$/.test(label)) return '\u3000';
  return ' ';
}
