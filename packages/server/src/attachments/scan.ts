// The virus-scanner hook. With `--clamd` (or GK_CLAMDSCAN) naming the clamdscan program, each
// upload is streamed to `clamdscan --no-summary --stream -` (the file on its standard input, so it
// works for any FileStore); exit 0 is clean, 1 infected, anything else an error, after which the
// file stays `pending` and the attachments job tries again. Any program that takes the same
// arguments and answers with the same exit codes will do (a wrapper around another scanner).
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface ScanResult {
  clean: boolean;
  /** What the scanner said (the signature found). */
  detail: string;
}

export interface Scanner {
  /** Resolves with the verdict; rejects when the scanner could not decide (not running, timed out). */
  scan(data: Readable): Promise<ScanResult>;
}

export class ScannerMissingError extends Error {}

const run = (command: string, args: string[], input: Readable | null, timeoutMs: number) =>
  new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(command, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      if (out.length < 4000) out += d.toString('utf8');
    });
    child.stderr!.on('data', (d: Buffer) => {
      if (out.length < 4000) out += d.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      input?.destroy();
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.trim() });
    });
    if (input) {
      // The scanner may stop reading once it has decided: that is not an error.
      child.stdin!.on('error', () => {});
      input.on('error', () => child.kill('SIGKILL'));
      input.pipe(child.stdin!);
    }
  });

export class ClamdScanner implements Scanner {
  constructor(
    readonly command: string,
    private readonly timeoutMs = 120_000,
  ) {}

  /** Start-up check: the program runs (`--version`); a missing scanner stops the server. */
  async check(): Promise<string> {
    try {
      const { code, out } = await run(this.command, ['--version'], null, 15_000);
      if (code !== 0)
        throw new ScannerMissingError(`virus scanner "${this.command} --version" failed (exit ${code}): ${out}`);
      return out.split('\n')[0] ?? '';
    } catch (error) {
      if (error instanceof ScannerMissingError) throw error;
      throw new ScannerMissingError(`virus scanner "${this.command}" cannot be run: ${(error as Error).message}`);
    }
  }

  async scan(data: Readable): Promise<ScanResult> {
    const { code, out } = await run(this.command, ['--no-summary', '--stream', '-'], data, this.timeoutMs);
    if (code === 0) return { clean: true, detail: '' };
    if (code === 1) return { clean: false, detail: out.replace(/^stdin:\s*/, '').slice(0, 500) };
    throw new Error(`virus scanner exit ${code}: ${out.slice(0, 200)}`);
  }
}
