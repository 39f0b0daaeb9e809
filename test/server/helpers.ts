// Builds an app on a fresh database with a staff token per role and an open consultation.

import type { FeedbackPreview, PublicationBlocking } from '@gongkai/format';
import { type AppOptions, buildApp, createToken, type Database } from '@gongkai/server';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export type Role = 'admin' | 'editor' | 'reviewer' | 'checker' | 'signer';

export interface Ctx {
  db: Database;
  app: FastifyInstance;
  tokens: Record<Role, string>;
  /** inject with the admin token unless `as` says otherwise. */
  staff: (opts: InjectOptions, as?: Role) => Promise<LightMyRequestResponse>;
  comment: (
    consultation: string,
    body: Record<string, unknown>,
    key?: string,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

const DAY = 86_400_000;
export const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

let keys = 0;
export const key = () => `test-key-${process.pid}-${++keys}`;

export async function setup(fresh: () => Promise<Database>, options: AppOptions = {}): Promise<Ctx> {
  const db = await fresh();
  // Jobs (grouping) look for work often, so tests need not wait long for them. A publication
  // waits for its run long enough that a loaded CI machine still answers 201 (its 202 is tested).
  const app = await buildApp(db, {
    jobs: { pollMs: 100 },
    grouping: { minGapMs: 0 },
    runWaitMs: 30_000,
    ...options,
  });
  await app.ready();
  const tokens = {
    admin: (await createToken(db, 'admin')).token,
    editor: (await createToken(db, 'editor')).token,
    reviewer: (await createToken(db, 'reviewer')).token,
    checker: (await createToken(db, 'checker')).token,
    signer: (await createToken(db, 'signer')).token,
  };
  return {
    db,
    app,
    tokens,
    staff: (opts, as = 'admin') =>
      app.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${tokens[as]}` } }),
    comment: (consultation, body, k = key(), headers = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${consultation}/comments`,
        headers: { 'idempotency-key': k, ...headers },
        payload: body,
      }),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** The groups once every comment has been grouped by the background job (polled, as a console would). */
export async function settledGroups(ctx: Ctx, id: string, as: Role = 'reviewer') {
  for (let i = 0; i < 600; i++) {
    const answer = (await ctx.staff({ url: `/api/v1/consultations/${id}/groups` }, as)).json();
    if (!answer.pending) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('grouping did not finish within 30 s');
}

/** Creates a consultation through the API; open now for 30 days unless told otherwise. */
export async function consultation(ctx: Ctx, fields: Record<string, unknown> = {}) {
  const id = (fields.id as string) ?? `c-${++keys}`;
  const res = await ctx.staff({
    method: 'POST',
    url: '/api/v1/consultations',
    payload: { id, title: '关于征求《示例办法（征求意见稿）》意见的公告', opens: iso(-1), closes: iso(30), ...fields },
  });
  if (res.statusCode !== 201) throw new Error(`consultation: ${res.statusCode} ${res.body}`);
  return id;
}

/**
 * 审核 then 签发 of every decided comment of a consultation, as a checker and a signer would
 * (publication is refused until every decision is signed off). Returns how many were signed off.
 */
export async function signOffAll(ctx: Ctx, id: string, { waitForGroups = true } = {}): Promise<number> {
  // The job runner works one job at a time: grouping the comments first, as staff would see the
  // groups before signing off, so that a publication asked for next is not queued behind it
  // (the tests of a publication answered within its request rely on that).
  if (waitForGroups) await settledGroups(ctx, id, 'admin');
  for (const [step, as] of [
    ['check', 'checker'],
    ['sign', 'signer'],
  ] as const) {
    for (const stage of step === 'check' ? ['draft'] : ['checked']) {
      const res = await ctx.staff(
        { method: 'POST', url: `/api/v1/consultations/${id}/signoff`, payload: { step, filter: { stage } } },
        as,
      );
      if (res.statusCode !== 200) throw new Error(`sign-off ${step}: ${res.statusCode} ${res.body}`);
      if (step === 'sign') return res.json().updated;
    }
  }
  return 0;
}

/** The answer of a publication: the feedback (201), or the error with what blocks it (409). */
export interface Published {
  error?: string;
  zh?: string;
  total?: number;
  blocking?: PublicationBlocking;
  [field: string]: unknown;
}

/**
 * Publishes as a console would: `POST …/feedback`, and when the server answers 202 (a busy
 * machine), follows the run to its end. The status and body are those the request would have had.
 */
export async function publishAndWait(
  ctx: Ctx,
  id: string,
  as: Role = 'admin',
): Promise<{ status: number; body: Published }> {
  return followRun(ctx, await ctx.staff({ method: 'POST', url: `/api/v1/consultations/${id}/feedback` }, as), as);
}

/** The feedback preview as a console gets it: at once, or (202 on a busy machine) by following its run. */
export async function previewAndWait(ctx: Ctx, id: string, as: Role = 'admin') {
  const { status, body } = await followRun(
    ctx,
    await ctx.staff({ url: `/api/v1/consultations/${id}/feedback/preview` }, as),
    as,
    200,
  );
  if (status !== 200) throw new Error(`preview: ${status} ${JSON.stringify(body)}`);
  return body as unknown as FeedbackPreview;
}

/** A run's answer (publication or preview): the request's own, or its run followed to the end. */
async function followRun(
  ctx: Ctx,
  res: LightMyRequestResponse,
  as: Role,
  done = 201,
): Promise<{ status: number; body: Published }> {
  if (res.statusCode !== 202) return { status: res.statusCode, body: res.json() };
  for (let i = 0; i < 1200; i++) {
    const run = (await ctx.staff({ url: String(res.headers.location) }, as)).json();
    if (run.state === 'done') return { status: done, body: run.result };
    if (run.state === 'failed') return { status: run.error.status, body: run.error };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the run did not finish within a minute');
}
