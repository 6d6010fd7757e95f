/**
 * `npx tsx bench/consoleHogs.ts`: what console queries built to hog the database cost everyone else.
 * Starts a throwaway local Neo4j (512 MB heap, the app's memory limits) with the seed, and the app in
 * a process of its own (so the load generators here do not share its event loop). Then measures the
 * requests/s of other users (GET /api/nodes/:id, BENCH_READERS loops at once from 127.0.0.1):
 *
 * 1. undisturbed;
 * 2. while BENCH_ATTACKERS attackers (each from its own address, 127.0.0.101…, or all from one with
 *    BENCH_ONE_ATTACKER_ADDRESS=1) keep sending the heavy queries through the console: a string doubled
 *    thirty times, a list of 100 million strings, 100 million strings collected, and a quadratic string
 *    builder that ignores its timeout. An attacker sends again as soon as it has its answer, after
 *    BENCH_ATTACK_PAUSE_MS when the answer was a 429;
 * 3. the same reads and the same heavy queries through the raw driver (no app, no caps: the heavy
 *    queries in explicit transactions with the console's 10 s timeout), for comparison.
 *
 * Undisturbed is measured for BENCH_MEASURE_S (30) before and after the attack, the attack for
 * BENCH_ATTACK_S (120: several of the console's recovery pauses); BENCH_HEAVY=killers|builders sends
 * only those; BENCH_RAW=0 leaves step 3 out. The caps are the app's (CONSOLE_MAX_RUNNING, CONSOLE_MAX_RUNNING_PER_CLIENT from the environment,
 * else 4 and 2; BENCH_RECOVERY_FACTOR, else 4). Figures only; nothing asserts on time. Check `uptime` first: other load skews them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/database.ts';
import { serve } from '../server/http.ts';
import { importGraph } from '../server/services/importer.ts';
import { readSeed } from '../server/services/seed.ts';
import { emptyDatabase } from '../tests/support/fixtures.ts';
import { startLocalTestNeo4j, testDatabase } from '../tests/support/neo4j.ts';

const env = process.env;
const READERS = Number(env.BENCH_READERS ?? 8);
const ATTACKERS = Number(env.BENCH_ATTACKERS ?? 6);
const MEASURE_MS = Number(env.BENCH_MEASURE_S ?? 30) * 1000;
/** Long enough to hold several cycles of the console's recovery pauses. */
const ATTACK_MS = Number(env.BENCH_ATTACK_S ?? 120) * 1000;
const PAUSE_MS = Number(env.BENCH_ATTACK_PAUSE_MS ?? 100);
const ONE_ADDRESS = env.BENCH_ONE_ATTACKER_ADDRESS === '1';
const CONSOLE_TIMEOUT_MS = 10_000;

const KILLERS = [
  "RETURN size(reduce(s = 'x', i IN range(1, 30) | s + s)) AS n",
  'RETURN size([i IN range(1, 100000000) | toString(i)]) AS n',
  'UNWIND range(1, 100000000) AS i RETURN size(collect(toString(i))) AS n',
];
const BUILDERS = ["RETURN size(reduce(s = '', i IN range(1, 200000) | s + 'xxxxxxxxxx')) AS n"];
/** BENCH_HEAVY: all (default), killers (the memory ones) or builders (the string builder alone). */
const HEAVY =
  env.BENCH_HEAVY === 'killers'
    ? KILLERS
    : env.BENCH_HEAVY === 'builders'
      ? BUILDERS
      : [KILLERS[0]!, KILLERS[1]!, BUILDERS[0]!, KILLERS[2]!];
const IDS = ['jaysh-al-nasr', 'falcons-of-al-ghab', 'free-syrian-army', 'jaysh-al-izza'];

if (process.argv[2] === '--serve') void serveApp();
else void main();

/** The app, as main.ts runs it, on a free port; prints "listening PORT". */
async function serveApp() {
  const db = new Database({
    uri: env.BENCH_URI!,
    user: 'neo4j',
    password: env.BENCH_PASSWORD!,
    database: 'neo4j',
    queryTimeoutMs: 10_000,
  });
  const consoleLimits = {
    timeoutMs: CONSOLE_TIMEOUT_MS,
    rowCap: 5_000,
    maxRunning: Number(env.CONSOLE_MAX_RUNNING ?? 4),
    maxRunningPerAnalyst: Number(env.CONSOLE_MAX_RUNNING_PER_CLIENT ?? 2),
    recoveryFactor: Number(env.BENCH_RECOVERY_FACTOR ?? 4),
  };
  const app = createApp({ db, logger: pino({ level: 'silent' }), consoleLimits });
  // The liveness probe's verdicts: a database too busy to answer it looks away (503 for everyone).
  db.availability.onChange((status) => process.stdout.write(`availability ${status.state} ${Date.now()}\n`));
  const server = await serve(app, { port: 0, host: '127.0.0.1' });
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
}

