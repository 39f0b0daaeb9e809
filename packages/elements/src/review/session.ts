// The staff member's session: the bearer token (kept in sessionStorage only: it dies with the tab,
// never reaches the URL or localStorage), the role, and every call to the staff API with it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, type ApiRequest, apiUrl, requestApi } from '../internal/api.js';
import { STAFF_ROLES, type StaffRole } from './staff-api.js';

/** What a role may do beyond reading and exporting (packages/server/src/routes/staff.ts). */
export type Capability = 'moderate' | 'publish';

/** `gks_<12 hex>_<43 base64url>`: checked before sending, so a pasting slip is named at once. */
export const TOKEN_FORMAT = /^gks_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

/** No comment has this id and no consultation this one: the probes change nothing. */
const PROBE_COMMENT = Number.MAX_SAFE_INTEGER;
const PROBE_CONSULTATION = 'gk-review-role-probe';

export type SignInProblem = 'format' | 'invalid' | ApiError;
export type SessionNotice = 'expired' | 'signed-out' | null;

const storageKey = (endpoint: string) => `gongkai:review:session:${endpoint}`;

function readStored(endpoint: string): { token: string; role: StaffRole | null } | null {
  try {
    const raw = sessionStorage.getItem(storageKey(endpoint));
    const value = raw ? (JSON.parse(raw) as { token?: unknown; role?: unknown }) : null;
    if (!value || typeof value.token !== 'string' || !TOKEN_FORMAT.test(value.token)) return null;
    const role = STAFF_ROLES.find((r) => r === value.role) ?? null;
    return { token: value.token, role };
  } catch {
    return null; // storage disabled, or not ours
  }
}

/** The role the server names in a 403 ("the reviewer role may not do this …"). */
function roleIn403(error: ApiError): StaffRole | null {
  const match = /\bthe (\w+) role\b/.exec(error.body.message ?? '');
  return STAFF_ROLES.find((r) => r === match?.[1]) ?? null;
}

