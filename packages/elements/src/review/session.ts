// The staff member's session: the bearer token (kept in sessionStorage only: it dies with the tab,
// never reaches the URL or localStorage), and who the server says the token is (`GET /staff/me`:
// the role, the label and what it may do), and every call to the staff API with it.
import {
  type PublicationRun,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
  type StaffMe,
  type StaffPermission,
  type StaffRole,
} from '@gongkai/format';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, type ApiRequest, apiUrl, requestApi } from '../internal/api.js';

/** What a staff member may do beyond reading (the server's permissions, from `GET /staff/me`). */
export type Capability = StaffPermission;

/** `gks_<12 hex>_<43 base64url>`: checked before sending, so a pasting slip is named at once. */
export const TOKEN_FORMAT = /^gks_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

export type SignInProblem = 'format' | 'invalid' | ApiError;
export type SessionNotice = 'expired' | 'signed-out' | null;

const storageKey = (endpoint: string) => `gongkai:review:session:${endpoint}`;

type Permissions = Record<StaffPermission, boolean>;

interface Stored {
  token: string;
  role: StaffRole | null;
  label: string | null;
  permissions: Permissions | null;
}

const isPermissions = (value: unknown): value is Permissions =>
  !!value &&
  typeof value === 'object' &&
  STAFF_PERMISSIONS.every((p) => typeof (value as Record<string, unknown>)[p] === 'boolean');

function readStored(endpoint: string): Stored | null {
  try {
    const raw = sessionStorage.getItem(storageKey(endpoint));
    const value = raw ? (JSON.parse(raw) as Partial<Record<keyof Stored, unknown>>) : null;
    if (!value || typeof value.token !== 'string' || !TOKEN_FORMAT.test(value.token)) return null;
    return {
      token: value.token,
      role: STAFF_ROLES.find((r) => r === value.role) ?? null,
      label: typeof value.label === 'string' ? value.label : null,
      permissions: isPermissions(value.permissions) ? value.permissions : null,
    };
  } catch {
    return null; // storage disabled, or not ours
  }
}

export class StaffSession implements ReactiveController {
  /** Null while signed out, and until the server has said. */
  role: StaffRole | null = null;
  /** What the token was made for (`token create --label`), if the server says. */
  label: string | null = null;
  signedIn = false;
  busy = false;
  problem: SignInProblem | null = null;
  notice: SessionNotice = null;
  /** What the server says this token may do; null until it has answered. */
  private permissions: Permissions | null = null;
  /** What the server refused this session (403), whatever it said before. */
  private readonly refused = new Set<Capability>();
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

  /** Takes up the session kept for this endpoint in this tab, if any, and asks who it is. */
  restore(): void {
    const endpoint = this.endpoint();
    if (this.restoredFor === endpoint) return;
    this.restoredFor = endpoint;
    const stored = endpoint ? readStored(endpoint) : null;
    this.token = stored?.token ?? '';
    this.role = stored?.role ?? null;
    this.label = stored?.label ?? null;
    this.permissions = stored?.permissions ?? null;
    this.signedIn = Boolean(stored);
    this.refused.clear();
    this.host.requestUpdate();
    if (stored) void this.refresh();
  }

  /** Asks the server again who the token is (a 401 ends the session, as for any call). */
  async refresh(): Promise<void> {
    const token = this.token;
    try {
      const me = await this.call<StaffMe>('/staff/me');
      // Not if the staff member signed out, or in with another token, meanwhile.
      if (this.signedIn && token === this.token) this.take(me);
    } catch {
      // 401 signed out already; otherwise what was kept stands, and the server still decides.
    }
  }