async function main() {
  const neo = await startLocalTestNeo4j();
  const db = testDatabase(neo);
  let app: ChildProcess | undefined;
  const raw = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
  try {
    await emptyDatabase(db);
    await db.applySchema();
    await importGraph(db, readSeed());
    const started = await startApp(neo.uri, neo.password);
    app = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    const caps = `${env.CONSOLE_MAX_RUNNING ?? 4} at once, ${env.CONSOLE_MAX_RUNNING_PER_CLIENT ?? 2} per client, recovery factor ${env.BENCH_RECOVERY_FACTOR ?? 4}`;
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `${READERS} readers, ${ATTACKERS} attackers (${ONE_ADDRESS ? 'one address' : 'own addresses'}), caps ${caps}`,
    );

    const viaApp = appReads(base);
    await readRate(viaApp, 5_000); // warm-up: plans, JIT
    const calm = await readRate(viaApp, MEASURE_MS);
    report('app, undisturbed', calm);

    const attack = startAttack(consoleAttacker(base));
    await sleep(3_000);
    const from = Date.now();
    const attacked = await readRate(viaApp, ATTACK_MS);
    const to = Date.now();
    const { answers, timeline } = await attack.stop();
    console.log(`  attackers' answers: ${JSON.stringify(answers)}`);
    console.log(`  those not 429, per 10 s from the attack's start: ${timeline}`);
    console.log(`  while measured, ${awayDuring(from, to)}`);
    await quiet(db, 'the console queries to leave the database');
    // The machine's own load drifts: the undisturbed rate is taken before and after, and averaged.
    const calmAgain = await readRate(viaApp, MEASURE_MS);
    report('app, undisturbed again', calmAgain);
    const baseline = { ...calm, perSecond: (calm.perSecond + calmAgain.perSecond) / 2 };
    report('app, under attack', attacked, baseline);

    if (env.BENCH_RAW === '0') return;
    const viaDriver = driverReads(raw);
    await readRate(viaDriver, 5_000);
    const rawCalm = await readRate(viaDriver, MEASURE_MS);
    report('raw driver, undisturbed', rawCalm);
    const rawAttack = startAttack(driverAttacker(raw));
    await sleep(3_000);
    const rawAttacked = await readRate(viaDriver, MEASURE_MS); // no pauses here: the damage is steady
    const { answers: rawAnswers } = await rawAttack.stop();
    report('raw driver, same heavy queries uncapped', rawAttacked, rawCalm);
    console.log(`  attackers' answers: ${JSON.stringify(rawAnswers)}`);
    await quiet(db, 'the heavy queries to leave the database');
  } finally {
    app?.kill('SIGTERM');
    await raw.close();
    await db.close();
    await neo.dispose();
  }
}

function startApp(uri: string, password: string): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script, '--serve'], {
    env: { ...env, BENCH_URI: uri, BENCH_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const port = /listening (\d+)/.exec(text)?.[1];
      if (port) resolve({ child, port: Number(port) });
      for (const [, state, at] of text.matchAll(/availability (\w+) (\d+)/g))
        availabilityLog.push([state!, Number(at)]);
    });
  });
}

/** The app's availability changes (state, ms since the epoch), as its process reports them. */
const availabilityLog: [string, number][] = [];

/** How long the app took the database to be away between `from` and `to`, and how often. */
function awayDuring(from: number, to: number): string {
  let awayMs = 0;
  let times = 0;
  let since: number | undefined;
  for (const [state, at] of availabilityLog) {
    if (at > to) break;
    if (state !== 'up' && since === undefined) {
      since = Math.max(at, from);
      if (at >= from) times++;
    } else if (state === 'up' && since !== undefined) {
      if (at >= from) awayMs += at - since;
      since = undefined;
    }
  }
  if (since !== undefined) awayMs += to - since;
  return `the app took the database to be away ${times} times, ${(awayMs / 1000).toFixed(1)} s in all`;
}

type Read = (n: number) => Promise<boolean>;

interface Rate {
  perSecond: number;
  failed: number;
  p50: number;
  p95: number;
  /** Successful reads per second in each 10 s of the measurement. */
  timeline: number[];
}

