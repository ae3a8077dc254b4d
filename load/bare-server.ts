import Fastify from 'fastify';

// The baseline of `npm run load`: one Fastify route with no database, in its own process like the app.
const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ ok: true }));
app.get('/bare', async () => ({ ok: true, items: [] }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