  /** Checks the token with the server and learns who it is; keeps it for this tab if valid. */
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
      const me = await requestApi<StaffMe>(apiUrl(this.endpoint(), '/staff/me'), {
        headers: { authorization: `Bearer ${token}` },
      });
      this.token = token;
      this.signedIn = true;
      this.refused.clear();
      this.take(me);
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
    this.label = null;
    this.permissions = null;
    this.signedIn = false;
    this.problem = null;
    this.notice = notice;
    this.refused.clear();
    try {
      sessionStorage.removeItem(storageKey(this.endpoint()));
    } catch {
      // nothing was kept
    }
    this.host.requestUpdate();
  }

  /**
   * May this session do `capability`? As the server says (`GET /staff/me`), unless it refused
   * since. Before it has said, yes: the server decides, and a refusal says why.
   */
  can(capability: Capability): boolean {
    if (this.refused.has(capability)) return false;
    return this.permissions?.[capability] ?? true;
  }

  /** A staff call with the bearer token. 401 ends the session; a 403 for `capability` is remembered. */
  async call<T>(path: string, request: ApiRequest = {}, capability?: Capability): Promise<T> {
    const token = this.token;
    try {
      return await requestApi<T>(apiUrl(this.endpoint(), path), {
        // Staff act on what changed a moment ago: never an answer from the browser's cache.
        cache: 'no-cache',
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${token}` },
      });
    } catch (error) {
      this.onFailure(error, token, capability);
      throw error;
    }
  }

  /**
   * A call the server may answer with a run to follow (202: publishing, the preview): the run is
   * asked after until it finishes, `progress` told of each state on the way; its result is the
   * answer, its error thrown as the request's own would have been.
   */
  async follow<T>(
    path: string,
    request: ApiRequest = {},
    capability?: Capability,
    progress?: (run: PublicationRun) => void,
  ): Promise<T> {
    let answer = await this.call<T | PublicationRun>(path, request, capability);
    for (let wait = 1000; isRun(answer); wait = Math.min(wait + 500, 3000)) {
      const run: PublicationRun = answer;
      if (run.state === 'done') return run.result as T;
      const url = `/consultations/${encodeURIComponent(run.consultation)}/feedback/runs/${run.id}`;
      if (run.state === 'failed') {
        throw new ApiError(
          run.error && run.error.status >= 500 ? 'server' : 'refused',
          url,
          run.error?.status,
          run.error,
        );
      }
      progress?.(run);
      await new Promise((resolve) => setTimeout(resolve, wait));
      answer = await this.call<PublicationRun>(url, {}, capability);
    }
    return answer;
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

  /** A file sent as it is (its bytes the body), answered in JSON: a scan staff attach. */
  async upload<T>(path: string, file: Blob, capability?: Capability): Promise<T> {
    const token = this.token;
    const url = apiUrl(this.endpoint(), path);
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          body: file,
          headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
          credentials: 'omit',
        });
      } catch {
        throw new ApiError('network', url);
      }
      const body = (await response.json().catch(() => ({}))) as object;
      if (response.ok) return body as T;
      const kind = response.status >= 500 ? 'server' : response.status === 429 ? 'rate-limited' : 'refused';
      throw new ApiError(kind, url, response.status, body);
    } catch (error) {
      this.onFailure(error, token, capability);
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
    if (error.status === 403 && capability && !this.refused.has(capability)) {
      this.refused.add(capability);
      this.host.requestUpdate();
    }
  }

  private take(me: StaffMe): void {
    this.role = me.role;
    this.label = me.label;
    this.permissions = me.permissions;
    this.store();
    this.host.requestUpdate();
  }

  private store(): void {
    if (!this.signedIn) return;
    const kept: Stored = { token: this.token, role: this.role, label: this.label, permissions: this.permissions };
    try {
      sessionStorage.setItem(storageKey(this.endpoint()), JSON.stringify(kept));
    } catch {
      // Storage disabled: the session lasts as long as the element.
    }
  }
}

export function toApiError(error: unknown, url: string): ApiError {
  return error instanceof ApiError ? error : new ApiError('network', url);
}

function isRun(answer: unknown): answer is PublicationRun {
  const a = answer as PublicationRun | null;
  return !!a && typeof a === 'object' && typeof a.id === 'number' && typeof a.state === 'string' && 'requestedAt' in a;
}
