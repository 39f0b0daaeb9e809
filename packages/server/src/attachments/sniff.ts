// What a file is, from its bytes while it streams in, never from its name or the Content-Type the
// client sent. PDF, JPEG and PNG by their first bytes; DOCX as a ZIP whose central directory (read
// from the file's tail, kept as it streams) lists [Content_Types].xml and word/… entries. Memory
// stays bounded: the first bytes and the last TAIL bytes, whatever the file's size.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { HttpError } from '../lib/errors.js';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type Kind = keyof typeof MEDIA_TYPES;
export const EXTENSIONS: Record<Kind, string> = { pdf: '.pdf', jpeg: '.jpg', png: '.png', docx: '.docx' };

/** A central directory bigger than this (thousands of entries) is not a comment's Word file. */
const TAIL = 256 * 1024;
const HEAD = 16;

export interface Sniffed {
  kind: Kind;
  size: number;
  sha256: string;
}

const starts = (b: Buffer, bytes: number[] | string, at = 0) => {
  const want = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return b.length >= at + want.length && b.subarray(at, at + want.length).equals(want);
};

/** What a refused file was found to be, in English and Chinese. */
interface Found {
  found: string;
  zh: string;
}

/** The accepted kind the first bytes announce, 'zip' to be decided at the end, or what was found. */
function byHead(head: Buffer): Kind | 'zip' | Found {
  if (starts(head, '%PDF-')) return 'pdf';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  return describeHead(head);
}

function describeHead(head: Buffer): Found {
  const text = head.toString('latin1').trimStart().toLowerCase();
  const known: [boolean, string, string][] = [
    [starts(head, 'MZ'), 'a Windows program (.exe/.dll)', 'Windows 可执行程序（.exe/.dll）'],
    [starts(head, [0x7f, 0x45, 0x4c, 0x46]), 'a Linux program (ELF)', 'Linux 可执行程序（ELF）'],
    [
      starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'an old Office file (.doc/.xls/.wps): save it as .docx',
      '旧版 Office 文件（.doc/.xls/.wps），请另存为 .docx',
    ],
    [starts(head, 'GIF8'), 'a GIF image', 'GIF 图片'],
    [starts(head, 'BM'), 'a BMP image', 'BMP 图片'],
    [starts(head, 'RIFF') && starts(head, 'WEBP', 8), 'a WebP image', 'WebP 图片'],
    [starts(head, 'ftyp', 4), 'a video or HEIC photo', '视频或 HEIC 照片'],
    [starts(head, 'II*\0') || starts(head, 'MM\0*'), 'a TIFF image', 'TIFF 图片'],
    [starts(head, 'Rar!'), 'a RAR archive', 'RAR 压缩包'],
    [starts(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'a 7-Zip archive', '7-Zip 压缩包'],
    [starts(head, [0x1f, 0x8b]), 'a gzip archive', 'gzip 压缩包'],
    [starts(head, '{\\rtf'), 'an RTF document', 'RTF 文档'],
    [
      text.startsWith('<!doctype html') ||
        text.startsWith('<html') ||
        text.startsWith('<svg') ||
        text.startsWith('<?xml'),
      'an HTML, SVG or XML document',
      'HTML、SVG 或 XML 文档',
    ],
  ];
  const hit = known.find(([yes]) => yes);
  if (hit) return { found: hit[1], zh: hit[2] };
  if (head.length === 0) return { found: 'an empty file', zh: '空文件' };
  const bytes = [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return { found: `an unknown type (first bytes ${bytes})`, zh: `无法识别的类型（开头字节 ${bytes}）` };
}

/** The entry names of a ZIP's central directory, from the file's last bytes; null if not there. */
export function zipEntries(tail: Buffer, size: number): string[] | null {
  // End of central directory: signature, then at +12 the directory's size, at +16 its offset.
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return null;
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  const tailStart = size - tail.length;
  let at = cdOffset - tailStart;
  if (at < 0 || cdOffset + cdSize > size) return null;
  const names: string[] = [];
  while (at + 46 <= tail.length && tail.readUInt32LE(at) === 0x02014b50) {
    const nameLength = tail.readUInt16LE(at + 28);
    const extra = tail.readUInt16LE(at + 30);
    const comment = tail.readUInt16LE(at + 32);
    names.push(tail.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function describeZip(names: string[] | null): Kind | Found {
  if (!names) return { found: 'a damaged or unreadable ZIP archive', zh: '损坏或无法读取的 ZIP 压缩包' };
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has('[Content_Types].xml') && has('word/')) return 'docx';
  if (has('xl/')) return { found: 'an Excel workbook (.xlsx)', zh: 'Excel 工作簿（.xlsx）' };
  if (has('ppt/')) return { found: 'a PowerPoint presentation (.pptx)', zh: 'PowerPoint 演示文稿（.pptx）' };
  return { found: 'a ZIP archive', zh: 'ZIP 压缩包' };
}

export const ACCEPTED = 'PDF, JPEG, PNG or Word (.docx)';

function unsupported({ found, zh }: Found): HttpError {
  return new HttpError(415, 'unsupported-type', `this file is ${found}; only ${ACCEPTED} files may be attached`, {
    zh: `该文件实际是${zh}，只能上传 PDF、JPEG、PNG 或 Word（.docx）文件`,
    found,
  });
}

export function tooLarge(maxBytes: number): HttpError {
  const mb = Math.round((maxBytes / 1048576) * 10) / 10;
  return new HttpError(413, 'file-too-large', `a file may be at most ${mb} MB`, {
    zh: `单个文件不能超过 ${mb} MB`,
    maxBytes,
  });
}

/**
 * A pass-through that refuses, while the bytes flow, a file over `maxBytes` (413) or of a kind not
 * accepted (415, as soon as its first bytes show it). `result` is set once the stream has ended.
 */
export class Sniffer extends Transform {
  result: Sniffed | null = null;
  private size = 0;
  private head = Buffer.alloc(0);
  private kind: Kind | 'zip' | null = null;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(tooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.kind === null) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD)]).subarray(0, HEAD);
      if (this.head.length >= 8) {
        const k = byHead(this.head);
        if (typeof k === 'object') {
          done(unsupported(k));
          return;
        }
        this.kind = k;
      }
    }
    if (this.kind === 'zip' || this.kind === null) this.keepTail(chunk);
    done(null, chunk);
  }

  private keepTail(chunk: Buffer): void {
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tail.length > 1 && this.tailBytes - this.tail[0]!.length >= TAIL) {
      this.tailBytes -= this.tail.shift()!.length;
    }
  }

  override _flush(done: TransformCallback): void {
    let kind = this.kind ?? byHead(this.head);
    if (kind === 'zip') {
      const tail = Buffer.concat(this.tail);
      kind = describeZip(zipEntries(tail.subarray(Math.max(0, tail.length - TAIL)), this.size));
    }
    if (typeof kind === 'object') {
      done(unsupported(kind));
      return;
    }
    this.result = { kind, size: this.size, sha256: this.hash.digest('hex') };
    done();
  }
}
