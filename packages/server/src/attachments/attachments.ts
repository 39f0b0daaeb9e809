// Files attached to comments: upload first (streamed, checked by content, size capped while it
// streams, scanned), a token back; the comment names its tokens and the files join it, so a file
// can never hold a comment back and a comment is never lost for a file. Private by default: staff
// read them (audited); a file staff publish with the feedback is public under it.
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { RateLimit } from '../comments.js';
import type { Database, Queryable } from '../db/database.js';
import type { JobKind } from '../jobs/runner.js';
import { audit } from '../lib/audit.js';
import { HttpError, notFound } from '../lib/errors.js';
import type { Scanner } from './scan.js';
import { EXTENSIONS, type Kind, MEDIA_TYPES, Sniffer } from './sniff.js';
import type { FileStore } from './store.js';

export interface AttachmentOptions {
  /** Where the bytes go (a DirectoryStore, or a site's object storage). */
  store: FileStore;
  /** Files per comment (5). */
  maxFiles?: number;
  /** Bytes per file (10 MB). */
  maxBytes?: number;
  /** Uploads per client address and consultation (30 per 10 minutes). */
  uploadLimit?: RateLimit;
  /** The virus scanner; without it files are `unscanned` and served. */
  scanner?: Scanner;
  /** Hours an upload waits for a comment to name it before it is deleted (24). */
  expireHours?: number;
}

export interface AttachmentView {
  id: number;
  name: string;
  type: string;
  size: number;
  scan: 'pending' | 'clean' | 'infected' | 'unscanned';
  published: boolean;
  created: string;
}

