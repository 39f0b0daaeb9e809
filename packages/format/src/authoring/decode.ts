// Authoring files as text. Drafters' files often come from Windows tools that save GBK
// (GB18030): say so and how to convert, instead of showing mojibake.
import { fail, msg } from './problems.js';

export type FileContent = string | Uint8Array;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Line and column (1-based) of byte `offset`, counting UTF-8 characters before it on its line. */
function position(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  let column = 1;
  for (let i = start; i < offset; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) column++;
  return [line, column];
}

/** The first byte where the bytes stop being UTF-8. */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if ((((bytes[i + k] ?? 0) as number) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** True when the bytes read as GB18030 give mostly Chinese text. */
function looksGbk(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const han = text.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/g)?.length ?? 0;
    const high = text.match(/[^\p{ASCII}]/gu)?.length ?? 0;
    return han > 0 && han >= high * 0.8;
  } catch {
    return false; // a runtime without the gb18030 decoder: say only that it is not UTF-8
  }
}

/** The text of an authoring file: UTF-8 (a BOM is dropped), else a problem naming the file. */
export function decodeText(file: string, content: FileContent): string {
  if (typeof content === 'string') return content.replace(/^\ufeff/, '');
  const b = content;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    fail(
      file,
      1,
      msg(
        `the file is UTF-16 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 ${file} > ${file}.utf8)`,
        `文件为 UTF-16 编码，请另存为 UTF-8（例如 iconv -f UTF-16 -t UTF-8 ${file} > ${file}.utf8）`,
      ),
    );
  }
  try {
    return utf8.decode(b).replace(/^\ufeff/, '');
  } catch {
    const at = firstInvalid(b);
    const [line, column] = position(b, at);
    const hex = `0x${(b[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    const convert = `iconv -f GBK -t UTF-8 ${file} > ${file}.utf8`;
    return looksGbk(b)
      ? fail(
          file,
          line,
          msg(
            `not UTF-8 (byte ${hex}); the file looks GBK/GB18030-encoded. Convert it to UTF-8: ${convert}`,
            `不是 UTF-8 编码（字节 ${hex}）；文件似乎是 GBK/GB18030 编码，请转换为 UTF-8：${convert}`,
          ),
          column,
        )
      : fail(
          file,
          line,
          msg(`not UTF-8 text (byte ${hex}); save the file as UTF-8`, `不是 UTF-8 文本（字节 ${hex}），请另存为 UTF-8`),
          column,
        );
  }
}
