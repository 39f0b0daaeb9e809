// Command-line arguments: a command, its file, and a few options.
export interface Args {
  command?: string;
  file?: string;
  output?: string;
  lang?: string;
  verbose: boolean;
  /** `--no-search-index`: leave the derived index out (the reader then builds it itself). */
  searchIndex: boolean;
  /** `--html`: store the HTML rendered from each markdown field beside it. */
  html: boolean;
  help: boolean;
  /** Arguments that are not understood, reported as usage errors. */
  unknown: string[];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { verbose: false, help: false, searchIndex: true, html: false, unknown: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') args.help = true;
    else if (flag === '-v' || flag === '--verbose') args.verbose = true;
    else if (flag === '-o' || flag === '--output') args.output = value();
    else if (flag === '--no-search-index') args.searchIndex = false;
    else if (flag === '--html') args.html = true;
    else if (flag === '--lang') args.lang = value() ?? '';
    else if (a.startsWith('-') && a !== '-') args.unknown.push(a);
    else positional.push(a);
  }
  [args.command, args.file] = positional;
  args.unknown.push(...positional.slice(2));
  return args;
}
