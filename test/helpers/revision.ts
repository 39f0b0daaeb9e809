// The real revision pair of test/fixtures/regulations (北京市优化营商环境条例, 2020 → 2024) as
// bundles, the newer one carrying its comparison as `gongkai build --previous` derives it.
import { type Bundle, compareTexts, segment } from '@gongkai/format';

const FIXTURES = '/test/fixtures/regulations/';
/** The fixture's `# title` and the lines before `<!-- INFO END -->` are the preamble; the rest is the body. */
const bodyOf = (markdown: string) => markdown.replace(/^# .*\n/, '').replace('<!-- INFO END -->', '');
const meta = { title: '北京市优化营商环境条例', issuer: '北京市人民代表大会常务委员会', category: '地方性法规' };

export const PREVIOUS_URL = '/policies/beijing-business-environment-2020.json';

export interface RevisionPair {
  previous: Bundle;
  /** The 2024 text with `clauses`, `revisionOf` and `comparison`. */
  current: Bundle;
  /** The 2024 text's paragraphs, as a CMS article would show them. */
  paragraphs: string[];
}

const cached = new Map<boolean, Promise<RevisionPair>>();

/** Chapters 一 and 二 only: 27 articles (one deleted, three added), few enough for an axe check. */
const firstChapters = (body: string) => body.slice(0, body.search(/^## 第三章/m));

/** The pair in full (83 → 94 articles), or its first two chapters (`excerpt`). */
export function revisionPair(excerpt = false): Promise<RevisionPair> {
  const found = cached.get(excerpt);
  if (found) return found;
  const pair = (async () => {
    const [old, now] = await Promise.all(
      ['beijing-business-environment-2020.md', 'beijing-business-environment-2024.md'].map(async (file) => {
        const body = bodyOf(await (await fetch(FIXTURES + file)).text());
        return excerpt ? firstChapters(body) : body;
      }),
    );
    const previous: Bundle = {
      schemaVersion: 1,
      id: 'beijing-business-environment-2020',
      lang: 'zh-Hans',
      meta: { ...meta, published: '2020-03-27', status: 'amended' },
      body: old!,
      clauses: segment(old!),
    };
    const clauses = segment(now!);
    const current: Bundle = {
      schemaVersion: 1,
      id: 'beijing-business-environment-2024',
      lang: 'zh-Hans',
      meta: { ...meta, published: '2024-11-29', status: 'valid' },
      body: now!,
      clauses,
      revisionOf: { label: '2020年版', date: '2020-03-27', id: previous.id },
      comparison: compareTexts(previous.clauses!, clauses),
    };
    const paragraphs = now!
      .split(/\n\s*\n/)
      .map((p) => p.replace(/^#+\s*/, '').trim())
      .filter(Boolean);
    return { previous, current, paragraphs };
  })();
  cached.set(excerpt, pair);
  return pair;
}

/** Serves `bundle` at PREVIOUS_URL (any other request goes to the network); returns the undo. */
export function servePrevious(bundle: unknown, status = 200): () => void {
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname !== PREVIOUS_URL) return original(input, init);
    return Promise.resolve(
      new Response(JSON.stringify(bundle), { status, headers: { 'content-type': 'application/json' } }),
    );
  };
  return () => {
    window.fetch = original;
  };
}
