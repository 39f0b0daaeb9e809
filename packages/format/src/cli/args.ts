// Command-line arguments: a command, its file, and a few options.
export interface Args {
  command?: string;
  file?: string;
  /** `diff OLD NEW`, `reanchor PREV NEW`: the second file. */
  file2?: string;
  output?: string;
  lang?: string;
  verbose: boolean;
  /** `--no-search-index`: leave the derived index out (the reader then builds it itself). */
  searchIndex: boolean;
  /** `--html`: store the HTML rendered from each markdown field beside it. */
  html: boolean;
  /** `--previous FILE`: build compares the text with its previous version and stores the result. */
  previous?: string;
  /** `--json`: diff prints the comparison as JSON. */
  json: boolean;
  help: boolean;
  /** Arguments that are not understood, reported as usage errors. */
  unknown: string[];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { verbose: false, help: false, searchIndex: true, html: false, json: false, unknown: [] };
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
    else if (flag === '--json') args.json = true;
    else if (flag === '--previous') args.previous = value() ?? '';
    else if (flag === '--lang') args.lang = value() ?? '';
    else if (a.startsWith('-') && a !== '-') args.unknown.push(a);
    else positional.push(a);
  }
  [args.command, args.file] = positional;
  // Only diff and reanchor take two files.
  const two = args.command === 'diff' || args.command === 'reanchor';
  if (two) args.file2 = positional[2];
  args.unknown.push(...positional.slice(two ? 3 : 2));
  return args;
}
