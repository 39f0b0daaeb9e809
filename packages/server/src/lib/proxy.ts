// Which proxies' X-Forwarded-For to believe. fastify (proxy-addr) then takes the client to be the
// right-most address in the chain that a trusted proxy did not add: entries a client writes
// itself sit to the left of it and are ignored, so a client cannot choose its own address.
import { isIP } from 'node:net';

/** fastify's `trustProxy`: how many proxies in front, or their addresses and CIDR ranges. */
export type TrustProxy = number | string[];

/**
 * `--trust-proxy 1`, `--trust-proxy 127.0.0.1`, `--trust-proxy 10.0.0.0/8,192.168.1.5`. Throws
 * with a message naming what is wrong; `true` is refused, since trusting every hop would let the
 * client's own left-most entry be its address.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops < 1 || hops > 10) throw new Error(`--trust-proxy ${v}: the number of proxies in front must be 1–10`);
    return hops;
  }
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length || /^(true|yes|on)$/i.test(v)) {
    throw new Error(
      `--trust-proxy ${v}: give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 127.0.0.1 or 10.0.0.0/8)`,
    );
  }
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`--trust-proxy: ${entry} is not an IP address or CIDR range (e.g. 10.0.0.0/8)`);
    }
  }
  return entries;
}
