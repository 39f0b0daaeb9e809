// The staff token for saving. gk-review keeps its session in sessionStorage (never the URL,
// never localStorage) under `gongkai:review:session:<endpoint>` as `{ token, role }` — see
// review/session.ts, whose key and format these follow, so signing in to one signs in to the
// other in the same tab.
const sessionKey = (endpoint: string) => `gongkai:review:session:${endpoint}`;

/** `gks_<12 hex>_<43 base64url>`, as in review/session.ts. */
export const TOKEN_FORMAT = /^gks_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

export function readToken(endpoint: string): string | null {
  try {
    const raw = sessionStorage.getItem(sessionKey(endpoint));
    const value = raw ? (JSON.parse(raw) as { token?: unknown }) : null;
    return typeof value?.token === 'string' && TOKEN_FORMAT.test(value.token) ? value.token : null;
  } catch {
    return null; // storage disabled, or not ours
  }
}

/** Keeps a token for this tab; a role gk-review learnt is kept. */
export function storeToken(endpoint: string, token: string): void {
  try {
    const raw = sessionStorage.getItem(sessionKey(endpoint));
    const old = raw ? (JSON.parse(raw) as { token?: unknown; role?: unknown }) : null;
    const role = old?.token === token ? (old.role ?? null) : null;
    sessionStorage.setItem(sessionKey(endpoint), JSON.stringify({ token, role }));
  } catch {
    // Storage disabled: the token lasts as long as the page.
  }
}

/** After a 401: the token is not valid any more (gk-review does the same). */
export function forgetToken(endpoint: string): void {
  try {
    sessionStorage.removeItem(sessionKey(endpoint));
  } catch {
    // nothing was kept
  }
}
