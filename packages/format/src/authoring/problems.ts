// Problems found while reading authoring files: each names the file, the line (1-based) when
// known, and says what is wrong in zh-Hans and en.
export interface Message {
  'zh-Hans': string;
  en: string;
}

export interface AuthoringProblem {
  file: string;
  line?: number;
  column?: number;
  /** The bundle path the problem is about, when it comes from `validate`. */
  path?: string;
  /** A warning does not stop the build (e.g. a quote matched approximately). */
  warning?: true;
  message: Message;
}

export const msg = (en: string, zh: string): Message => ({ en, 'zh-Hans': zh });

export function problem(file: string, line: number | undefined, message: Message, column?: number): AuthoringProblem {
  const p: AuthoringProblem = { file, message };
  if (line !== undefined) p.line = line;
  if (column !== undefined) p.column = column;
  return p;
}

/** `policy.md:12:3: $.meta.status: message` — the form editors and tools (grep, IDEs) know. */
export function formatProblem(p: AuthoringProblem, lang: keyof Message = 'en'): string {
  const where = [p.file, p.line, p.line === undefined ? undefined : p.column].filter((x) => x !== undefined).join(':');
  const level = p.warning ? (lang === 'en' ? 'warning: ' : '警告：') : '';
  return `${where}: ${level}${p.path ? `${p.path}: ` : ''}${p.message[lang]}`;
}

/** Thrown inside the parsers and collected by `buildBundle`; never escapes the public API. */
export class AuthoringError extends Error {
  constructor(readonly problem: AuthoringProblem) {
    super(formatProblem(problem));
  }
}

export const fail = (file: string, line: number | undefined, message: Message, column?: number): never => {
  throw new AuthoringError(problem(file, line, message, column));
};
