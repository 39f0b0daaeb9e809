// The consultation server in-process, on an embedded database in a folder of the test's own, as
// the e2e tests start, stop and restart it; and a caller of its API for the staff steps.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type Database, migrate, openDatabase } from '@gongkai/server';
import type { FastifyInstance } from 'fastify';

export interface RunningServer {
  db: Database;
  app: FastifyInstance;
  port: number;
  stop(): Promise<void>;
}

/** Starts on `port` (0: any free one); a restart on the same folder and port finds the same data. */
export async function startServer(dataDir: string, port = 0): Promise<RunningServer> {
  const db = await openDatabase({ dataDir });
  await migrate(db);
  // Hundreds of comments come from one address in a few seconds. Grouping (a background job)
  // looks for work often and runs again at once, so tests need not wait for it.
  const app = await buildApp(db, {
    commentLimit: { max: 1000, windowSeconds: 600 },
    jobs: { pollMs: 100 },
    grouping: { minGapMs: 0 },
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    db,
    app,
    port: (app.server.address() as AddressInfo).port,
    stop: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** `api(method, path, body?, auth?)`: the JSON answer, failing the test on any error status. */
export function apiCaller(port: () => number, token: () => string) {
  return async <T = unknown>(method: string, path: string, body?: unknown, auth = true): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${port()}/api/v1${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${token()}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}
