// Cross-cutting HTTP behaviour: CORS for configured origins, staff authentication, error answers.

import type { StaffPermission } from '@gongkai/format';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onResponseAsyncHookHandler } from 'fastify';
import type { Database } from '../db/database.js';
import { type Role, type Staff, verifyToken } from './auth.js';
import { HttpError, isDatabaseLost } from './errors.js';
import { can, rolesWithAll, rolesWithAny } from './permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: Staff;
  }
}

const ALLOW_HEADERS = 'content-type, idempotency-key, authorization, if-none-match';
const EXPOSE_HEADERS = 'retry-after, etag, idempotent-replayed';

/**
 * Browsers may call the API only from the origins given with --cors-origin and those a
 * consultation lists. Consultation origins are re-read at most every 30 s: a cache, not state,
 * which this instance forgets when it creates or changes a consultation itself.
 */
export function cors(app: FastifyInstance, db: Database, configured: string[]): void {
  let cached: { at: number; origins: Set<string> } | null = null;
  const allowed = async (origin: string) => {
    if (configured.includes(origin) || configured.includes('*')) return true;
    if (!cached || Date.now() - cached.at > 30_000) {
      const { rows } = await db.query<{ o: string }>('SELECT DISTINCT unnest(origins) AS o FROM consultations');
      cached = { at: Date.now(), origins: new Set(rows.map((r) => r.o)) };
    }
    return cached.origins.has(origin);
  };
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!request.url.startsWith('/api/')) return;
    reply.header('vary', 'Origin');
    if (!origin || !(await allowed(origin))) return;
    reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSE_HEADERS);
  });
  // Only on the routes that create or change a consultation: nothing is added to the others.
  const changesOrigins = new Set(['POST /api/v1/consultations', 'PATCH /api/v1/consultations/:id']);
  const forget: onResponseAsyncHookHandler = async (_request, reply) => {
    if (reply.statusCode < 300) cached = null;
  };
  app.addHook('onRoute', (route) => {
    if (!changesOrigins.has(`${route.method} ${route.url}`)) return;
    const hooks = route.onResponse;
    route.onResponse = hooks ? [...(Array.isArray(hooks) ? hooks : [hooks]), forget] : [forget];
  });
  app.options('/api/*', { schema: { hide: true } }, async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !(await allowed(origin))) {
      return reply.code(403).send({ error: 'cors', message: 'this origin may not call the API' });
    }
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
      .header('access-control-allow-headers', ALLOW_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  });
}

export type Scope = 'consultation' | 'own' | 'global';

export interface StaffAccess {
  /** Permissions of which the token needs at least one; none: any staff token. */
  any?: StaffPermission[];
  /** Permissions the request needs, every one, read from its body (checked once it is parsed). */
  needs?: (request: FastifyRequest) => StaffPermission[];
  /**
   * What a token limited to some consultations may reach: `consultation`, the consultation named
   * by the `:id` parameter; `own`, the handler limits what it answers; `global` (the default),
   * nothing (such a route acts beyond any one consultation).
   */
  scope?: Scope;
}

const forbidden = (
  staff: Staff,
  allowed: readonly Role[],
  permissions: readonly StaffPermission[],
  joined: ' and ' | ' or ' = ' and ',
) =>
  new HttpError(
    403,
    'forbidden',
    `the ${staff.role} role may not do this (needs ${permissions.join(joined)}: ${allowed.join(' or ') || 'a grant'})`,
    { needs: permissions, joined: joined.trim() },
  );

/** 403 unless the token may reach consultation `id` (tokens limited to some consultations). */
export function checkScope(staff: Staff, id: string): void {
  if (staff.consultations && !staff.consultations.includes(id)) {
    throw new HttpError(403, 'out-of-scope', `this token is limited to other consultations than ${id}`, {
      zh: '该令牌无权访问此征求意见',
    });
  }
}

/**
 * The hooks of a staff route. The token is checked in `onRequest`, before a byte of the body is
 * read (a request without a valid token gets 401 and its connection closed, whatever it sends),
 * and so are the permissions the route needs whatever the body says, and the token's
 * consultations. Permissions that depend on the body are checked once it is parsed. Every staff
 * answer, errors included, is `Cache-Control: no-store`.
 */
export function staffAccess(db: Database, access: StaffAccess = {}) {
  const scope = access.scope ?? 'global';
  const admit = async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = await verifyToken(db, request.headers.authorization);
    if (!staff) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'a valid staff token is required (Authorization: Bearer …)');
    }
    request.staff = staff;
    if (access.any?.length && !access.any.some((p) => can(staff, p))) {
      throw forbidden(staff, rolesWithAny(access.any), access.any, ' or ');
    }
    if (staff.consultations) {
      if (scope === 'consultation') checkScope(staff, (request.params as { id: string }).id);
      if (scope === 'global') {
        throw new HttpError(403, 'out-of-scope', 'this token is limited to some consultations and may not do this', {
          zh: '该令牌仅限于特定征求意见，无权进行此操作',
        });
      }
    }
  };
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    try {
      await admit(request, reply);
    } catch (error) {
      // A refused request's body is never read: closing the connection after the answer discards
      // it (a valid token without the permission must not make the server drain 200 MB either).
      if (request.headers['content-length'] || request.headers['transfer-encoding'])
        reply.header('connection', 'close');
      throw error;
    }
  };
  const needs = access.needs;
  const preHandler = needs
    ? async (request: FastifyRequest) => {
        const staff = request.staff!;
        const wanted = needs(request);
        if (!wanted.every((p) => can(staff, p))) throw forbidden(staff, rolesWithAll(wanted), wanted);
      }
    : undefined;
  return preHandler ? { onRequest, preHandler } : { onRequest };
}

const pathOf = (context: string | undefined, e: { instancePath: string; params: Record<string, unknown> }) => {
  const parts = e.instancePath.split('/').slice(1);
  if (typeof e.params.missingProperty === 'string') parts.push(e.params.missingProperty);
  if (typeof e.params.additionalProperty === 'string') parts.push(e.params.additionalProperty);
  const base = !context || context === 'body' ? '$' : context;
  return [base, ...parts].join('.');
};

/** Errors become short JSON answers; stack traces and database details never reach the client. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    reply.code(error.statusCode).headers(error.headers);
    return reply.send({ error: error.code, message: error.message, ...error.extra });
  }
  if (error.validation) {
    const problems = error.validation.map((e) => ({
      path: pathOf(error.validationContext, e as never),
      message: e.message ?? 'invalid',
    }));
    const message = problems.map((p) => `${p.path} ${p.message}`).join('; ');
    return reply.code(400).send({ error: 'invalid', message, problems });
  }
  if (isDatabaseLost(error)) {
    request.log.warn({ code: (error as { code?: string }).code }, 'database unavailable');
    return reply.code(503).header('retry-after', '5').send({
      error: 'unavailable',
      message: 'the database is unavailable; try again shortly',
      zh: '服务暂时不可用，请稍后再试',
    });
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    // The message and code only: a driver's `detail` can quote the values that were written.
    request.log.error({ err: { message: error.message, code: error.code } }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'internal error' });
  }
  const code =
    status === 413
      ? 'too-large'
      : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(error.message)
        ? 'malformed-json'
        : 'bad-request';
  return reply.code(status).send({ error: code, message: error.message });
}
