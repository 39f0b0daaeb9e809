// Deep links: the consultation and the comment open are kept in the page's hash
// (`#consultation=ID&comment=N`), so a link opens them, the back button works, and the routing of
// the page around the console (its path, its query, its own hash parts) is left as it was.

export interface Route {
  /** '' for the list of consultations. */
  consultation: string;
  comment: number | null;
}

const KEYS = new Set(['consultation', 'comment']);

const parts = (hash: string) => hash.replace(/^#/, '').split('&').filter(Boolean);
const keyOf = (part: string) => decodeURIComponent(part.split('=')[0] ?? '');

export function readRoute(hash: string = location.hash): Route {
  const route: Route = { consultation: '', comment: null };
  for (const part of parts(hash)) {
    const [key = '', value = ''] = part.split('=');
    let v = '';
    try {
      v = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      continue;
    }
    if (key === 'consultation') route.consultation = v;
    if (key === 'comment' && /^[1-9]\d{0,9}$/.test(v)) route.comment = Number(v);
  }
  return route;
}

export const sameRoute = (a: Route, b: Route) => a.consultation === b.consultation && a.comment === b.comment;

/** The hash for `route`, keeping whatever else the page keeps there. */
export function hashFor(route: Route, hash: string = location.hash): string {
  const kept = parts(hash).filter((p) => !KEYS.has(keyOf(p)));
  const ours = [
    route.consultation ? `consultation=${encodeURIComponent(route.consultation)}` : '',
    route.consultation && route.comment !== null ? `comment=${route.comment}` : '',
  ].filter(Boolean);
  const all = [...kept, ...ours];
  return all.length ? `#${all.join('&')}` : '';
}

/** Writes `route` in the address: a new history entry (`push`), or in place of the current one. */
export function writeRoute(route: Route, mode: 'push' | 'replace'): void {
  const url = `${location.pathname}${location.search}${hashFor(route)}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}