/** READERS loops of `read` for `ms`: successful reads per second and their latencies. */
async function readRate(read: Read, ms: number): Promise<Rate> {
  const begin = performance.now();
  const end = begin + ms;
  const latencies: number[] = [];
  const timeline = Array.from({ length: Math.ceil(ms / 10_000) }, () => 0);
  let failed = 0;
  await Promise.all(
    Array.from({ length: READERS }, async (_, loop) => {
      for (let n = loop; performance.now() < end; n += READERS) {
        const start = performance.now();
        if (await read(n)) {
          latencies.push(performance.now() - start);
          const slot = Math.floor((performance.now() - begin) / 10_000);
          if (slot < timeline.length) timeline[slot]! += 0.1;
        } else failed++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / (ms / 1000), failed, p50: at(0.5), p95: at(0.95), timeline };
}

function appReads(base: string): Read {
  const agent = new Agent({ keepAlive: true });
  return async (n) => (await httpCall(agent, `${base}/api/nodes/${IDS[n % IDS.length]}`, 'GET')).status === 200;
}

function driverReads(driver: Driver): Read {
  const text =
    'MATCH (n:Entity {id: $id}) OPTIONAL MATCH (s:Source) WHERE s.id IN coalesce(n.sources, []) WITH n, s ORDER BY s.number, s.id RETURN n AS node, collect(s) AS sources';
  return async (n) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run(text, { id: IDS[n % IDS.length] }), { timeout: 10_000 });
      return true;
    } catch {
      return false;
    } finally {
      await session.close();
    }
  };
}

/** Attacker `index`'s loop while `running()`: one outcome (a status and code, or an error code) per query sent. */
type Attacker = (index: number, running: () => boolean) => AsyncGenerator<string>;

/** Runs ATTACKERS loops until stopped; `stop` answers the outcomes counted, and per 10 s those that were not 429. */
function startAttack(attacker: Attacker) {
  let on = true;
  const begin = performance.now();
  const answers: Record<string, number> = {};
  const slots: Record<string, number>[] = [];
  const loops = Array.from({ length: ATTACKERS }, async (_, i) => {
    for await (const outcome of attacker(i, () => on)) {
      answers[outcome] = (answers[outcome] ?? 0) + 1;
      if (outcome.startsWith('429')) continue;
      const at = Math.floor((performance.now() - begin) / 10_000);
      slots[at] ??= {};
      slots[at][outcome] = (slots[at][outcome] ?? 0) + 1;
    }
  });
  return {
    async stop() {
      on = false;
      await Promise.all(loops);
      const timeline = Array.from(slots, (slot, i) => `${i * 10}s ${JSON.stringify(slot ?? {})}`).join(', ');
      return { answers, timeline };
    },
  };
}

function consoleAttacker(base: string): Attacker {
  return async function* (i, running) {
    const agent = new Agent({ keepAlive: true, localAddress: ONE_ADDRESS ? '127.0.0.101' : `127.0.0.${101 + i}` });
    for (let n = i; running(); n++) {
      const answer = await httpCall(agent, `${base}/api/cypher`, 'POST', { query: HEAVY[n % HEAVY.length] });
      yield `${answer.status} ${answer.code ?? ''}`.trim();
      if (answer.status === 429) await sleep(PAUSE_MS);
    }
  };
}

function driverAttacker(driver: Driver): Attacker {
  return async function* (i, running) {
    for (let n = i; running(); n++) {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const tx = session.beginTransaction({ timeout: CONSOLE_TIMEOUT_MS, metadata: { type: 'console' } });
        await tx.run(HEAVY[n % HEAVY.length]!);
        yield 'answered';
      } catch (error) {
        yield (error as { code?: string }).code ?? 'error';
      } finally {
        await session.close().catch(() => {});
      }
    }
  };
}

function httpCall(
  agent: Agent,
  url: string,
  method: string,
  json?: unknown,
): Promise<{ status: number; code?: string }> {
  const payload = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve) => {
    const req = request(
      url,
      { method, agent, headers: payload ? { 'content-type': 'application/json' } : undefined },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => {
          let code: string | undefined;
          if ((res.statusCode ?? 0) >= 400)
            code = (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code;
          resolve({ status: res.statusCode ?? 0, code });
        });
      },
    );
    req.on('error', () => resolve({ status: 0 }));
    req.end(payload);
  });
}

/** Waits until the database runs no console-like query any more (a stopped builder may take minutes). */
async function quiet(db: Database, what: string) {
  const start = performance.now();
  for (;;) {
    const rows = await db.runAdmin(
      "SHOW TRANSACTIONS YIELD metaData WHERE metaData.type = 'console' RETURN count(*) AS n",
    );
    if (Number(rows[0]?.n ?? 0) === 0) break;
    await sleep(1_000);
  }
  console.log(`  (${((performance.now() - start) / 1000).toFixed(0)} s waiting for ${what})`);
}

function report(name: string, rate: Rate, baseline?: Rate) {
  const share = baseline ? ` = ${Math.round((100 * rate.perSecond) / baseline.perSecond)}% of undisturbed` : '';
  console.log(
    `${name}: ${rate.perSecond.toFixed(1)} reads/s${share}; p50 ${rate.p50.toFixed(0)} ms, p95 ${rate.p95.toFixed(0)} ms; ${rate.failed} failed`,
  );
  if (baseline) console.log(`  reads/s per 10 s: ${rate.timeline.map((r) => r.toFixed(0)).join(' ')}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