export class StaffSession implements ReactiveController {
  /** Null while signed out. */
  role: StaffRole | null = null;
  signedIn = false;
  busy = false;
  problem: SignInProblem | null = null;
  notice: SessionNotice = null;
  /** What the server allowed or refused this session, when it said. */
  private readonly learnt = new Map<Capability, boolean>();
  private token = '';
  private restoredFor: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly endpoint: () => string,
    /** Called when a call answers 401: the element goes back to the sign-in form. */
    private readonly onExpired: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.restore();
  }

  /** Takes up the session kept for this endpoint in this tab, if any. */
  restore(): void {
    const endpoint = this.endpoint();
    if (this.restoredFor === endpoint) return;
    this.restoredFor = endpoint;
    const stored = endpoint ? readStored(endpoint) : null;
    this.token = stored?.token ?? '';
    this.role = stored?.role ?? null;
    this.signedIn = Boolean(stored);
    this.learnt.clear();
    this.host.requestUpdate();
  }

  /** Checks the token with the server and learns the role; keeps it for this tab if valid. */
  async signIn(input: string): Promise<boolean> {
    const token = input.trim();
    this.notice = null;
    if (!TOKEN_FORMAT.test(token)) {
      this.problem = 'format';
      this.host.requestUpdate();
      return false;
    }
    this.busy = true;
    this.problem = null;
    this.host.requestUpdate();
    try {
      const role = await this.probeRole(token);
      this.token = token;
      this.role = role;
      this.signedIn = true;
      this.learnt.clear();
      this.store();
      return true;
    } catch (error) {
      this.problem = error instanceof ApiError && error.status === 401 ? 'invalid' : toApiError(error, '');
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  signOut(notice: SessionNotice = 'signed-out'): void {
    this.token = '';
    this.role = null;
    this.signedIn = false;
    this.problem = null;
    this.notice = notice;
    this.learnt.clear();
    try {
      sessionStorage.removeItem(storageKey(this.endpoint()));
    } catch {
      // nothing was kept
    }
    this.host.requestUpdate();
  }

  /** May this session do `capability`? Unknown roles may try: the server decides, and says why. */
  can(capability: Capability): boolean {
    const learnt = this.learnt.get(capability);
    if (learnt !== undefined) return learnt;
    switch (this.role) {
      case 'admin':
      case null:
        return true;
      case 'reviewer':
        return capability === 'moderate';
      case 'editor':
        return capability === 'publish';
    }
  }

  /** A staff call with the bearer token. 401 ends the session; 403 is remembered. */
  async call<T>(path: string, request: ApiRequest = {}, capability?: Capability): Promise<T> {
    const token = this.token;
    try {
      const answer = await requestApi<T>(apiUrl(this.endpoint(), path), {
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${token}` },
      });
      if (capability) this.learn(capability, true);
      return answer;
    } catch (error) {
      this.onFailure(error, token, capability);
      throw error;
    }
  }

  /** A file the server sends only with the token (CSV, report): fetched, then offered as a blob. */
  async download(path: string): Promise<Blob> {
    const token = this.token;
    const url = apiUrl(this.endpoint(), path);
    try {
      let response: Response;
      try {
        response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, credentials: 'omit' });
      } catch {
        throw new ApiError('network', url);
      }
      if (!response.ok) {
        let body = {};
        try {
          body = (await response.json()) as object;
        } catch {
          // not JSON: the status says enough
        }
        const kind = response.status >= 500 ? 'server' : response.status === 429 ? 'rate-limited' : 'refused';
        throw new ApiError(kind, url, response.status, body);
      }
      return await response.blob();
    } catch (error) {
      this.onFailure(error, token);
      throw error;
    }
  }

  private onFailure(error: unknown, token: string, capability?: Capability): void {
    if (!(error instanceof ApiError)) return;
    // A 401 for a token already replaced (signed out and in again meanwhile) changes nothing.
    if (error.status === 401 && token === this.token && this.signedIn) {
      this.signOut('expired');
      this.onExpired();
    }
    if (error.status === 403) {
      this.role ??= roleIn403(error);
      if (capability) this.learn(capability, false);
      this.store();
      this.host.requestUpdate();
    }
  }

  private learn(capability: Capability, allowed: boolean): void {
    if (this.learnt.get(capability) === allowed) return;
    this.learnt.set(capability, allowed);
    this.host.requestUpdate();
  }

  private store(): void {
    if (!this.signedIn) return;
    try {
      sessionStorage.setItem(storageKey(this.endpoint()), JSON.stringify({ token: this.token, role: this.role }));
    } catch {
      // Storage disabled: the session lasts as long as the element.
    }
  }

  /**
   * Checks the token and finds the role with two calls that change nothing: each needs a role
   * (reviewers and admins moderate; editors and admins publish) and names what does not exist,
   * so the server answers 404 where the role may act, 403 where it may not, and 401 for a bad
   * token. (The server has no "who am I" endpoint; when it gets one, ask it instead.)
   */
  private async probeRole(token: string): Promise<StaffRole | null> {
    const attempt = async (path: string, request: ApiRequest): Promise<boolean | StaffRole | null> => {
      try {
        await requestApi(apiUrl(this.endpoint(), path), {
          ...request,
          headers: { authorization: `Bearer ${token}` },
        });
        return null;
      } catch (error) {
        if (!(error instanceof ApiError) || error.status === 401 || error.kind === 'network') throw error;
        if (error.status === 404) return true;
        if (error.status === 403) return roleIn403(error) ?? false;
        return null; // an answer that says nothing about the role
      }
    };
    const [moderate, publish] = await Promise.all([
      attempt(`/comments/${PROBE_COMMENT}`, { method: 'PATCH', body: { moderation: 'approved' } }),
      attempt(`/consultations/${PROBE_CONSULTATION}/feedback`, { method: 'POST' }),
    ]);
    if (typeof moderate === 'string') return moderate;
    if (typeof publish === 'string') return publish;
    if (moderate === true && publish === true) return 'admin';
    if (moderate === true && publish === false) return 'reviewer';
    if (moderate === false && publish === true) return 'editor';
    return null;
  }
}

export function toApiError(error: unknown, url: string): ApiError {
  return error instanceof ApiError ? error : new ApiError('network', url);
}
