import autocannon from 'autocannon';
import Fastify from 'fastify';
const app = Fastify();
const seen: number[] = [];
app.post('/x', async (req) => { seen.push(Number(req.headers['x-i'])); return { ok: 1 }; });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as any).port;
let next = 0;
let ok = 0;
const r = await autocannon({
  url: `http://127.0.0.1:${port}`, connections: 64, amount: 5000,
  requests: [{ method: 'POST', path: '/x', setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', 'x-i': String(next++) }, body: '{}' }), onResponse: (s) => { if (s === 200) ok++; } }],
});
const u = new Set(seen);
console.log({ calls: next, served: seen.length, unique: u.size, ok, max: Math.max(...seen), total: r.requests.total, codes: r.statusCodeStats });
await app.close();
