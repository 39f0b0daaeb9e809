import type { RateLimit } from '../comments.js';
import type { NotifySecrets } from './secrets.js';
import type { SmsOptions, SmtpOptions, Transport } from './transports.js';

export type Channel = 'email' | 'sms' | 'webhook';

export interface NotifyOptions {
  /** The secret (--secret-file / GK_NOTIFY_SECRET): encrypts addresses, signs links. */
  secrets: NotifySecrets;
  /** Where this server is reached from outside: links in messages point here (https://consult.example.gov.cn). */
  publicUrl: string;
  /** Resolves consultations' page paths (/draft.html) into links; publicUrl by default. */
  siteUrl?: string;
  smtp?: SmtpOptions;
  /** The site's SMS platform; without it, no phone numbers are taken. */
  sms?: SmsOptions;
  /** Transports given directly (replace those made from smtp/sms). */
  transports?: Partial<Record<Channel, Transport>>;
  /** Messages per second per transport and instance: e-mail 20, SMS 5, webhooks 20. */
  rate?: Partial<Record<Channel, number>>;
  /** Delivery worker: how often an idle instance looks (1 s), the lease (60 s), the batch taken (50). */
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  /** Messages of a batch under way at once (4); a crash may leave each of them to be sent again once. */
  concurrency?: number;
  /** Tries before a message counts as failed (8); the first retry after backoffMs (30 s), doubling. */
  maxAttempts?: number;
  backoffMs?: number;
  /** Deliveries written per fan-out transaction (5,000). */
  fanoutBatch?: number;
  /** How often the expiry job runs (10 min). */
  expiryEveryMs?: number;
  /** Follow requests per client address (10 an hour). */
  followLimit?: RateLimit;
  /** Tests: after a message left, before it is recorded (throwing there is a crash at that point). */
  afterSend?: (deliveryId: number) => void | Promise<void>;
}

/** The host part of Message-IDs, from the public URL. */
export const messageDomain = (o: NotifyOptions) => new URL(o.publicUrl).hostname || 'localhost';

/** The channels a citizen may choose: e-mail where there is SMTP, SMS where there is a gateway. */
export function offeredChannels(o: NotifyOptions | undefined): ('email' | 'sms')[] {
  if (!o) return [];
  return (['email', 'sms'] as const).filter((c) =>
    c === 'email' ? !!(o.smtp || o.transports?.email) : !!(o.sms || o.transports?.sms),
  );
}