interface Row {
  id: string;
  consultation_id: string;
  comment_id: string | null;
  storage_key: string;
  name: string;
  media_type: string;
  size: string;
  scan: AttachmentView['scan'];
  published: boolean;
  created_at: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A file's name as given, without folders or control characters; what it claims is not trusted. */
export function cleanName(raw: string | undefined): string {
  const last = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const name = [...last.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim()]
    .slice(0, 200)
    .join('');
  return name.replace(/^\.+/, '') || 'attachment';
}

/** The name to download as: its extension is the type found (证明.pdf holding a PNG becomes 证明.png). */
export function downloadName(name: string, mediaType: string): string {
  const kind = (Object.keys(MEDIA_TYPES) as Kind[]).find((k) => MEDIA_TYPES[k] === mediaType);
  if (!kind) return name;
  const ext = EXTENSIONS[kind];
  const lower = name.toLowerCase();
  if (lower.endsWith(ext) || (kind === 'jpeg' && lower.endsWith('.jpeg'))) return name;
  return `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '')}${ext}`;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The headers every served file carries: downloaded, never rendered, never sniffed, never cached. */
export function fileHeaders(name: string, mediaType: string, size: number): Record<string, string> {
  return {
    'content-type': mediaType,
    'content-length': String(size),
    'content-disposition': contentDisposition(downloadName(name, mediaType)),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

const view = (r: Row): AttachmentView => ({
  id: Number(r.id),
  name: r.name,
  type: r.media_type,
  size: Number(r.size),
  scan: r.scan,
  published: r.published,
  created: new Date(r.created_at).toISOString(),
});

export class Attachments {
  readonly maxFiles: number;
  readonly maxBytes: number;
  readonly uploadLimit: RateLimit;
  readonly expireHours: number;

  constructor(
    private readonly db: Database,
    readonly options: AttachmentOptions,
  ) {
    this.maxFiles = options.maxFiles ?? 5;
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.uploadLimit = options.uploadLimit ?? { max: 30, windowSeconds: 600 };
    this.expireHours = options.expireHours ?? 24;
  }

  get store(): FileStore {
    return this.options.store;
  }

  /**
   * Stores one upload from `body`, checked as it streams; 413/415 refuse it with nothing kept.
   * An infected file is refused (422) and deleted; a scanner that cannot answer leaves it pending.
   */
  async upload(consultationId: string, rawName: string | undefined, body: Readable) {
    const key = randomBytes(24).toString('base64url');
    const sniffer = new Sniffer(this.maxBytes);
    // Piped by hand, not with pipeline(): a refusal must not destroy the request (and its socket)
    // before the answer is sent; the rest of the body is left unread and the connection closed.
    body.pipe(sniffer);
    body.once('error', (error) => sniffer.destroy(error));
    body.once('aborted', () => sniffer.destroy(new Error('upload aborted')));
    sniffer.once('error', () => body.unpipe(sniffer));
    await this.store.put(key, sniffer);
    const found = sniffer.result;
    if (!found) {
      await this.store.delete(key);
      throw new Error('upload ended without a result');
    }
    const token = randomBytes(24).toString('base64url');
    const name = cleanName(rawName);
    const scan = this.options.scanner ? 'pending' : 'unscanned';
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO attachments (consultation_id, token_hash, storage_key, name, media_type, size, sha256, scan)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [consultationId, hashToken(token), key, name, MEDIA_TYPES[found.kind], found.size, found.sha256, scan],
    );
    const id = Number(rows[0]!.id);
    const state = this.options.scanner ? await this.scanOne(id, key) : 'unscanned';
    if (state === 'infected') {
      throw new HttpError(422, 'infected', 'the virus scanner found malware in this file; it was not kept', {
        zh: '病毒扫描发现该文件含有恶意代码，未予保存',
      });
    }
    return { token, name, type: MEDIA_TYPES[found.kind], size: found.size, scan: state };
  }

  /** Scans a stored file and records the verdict; 'pending' when the scanner could not answer. */
  async scanOne(id: number, key: string): Promise<AttachmentView['scan']> {
    const scanner = this.options.scanner!;
    const data = await this.store.get(key);
    if (!data) return 'pending';
    let verdict: { clean: boolean; detail: string };
    try {
      verdict = await scanner.scan(data);
    } catch (error) {
      await this.db.query('UPDATE attachments SET scan_detail = $2 WHERE id = $1', [
        id,
        `scanner error: ${(error as Error).message}`.slice(0, 500),
      ]);
      return 'pending';
    }
    const scan = verdict.clean ? 'clean' : 'infected';
    await this.db.query('UPDATE attachments SET scan = $2, scan_detail = $3, scanned_at = now() WHERE id = $1', [
      id,
      scan,
      verdict.detail || null,
    ]);
    // Malware is not kept: the row stays to say what was found, the bytes go.
    if (scan === 'infected') await this.store.delete(key);
    return scan;
  }

  /**
   * Before a comment is stored: its tokens are this consultation's, unexpired, not infected, not
   * another comment's, and with those it already has (a retry) no more than maxFiles.
   */
  async check(consultationId: string, idempotencyKey: string, tokens: string[]): Promise<void> {
    const unique = [...new Set(tokens)];
    if (unique.length > this.maxFiles) throw this.tooMany();
    const { rows } = await this.db.query<{ token_hash: string; scan: string; mine: boolean; linked: boolean }>(
      `SELECT a.token_hash, a.scan, m.id IS NOT NULL AS mine, a.comment_id IS NOT NULL AS linked
       FROM attachments a LEFT JOIN comments m ON m.id = a.comment_id AND m.idempotency_key = $3
       WHERE a.consultation_id = $1 AND a.token_hash = ANY($2)
         AND (a.comment_id IS NOT NULL OR a.created_at > now() - make_interval(hours => $4))`,
      [consultationId, unique.map(hashToken), idempotencyKey, this.expireHours],
    );
    const byHash = new Map(rows.map((r) => [r.token_hash, r]));
    const missing = unique.filter((t) => {
      const r = byHash.get(hashToken(t));
      return !r || (r.linked && !r.mine);
    });
    if (missing.length) {
      throw new HttpError(
        422,
        'attachment-unknown',
        `${missing.length} attachment token(s) are unknown, expired or another comment's: upload the files again`,
        { zh: '部分附件已过期或无效，请重新上传', tokens: missing },
      );
    }
    const infected = unique.filter((t) => byHash.get(hashToken(t))!.scan === 'infected');
    if (infected.length) {
      throw new HttpError(422, 'infected', 'the virus scanner found malware in an attached file', {
        zh: '附件中发现恶意代码',
        tokens: infected,
      });
    }
    const { rows: had } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attachments a JOIN comments m ON m.id = a.comment_id
       WHERE m.consultation_id = $1 AND m.idempotency_key = $2 AND NOT (a.token_hash = ANY($3))`,
      [consultationId, idempotencyKey, unique.map(hashToken)],
    );
    if (had[0]!.n + unique.length > this.maxFiles) throw this.tooMany();
  }

  private tooMany(): HttpError {
    return new HttpError(400, 'too-many-files', `a comment may have at most ${this.maxFiles} attachments`, {
      zh: `每条意见最多附 ${this.maxFiles} 个文件`,
      problems: [{ path: '$.attachments', message: `at most ${this.maxFiles} files` }],
    });
  }

  /** After the comment is stored (or found again by its key): its files join it. Idempotent. */
  async link(
    consultationId: string,
    idempotencyKey: string,
    tokens: string[],
    db: Queryable = this.db,
  ): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `WITH linked AS (
         UPDATE attachments a SET comment_id = m.id, linked_at = now()
         FROM comments m
         WHERE m.consultation_id = $1 AND m.idempotency_key = $2
           AND a.consultation_id = $1 AND a.token_hash = ANY($3) AND a.comment_id IS NULL
         RETURNING 1)
       SELECT count(*)::int AS n FROM linked`,
      [consultationId, idempotencyKey, [...new Set(tokens)].map(hashToken)],
    );
    return rows[0]!.n;
  }

  /**
   * `link` inside the transaction that stores the comment, all or none: when a file was taken by
   * another comment meanwhile (two entries naming one scan at once), 422, and the transaction
   * stores nothing. The files newly linked, counted.
   */
  async linkAll(
    tx: Queryable,
    consultationId: string,
    idempotencyKey: string,
    tokens: readonly string[],
  ): Promise<number> {
    const unique = [...new Set(tokens)];
    const added = await this.link(consultationId, idempotencyKey, unique, tx);
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attachments a JOIN comments m ON m.id = a.comment_id
       WHERE m.consultation_id = $1 AND m.idempotency_key = $2 AND a.token_hash = ANY($3)`,
      [consultationId, idempotencyKey, unique.map(hashToken)],
    );
    if (rows[0]!.n < unique.length) {
      throw new HttpError(
        422,
        'attachment-unknown',
        'an attached file was taken by another comment meanwhile: upload it again',
        {
          zh: '部分附件已被其他意见使用，请重新上传',
        },
      );
    }
    return added;
  }

  /** A comment's files, for staff (`consultation` for the scope check). */
  async forComment(commentId: number): Promise<{ consultation: string; items: AttachmentView[] }> {
    const { rows: c } = await this.db.query<{ consultation_id: string }>(
      'SELECT consultation_id FROM comments WHERE id = $1',
      [commentId],
    );
    if (!c[0]) throw notFound(`comment ${commentId}`);
    const { rows } = await this.db.query<Row>('SELECT * FROM attachments WHERE comment_id = $1 ORDER BY id', [
      commentId,
    ]);
    return { consultation: c[0].consultation_id, items: rows.map(view) };
  }

  async row(id: number): Promise<Row & { comment_id: string }> {
    const { rows } = await this.db.query<Row>('SELECT * FROM attachments WHERE id = $1 AND comment_id IS NOT NULL', [
      id,
    ]);
    if (!rows[0]) throw notFound(`attachment ${id}`);
    return rows[0] as Row & { comment_id: string };
  }

  /** The bytes of a file that may be served: never one awaiting or failing its scan. */
  async open(r: Row): Promise<Readable> {
    if (r.scan === 'pending') {
      throw new HttpError(409, 'scan-pending', 'this file has not been checked by the virus scanner yet', {
        zh: '该文件尚未完成病毒扫描',
      });
    }
    if (r.scan === 'infected') {
      throw new HttpError(409, 'infected', 'the virus scanner found malware in this file; it is not served', {
        zh: '该文件含有恶意代码，不予提供',
      });
    }
    const data = await this.store.get(r.storage_key);
    if (!data) throw new HttpError(410, 'gone', `the file of attachment ${r.id} is missing from the file store`);
    return data;
  }

  /** A staff read, recorded in the audit log. */
  async readByStaff(r: Row & { comment_id: string }, actor: string): Promise<Readable> {
    const data = await this.open(r);
    await audit(this.db, {
      actor,
      action: 'attachment.read',
      consultationId: r.consultation_id,
      commentId: Number(r.comment_id),
      after: { attachment: Number(r.id), name: r.name },
    });
    return data;
  }

  /** Staff publish a file with the feedback (or take it back), audited. */
  async setPublished(id: number, published: boolean, actor: string, scope: (consultation: string) => void) {
    return this.db.transaction(async (tx: Queryable) => {
      const { rows } = await tx.query<Row>(
        'SELECT * FROM attachments WHERE id = $1 AND comment_id IS NOT NULL FOR UPDATE',
        [id],
      );
      const r = rows[0];
      if (!r) throw notFound(`attachment ${id}`);
      scope(r.consultation_id);
      if (published && r.scan !== 'clean' && r.scan !== 'unscanned') {
        throw new HttpError(
          409,
          r.scan === 'infected' ? 'infected' : 'scan-pending',
          'only a file that passed the virus scan can be published',
          {
            zh: '只能公开通过病毒扫描的文件',
          },
        );
      }
      if (r.published !== published) {
        await tx.query('UPDATE attachments SET published = $2 WHERE id = $1', [id, published]);
        await audit(tx, {
          actor,
          action: published ? 'attachment.publish' : 'attachment.unpublish',
          consultationId: r.consultation_id,
          commentId: Number(r.comment_id),
          before: { attachment: id, published: r.published },
          after: { attachment: id, name: r.name, published },
        });
      }
      return view({ ...r, published });
    });
  }

  /**
   * Files staff published whose comment is in the latest published feedback, with the comment's
   * number there; a file of a comment left out of the feedback (removed) stays private.
   */
  async published(consultationId: string, only?: number) {
    const { rows } = await this.db.query<Row & { no: number }>(
      `SELECT a.*, fc.no FROM attachments a
       JOIN feedback_comments fc ON fc.comment_id = a.comment_id AND fc.consultation_id = a.consultation_id
       WHERE a.consultation_id = $1 AND a.published AND a.scan IN ('clean', 'unscanned')
         AND fc.version = (SELECT max(version) FROM feedback_versions WHERE consultation_id = $1)
         AND ($2::bigint IS NULL OR a.id = $2)
       ORDER BY fc.no, a.id`,
      [consultationId, only ?? null],
    );
    return rows;
  }

  /** The attachments job: deletes uploads no comment took, and scans again what is still pending. */
  job(everyMs = 600_000): JobKind {
    let last = 0;
    return {
      discover: async (db) => {
        if (Date.now() - last < everyMs) return;
        last = Date.now();
        await db.query(
          `INSERT INTO jobs (kind, key) VALUES ('attachments', 'sweep') ON CONFLICT (kind, key) DO NOTHING`,
        );
      },
      run: async () => {
        await this.sweep();
      },
    };
  }

  /**
   * One sweep: expired uploads deleted (bytes first, then the row), pending files scanned. An hour
   * later than check() stops accepting them, so a token just checked is still there to link.
   */
  async sweep(): Promise<{ expired: number; scanned: number }> {
    let expired = 0;
    for (;;) {
      const { rows } = await this.db.query<{ id: string; storage_key: string }>(
        `SELECT id, storage_key FROM attachments
         WHERE comment_id IS NULL AND created_at < now() - make_interval(hours => $1 + 1) ORDER BY created_at LIMIT 500`,
        [this.expireHours],
      );
      if (!rows.length) break;
      for (const r of rows) await this.store.delete(r.storage_key);
      await this.db.query('DELETE FROM attachments WHERE id = ANY($1) AND comment_id IS NULL', [rows.map((r) => r.id)]);
      expired += rows.length;
    }
    let scanned = 0;
    if (this.options.scanner) {
      const { rows } = await this.db.query<{ id: string; storage_key: string }>(
        `SELECT id, storage_key FROM attachments WHERE scan = 'pending' ORDER BY id LIMIT 100`,
      );
      for (const r of rows) if ((await this.scanOne(Number(r.id), r.storage_key)) !== 'pending') scanned++;
    }
    return { expired, scanned };
  }
}
