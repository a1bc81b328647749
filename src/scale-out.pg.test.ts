/**
 * Scale-out as operated: three nodes on one PostgreSQL database behind nginx, under load from visitors registering
 * for an event, reading pages and reading as a signed-in user. Mid-run one node is killed (SIGKILL) and another
 * stopped (SIGTERM). Only requests in flight on the killed node may fail; every acknowledged registration is kept;
 * the session works on every node; every queued email is delivered, none twice except possibly one that the killed
 * node handed to the mail server as it died.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdOf } from './core/mail/sender.js';
import { openEventOf, startLoad } from './core/testing/load.js';
import { startNginx, type Nginx } from './core/testing/nginx.js';
import { createScratchDatabase, killNodes, runBetter, startNode, waitFor, type BetterNode, type ScratchDatabase } from './core/testing/nodes.js';
import { startSmtpSink, type SmtpSink } from './core/testing/smtp-sink.js';
import { Visitor } from './core/testing/visitor.js';
import { demoPassword } from './modules/accounts/service.js';

let database: ScratchDatabase;
let sink: SmtpSink;
let nodes: BetterNode[];
let nginx: Nginx;
const mailFrom = 'BETTER <no-reply@better.test>';

beforeAll(async () => {
  database = await createScratchDatabase(process.env.TEST_DATABASE_URL as string, 'better_scale');
  await runBetter(['seed', '--demo'], { DATABASE_URL: database.url });
  sink = await startSmtpSink();
  nodes = await Promise.all(
    ['node-1', 'node-2', 'node-3'].map((name) =>
      startNode({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '5', SMTP_URL: sink.urlFor(name), MAIL_FROM: mailFrom, WORKER_POLL_SECONDS: '0.2' }),
    ),
  );
  nginx = await startNginx(nodes.map((node) => node.address));
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  await killNodes();
  await sink?.close();
  await database?.drop();
});

/** Waits until `count` more registrations were acknowledged, failing at once if a node that should live has died. */
async function progress(load: { acknowledged: string[] }, count: number, living: BetterNode[]): Promise<void> {
  const target = load.acknowledged.length + count;
  await waitFor(
    `${count} more registrations`,
    () => {
      const dead = living.find((node) => !node.running());
      if (dead) throw new Error(`${dead.address} exited with ${dead.child.exitCode}`);
      return load.acknowledged.length >= target;
    },
    60,
  );
}

describe('three nodes behind a load balancer', () => {
  it('keeps serving through a killed and a stopped node: no acknowledged write lost, sessions valid on every node, every email delivered and none twice but the one the killed node may have sent as it died', async () => {
    const [killed, stopped, survivor] = nodes as [BetterNode, BetterNode, BetterNode];
    const eventId = await openEventOf(database);

    // One sign-in through the balancer; the session then works on every node, asked directly.
    const admin = new Visitor(nginx.url);
    await admin.get('/sign-in');
    expect((await admin.post('/sign-in', { email: 'admin@better.example', password: demoPassword, next: '/account' })).status).toBe(303);
    for (const node of nodes) {
      const account = await admin.at(node.url).get('/account');
      expect(account.status).toBe(200);
      expect(account.body).toContain('Ada Admin');
    }

    const registrants = Array.from({ length: 6 }, () => new Visitor(nginx.url));
    await Promise.all(registrants.map((visitor) => visitor.get(`/events/${eventId}`)));
    const reader = new Visitor(nginx.url);
    const signedInReads: { path: string; status: number; signedIn: boolean }[] = [];
    const signedInRead = async (path: string) => {
      const answer = await admin.get(path);
      signedInReads.push({ path, status: answer.status, signedIn: answer.body.includes('Ada Admin') });
    };
    const [newest] = await database.query<{ id: number }>('select coalesce(max(id), 0) as id from emails');
    const load = startLoad(eventId, registrants, [
      () => reader.get('/'),
      () => reader.get('/events'),
      () => signedInRead('/account'),
      () => signedInRead('/events'),
    ]);

    let killedAt = 0;
    try {
      await progress(load, 40, nodes);
      killed.child.kill('SIGKILL');
      await killed.exited;
      killedAt = Date.now();
      await progress(load, 40, [stopped, survivor]);
      // Graceful stop as documented for nginx: out of rotation first, then SIGTERM while its last requests finish.
      await nginx.drain(stopped.address);
      stopped.child.kill('SIGTERM');
      expect(await stopped.exited).toBe(0);
      await progress(load, 40, [survivor]);
    } finally {
      await load.stop();
    }

    // Only requests that were in flight on the killed node when it died failed; GETs there were retried elsewhere.
    const exchanges = [...registrants, reader, admin].flatMap((visitor) => visitor.exchanges);
    const failed = exchanges.filter((exchange) => exchange.status === 0 || exchange.status >= 500);
    const nodeOf = (upstream: string | null) => nodes.map((node, index) => (upstream?.includes(node.address) ? `node-${index + 1}` : '')).join('');
    expect(
      failed
        .filter((exchange) => exchange.upstream !== killed.address || exchange.startedAt > killedAt)
        .map((exchange) => ({ ...exchange, node: nodeOf(exchange.upstream), killedAt })),
    ).toEqual([]);
    expect(failed.filter((exchange) => exchange.method === 'GET')).toEqual([]);
    expect(exchanges.filter((exchange) => exchange.status !== 200 && exchange.status !== 303 && !failed.includes(exchange))).toEqual([]);
    // The balancer spread the load over all three nodes, and the signed-in user stayed signed in throughout.
    const served = new Set(exchanges.flatMap((exchange) => (exchange.upstream ?? '').split(', ')));
    expect([...served].filter(Boolean).sort()).toEqual(nodes.map((node) => node.address).sort());
    expect(signedInReads.filter((read) => read.status !== 200 || !read.signedIn)).toEqual([]);

    const stored = new Set((await database.query<{ email: string }>('select email from registrations where event_id = $1', [eventId])).map((row) => row.email));
    expect(load.acknowledged.filter((email) => !stored.has(email))).toEqual([]);

    // Every queued email is delivered; none twice, except one the killed node may have handed over just before dying.
    await waitFor('every queued email to be sent', async () => (await database.query('select id from emails where status = $1', ['queued'])).length === 0, 120);
    const emails = await database.query<{ id: number; created_at: Date }>('select id, created_at from emails where id > $1', [newest?.id ?? 0]);
    const deliveries = new Map<string, string[]>();
    for (const delivery of sink.deliveries) deliveries.set(delivery.messageId, [...(deliveries.get(delivery.messageId) ?? []), delivery.sender]);
    expect(emails.filter((email) => !deliveries.has(messageIdOf(email, mailFrom)))).toEqual([]);
    const twice = [...deliveries].filter(([, senders]) => senders.length > 1);
    expect(twice.length).toBeLessThanOrEqual(1);
    for (const [, senders] of twice) expect(senders).toEqual(expect.arrayContaining(['node-1']));
    expect(emails.length).toBeGreaterThanOrEqual(load.acknowledged.length);
    console.info(
      `scale-out: ${exchanges.length} requests, ${failed.length} failed (in flight on the killed node), ${load.acknowledged.length} registrations acknowledged, ${emails.length} emails delivered, ${twice.length} twice`,
    );
  }, 240_000);
});
