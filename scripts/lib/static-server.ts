// A small static server for the demo and the e2e pages: mounts folders under URL prefixes,
// adds per-path headers (CSP), and forwards API paths to the consultation server.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|m?js|json|css|svg|map)$/;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface StaticOptions {
  /** URL prefix → folder; the longest matching prefix wins. */
  mounts: Record<string, string>;
  headersFor?: (path: string) => Record<string, string>;
  /** Requests under these prefixes go to this origin (e.g. `/api/` → http://127.0.0.1:8787). */
  proxy?: { prefixes: string[]; target: string };
  /** Rewrites an HTML page before it is sent (e.g. to include shared markup). */
  transformHtml?: (path: string, html: string) => string;
  port?: number;
  host?: string;
  /** Gzip text responses for clients that accept it, as a production static server does. */
  gzip?: boolean;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(options: StaticOptions): Promise<StaticServer> {
  const mounts = Object.entries(options.mounts).sort(([a], [b]) => b.length - a.length);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const proxy = options.proxy;
    if (proxy?.prefixes.some((p) => url.pathname.startsWith(p))) {
      // As nginx's $proxy_add_x_forwarded_for: the peer is appended, so the server (started with
      // --trust-proxy 127.0.0.1) limits each citizen, not the proxy, and what a client wrote
      // itself stays to the left, where it is not believed.
      const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      const upstream = httpRequest(
        new URL(url.pathname + url.search, proxy.target),
        { method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () =>
        res.writeHead(502, { 'content-type': 'text/plain' }).end('consultation server unavailable'),
      );
      req.pipe(upstream);
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const file = mount ? join(mount[1], path.slice(mount[0].length)) : '';
    if (!mount || !file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const gzipped = options.gzip && /gzip/.test(String(req.headers['accept-encoding'])) && COMPRESSIBLE.test(file);
    res.writeHead(200, {
      ...(gzipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...options.headersFor?.(path),
    });
    if (options.transformHtml && extname(file) === '.html') {
      res.end(options.transformHtml(path, readFileSync(file, 'utf8')));
      return;
    }
    if (gzipped) {
      res.end(gzipSync(readFileSync(file), { level: 9 }));
      return;
    }
    createReadStream(file).pipe(res);
  });
  // A port in use rejects (EADDRINUSE) rather than throwing from an 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
