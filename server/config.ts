/**
 * Configuration from the environment, parsed once at start. A bad value stops the process with a
 * message naming the variable, instead of failing later in a request.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { password, username } from '../contract/auth.ts';

/** true/false, 1/0, yes/no, on/off, y/n, enabled/disabled, any case: zod's own reading of env flags. */
const flag = z.stringbool();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A Neo4j to use; unset, the app runs its own local Neo4j server. */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z
    .string()
    .min(8, 'must be at least 8 characters (Neo4j refuses shorter ones)')
    .default('faction-atlas'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Server-side timeout of an analyst's console query. */
  NEO4J_CONSOLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Most rows a console query returns; more are reported as `truncated`. */
  CONSOLE_ROW_CAP: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  /** Where the local server keeps its jars list, configuration, data and logs. */
  NEO4J_LOCAL_HOME: z.string().min(1).default('.neo4j'),
  NEO4J_LOCAL_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  /** Load the seed dataset when the database holds no factions yet. */
  SEED_ON_START: flag.default(true),
  /** Largest accepted import file, as inflated when sent compressed. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  /**
   * How long a batched import's lease on the import lock lasts unless renewed (ms): after a crash, the
   * job can be resumed (and other imports proceed) this long after its process stopped.
   */
  IMPORT_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** Items per committed batch of a large import, and the size above which an import is written in batches. */
  IMPORT_COMMIT_ROWS: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  /** Where uploaded imports too large for one transaction are kept until their job ends (resumable from there). */
  IMPORT_SPOOL_DIR: z.string().min(1).default('.data/imports'),
  /** Most an import sent compressed may inflate to, as a multiple of its compressed size (a zip bomb's tell). */
  IMPORT_MAX_INFLATE_RATIO: z.coerce.number().min(2).default(50),
  /** Largest JSON body of every other request (console queries, the ids of relationships/among). */
  JSON_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Largest JSON body of the investigation routes: saves and imports carry snapshots of thousands of elements. */
  INVESTIGATION_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Investigation writes (saves, creates, imports, restores) parsed and written at once; more wait. */
  INVESTIGATION_WRITES_RUNNING: z.coerce.number().int().min(1).max(64).default(2),
  /** Investigation writes waiting, their bodies unread, for their turn; beyond them 429 INVESTIGATION_BUSY. */
  INVESTIGATION_WRITES_WAITING: z.coerce.number().int().min(0).max(1024).default(4),
  /** Behind an HTTPS reverse proxy: trust its X-Forwarded-* headers (the client's address, https). */
  TRUST_PROXY: flag.default(false),
  /** Console queries running at once, for all analysts together; more wait for none and get 429. */
  CONSOLE_MAX_RUNNING: z.coerce.number().int().min(1).max(64).default(4),
  /** Console queries one client may have running at once (queries stopped but still running count). */
  CONSOLE_MAX_RUNNING_PER_CLIENT: z.coerce.number().int().min(1).max(64).default(2),
  /** Restarts of the local Neo4j in a row (each within a minute of the last) before the app gives up. */
  NEO4J_RESTART_ATTEMPTS: z.coerce.number().int().min(0).max(100).default(5),
  /** Sign-in: on, or off (one local admin; loopback HOST only). Unset: off on a loopback HOST, else on. */
  AUTH: z.enum(['on', 'off']).optional(),
  /** The first admin, created on the first start with sign-in on and no user yet. */
  ADMIN_USERNAME: username.default('admin'),
  /** Its password; unset, one is generated and printed once in the log. */
  ADMIN_PASSWORD: password.optional(),
  /** Names the Host header may carry, comma-separated (default: localhost, 127.0.0.1, [::1], and HOST when a name). */
  ALLOWED_HOSTS: z.string().optional(),
  /** A session ends after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(8),
  /** A session ends this many days after sign-in, however busy. */
  SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(365).default(7),
  /** Window of the sign-in rate limits, in minutes. */
  SIGN_IN_WINDOW_MINUTES: z.coerce
    .number()
    .min(0.1)
    .max(24 * 60)
    .default(15),
  /** Failed sign-ins per address and username per window; then 429. */
  SIGN_IN_FAILURES_PER_USER: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Failed sign-ins per address per window, whatever the username; then 429. */
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  /** Writes (POST, PUT, PATCH, DELETE) per signed-in user per minute; then 429. */
  WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
});

/** The configuration, with AUTH settled and the allowed host names listed. */
export type Config = Omit<z.infer<typeof envSchema>, 'AUTH' | 'ALLOWED_HOSTS'> & {
  AUTH: 'on' | 'off';
  ALLOWED_HOSTS: string[];
};

/** Whether `host` (HOST) is a loopback address: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Whether `host` is an address that listens on every interface (then it names no host). */
const isWildcard = (host: string) => ['0.0.0.0', '::', '[::]'].includes(host.trim());

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset, as in most shells' `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${z.core.toDotPath(i.path)}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { AUTH, ALLOWED_HOSTS, ...rest } = parsed.data;
  const loopback = isLoopback(rest.HOST);
  const auth = AUTH ?? (loopback ? 'off' : 'on');
  if (auth === 'off' && !loopback) {
    throw new ConfigError(
      `Refusing to start: AUTH=off on HOST=${rest.HOST}, which other machines can reach. Without sign-in, anyone who reaches the port may import and read everything. Set AUTH=on (and ADMIN_USERNAME/ADMIN_PASSWORD for the first admin), or listen on 127.0.0.1.`,
    );
  }
  const hosts = ALLOWED_HOSTS?.split(',')
    .map((h) => h.trim())
    .filter(Boolean) ?? ['localhost', '127.0.0.1', '[::1]'];
  if (!ALLOWED_HOSTS && !isWildcard(rest.HOST) && !hosts.includes(rest.HOST)) hosts.push(rest.HOST);
  return { ...rest, AUTH: auth, ALLOWED_HOSTS: hosts };
}
