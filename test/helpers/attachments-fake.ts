// Stand-ins for the attachment endpoints (issue 21), in front of the consultation and staff
// stand-ins: the citizen's upload (tokens out, failures on demand) and a comment's files for staff.
import type { Failure } from './consultation-fake.js';
import { CONSULTATION_ID, ENDPOINT } from './consultation-fake.js';
import { REVIEW_ENDPOINT } from './review-fake-api.js';

export const UPLOAD_PATH = `${ENDPOINT}/consultations/${CONSULTATION_ID}/attachments`;

export interface UploadFake {
  /** Every upload request: the name asked for and the bytes' size. */
  calls: { name: string; size: number }[];
  /** Tokens given out, by upload. */
  tokens: string[];
  /** Failures for successive uploads (then 201). */
  failures: Failure[];
  restore(): void;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers POST …/attachments in front of whatever fetch is installed now. */
export function fakeUploads(): UploadFake {
  const inner = window.fetch;
  const fake: UploadFake = { calls: [], tokens: [], failures: [], restore: () => (window.fetch = inner) };
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    if (url.pathname !== UPLOAD_PATH) return inner(input, init);
    const body = init.body as Blob;
    fake.calls.push({ name: url.searchParams.get('name') ?? '', size: body.size });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const failure = fake.failures.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure) return json(failure.status, failure.body ?? {});
    const token = `tok-${fake.calls.length}-abcdefghijklmnop`;
    fake.tokens.push(token);
    return json(201, { token, name: 'x', type: 'application/pdf', size: body.size, scan: 'clean' });
  };
  return fake;
}

export interface StaffFile {
  id: number;
  name: string;
  type: string;
  size: number;
  scan: 'pending' | 'clean' | 'infected' | 'unscanned';
  published: boolean;
}

/** Files of comment 1 of the staff stand-in: a clean PDF, a photo awaiting the scan, malware. */
export const STAFF_FILES: StaffFile[] = [
  { id: 11, name: '补充材料.pdf', type: 'application/pdf', size: 1_258_291, scan: 'clean', published: false },
  { id: 12, name: '现场照片.png', type: 'image/png', size: 307_200, scan: 'pending', published: false },
  { id: 13, name: 'eicar.pdf', type: 'application/pdf', size: 68, scan: 'infected', published: false },
];

export interface StaffCall {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

/** Answers …/comments/1/attachments and …/attachments/:id for staff, in front of the staff stand-in. */
export function fakeStaffAttachments(
  files: StaffFile[] = STAFF_FILES,
  mayPublish = true,
): { calls: StaffCall[]; restore(): void } {
  const inner = window.fetch;
  const calls: StaffCall[] = [];
  const items = files.map((f) => ({ ...f }));
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    const path = url.pathname.slice(REVIEW_ENDPOINT.length);
    const method = init.method ?? 'GET';
    const mine = path === '/comments/1/attachments' || /^\/attachments\/\d+$/.test(path);
    if (!url.pathname.startsWith(REVIEW_ENDPOINT) || !mine) return inner(input, init);
    const auth = new Headers(init.headers).get('authorization');
    calls.push({ method, path, auth, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    if (path === '/comments/1/attachments') return json(200, { items });
    const item = items.find((f) => path === `/attachments/${f.id}`);
    if (!item) return json(404, { error: 'not-found', message: 'no attachment' });
    if (method === 'PATCH') {
      if (!mayPublish) return json(403, { error: 'forbidden', message: 'needs publish' });
      item.published = (JSON.parse(String(init.body)) as { published: boolean }).published;
      return json(200, item);
    }
    return new Response(new Blob(['%PDF-1.4']), {
      status: 200,
      headers: { 'content-type': item.type, 'content-disposition': 'attachment' },
    });
  };
  return { calls, restore: () => (window.fetch = inner) };
}
