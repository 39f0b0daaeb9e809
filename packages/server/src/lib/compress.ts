// Compression of the large staff answers (comment lists, groups, audit logs, feedback versions,
// exports): made per request, so brotli runs at a quality that costs little CPU. The public
// feedback route is not compressed here: it sends snapshots compressed once per version.

import { pipeline, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, createBrotliCompress, createGzip, gzip, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** br, then gzip, when the client accepts them (Accept-Encoding, q=0 refuses); else identity. */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (coding) q.set(coding, Number.isNaN(value) ? 0 : value);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** Adds a header name to `Vary`, keeping what is there (CORS has put `Origin`). */
export function addVary(reply: FastifyReply, name: string): void {
  const vary = reply.getHeader('vary');
  const names = vary ? String(vary).split(/\s*,\s*/) : [];
  if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) {
    reply.header('vary', [...names, name].join(', '));
  }
}

/**
 * An onSend hook for a route: a successful answer of 1 KB or more is compressed with br or gzip
 * when the client accepts it (in the thread pool, so the event loop is not held up).
 */
export async function compressLarge(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (reply.statusCode !== 200 || reply.hasHeader('content-encoding')) return payload;
  const raw = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (raw.length < COMPRESS_MIN_BYTES) return payload;
  addVary(reply, 'Accept-Encoding');
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === 'identity') return payload;
  // Brotli 5 and gzip 6: most of the saving for a small share of the highest levels' time.
  const bytes =
    encoding === 'br'
      ? await brotli(raw, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 5,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : await gzipped(raw, { level: 6 });
  reply.header('content-encoding', encoding).removeHeader('content-length');
  return bytes;
}

/**
 * A streamed answer (an export), compressed as it goes with br or gzip when the client accepts
 * them: memory stays constant. A failure part-way ends the stream, so the client sees a cut answer.
 */
export function compressStream(request: FastifyRequest, reply: FastifyReply, stream: Readable): Readable {
  addVary(reply, 'Accept-Encoding');
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === 'identity') return stream;
  reply.header('content-encoding', encoding);
  const z =
    encoding === 'br'
      ? createBrotliCompress({
          params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
        })
      : createGzip({ level: 6 });
  return pipeline(stream, z, (error) => {
    if (error) request.log.warn({ err: { message: error.message } }, 'export cut short');
  });
}
