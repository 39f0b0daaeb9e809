// Staff tokens over the API (admin): list, create and revoke while the server runs. A revoked
// token fails on its next request on every instance, since each request reads the token's row.
import type { StaffPermission } from '@gongkai/format';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { audit } from '../lib/audit.js';
import { createToken, listTokens, type Role, revokeToken, type TokenRow } from '../lib/auth.js';
import { HttpError } from '../lib/errors.js';
import { staffAccess } from '../lib/http.js';
import * as S from '../schemas.js';

const view = (t: TokenRow) => ({
  id: t.id,
  role: t.role,
  label: t.label,
  created: new Date(t.created_at).toISOString(),
  expires: new Date(t.expires_at).toISOString(),
  lastUsed: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
  revoked: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
  consultations: t.consultations,
  grants: t.grants ?? [],
  createdBy: t.created_by,
});

interface TokenInput {
  role: Role;
  label?: string;
  expires?: string;
  consultations?: string[];
  grants?: StaffPermission[];
}

export function tokenRoutes(
  app: FastifyInstance,
  db: Database,
  o: { tags: string[]; security: { bearer: string[] }[]; actor: (r: FastifyRequest) => string },
): void {
  const admin = staffAccess(db, { any: ['tokens'] });
  const schema = (summary: string, extra: object) => ({
    schema: { tags: o.tags, security: o.security, summary, ...extra },
  });

  app.get(
    '/api/v1/staff/tokens',
    {
      ...schema('Every staff token: role, expiry, last use, revocation (never the secret)', {
        response: { 200: S.TokenList, ...S.errors(401, 403) },
      }),
      ...admin,
    },
    async () => ({ items: (await listTokens(db)).map(view) }),
  );

  app.post<{ Body: TokenInput }>(
    '/api/v1/staff/tokens',
    {
      ...schema('Create a token; its secret is in this answer only', {
        body: S.TokenCreate,
        response: { 201: S.TokenCreated, ...S.errors(400, 401, 403) },
      }),
      ...admin,
    },
    async (request, reply) => {
      const b = request.body;
      const expires = b.expires ? new Date(b.expires) : undefined;
      if (expires && !(expires.getTime() > Date.now())) {
        throw new HttpError(400, 'invalid', 'expires must be in the future', {
          problems: [{ path: '$.expires', message: 'must be in the future' }],
        });
      }
      const created = await db.transaction(async (tx) => {
        const made = await createToken(tx, b.role, {
          label: b.label,
          expires,
          consultations: b.consultations,
          grants: b.grants,
          createdBy: o.actor(request),
        });
        await audit(tx, {
          actor: o.actor(request),
          action: 'token.create',
          after: {
            id: made.id,
            role: b.role,
            label: b.label ?? null,
            expires: made.expires,
            consultations: b.consultations ?? null,
            grants: b.grants ?? [],
          },
        });
        return made;
      });
      return reply
        .code(201)
        .send({ id: created.id, token: created.token, role: b.role, expires: created.expires.toISOString() });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/staff/tokens/:id',
    {
      ...schema('Revoke a token, at once on every instance (the id is the <id> in gks_<id>_…)', {
        params: S.TokenIdParams,
        response: { 204: { type: 'null', description: 'Revoked.' }, ...S.errors(401, 403, 404) },
      }),
      ...admin,
    },
    async (request, reply) => {
      const revoked = await db.transaction(async (tx) => {
        if (!(await revokeToken(tx, request.params.id))) return false;
        await audit(tx, { actor: o.actor(request), action: 'token.revoke', after: { id: request.params.id } });
        return true;
      });
      if (!revoked) throw new HttpError(404, 'not-found', `no active token ${request.params.id}`);
      return reply.code(204).send();
    },
  );
}
