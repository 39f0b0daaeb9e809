/** The files an entry needs before it runs: its own file first, then every chunk it imports statically. */
export function staticGraph(manifest: Record<string, { file: string; imports?: string[] }>, entry: string): string[];
