/**
 * Reads and validates the process environment once at start; a bad value stops the process with a message
 * naming the variable, so a misconfigured node never serves traffic.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a postgres:// or postgresql:// URL' });

const proxyNames = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (proxyNames.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For: none, the nearest N hops, or the proxies' own
 * addresses. Trusting every hop (`true`) would take the address from whatever a client writes in the header, so a
 * guesser could escape the sign-in throttle by changing it on every attempt: it is refused with what to write instead.
 */
const trustedProxies = z.string().transform((text, context): false | number | string[] => {
  const value = text.trim().toLowerCase();
  if (['false', 'no', '0'].includes(value)) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (!['true', 'yes'].includes(value) && entries.every(isProxyAddress)) return entries;
  context.addIssue({
    code: 'custom',
    message:
      'must be false, the number of proxies in front of BETTER (e.g. 1) or their addresses (e.g. 10.0.0.0/8,127.0.0.1); true would trust any address a client writes',
  });
  return z.NEVER;
});

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1, { error: 'must be at least 1' })
    .max(200, { error: 'must be at most 200' })
    .default(10),
  DATABASE_PREPARED_STATEMENTS: booleanFlag.default(true),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('BETTER <no-reply@localhost>'),
  COOKIE_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  TRUST_PROXY: trustedProxies.default(false),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })
    .default('info'),
  WORKER_POLL_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .min(0.1, { error: 'must be at least 0.1' })
    .max(3600, { error: 'must be at most 3600' })
    .default(5),
  PARTNER_STORAGE_QUOTA_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int({ error: 'must be a whole number of megabytes' })
    .min(1, { error: 'must be at least 1' })
    .max(1_000_000, { error: 'must be at most 1000000' })
    .default(1024),
  PARTICIPANT_RETENTION_MONTHS: z.coerce
    .number({ error: 'must be a number of months' })
    .int({ error: 'must be a whole number of months' })
    .min(1, { error: 'must be at least 1' })
    .max(240, { error: 'must be at most 240' })
    .default(24),
  PAGE_CACHE: booleanFlag.default(true),
  PAGE_CACHE_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int({ error: 'must be a whole number of megabytes' })
    .min(1, { error: 'must be at least 1' })
    .max(65_536, { error: 'must be at most 65536' })
    .default(64),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  database: { url: string | undefined; poolSize: number; dataDir: string; preparedStatements: boolean };
  mail: { smtpUrl: string | undefined; from: string };
  cookieSecret: string | undefined;
  /** Fastify's `trustProxy`: no proxy, a number of hops, or the proxies' addresses and CIDR ranges. */
  trustProxy: false | number | string[];
  logLevel: string;
  workerPollMs: number;
  /** Participants of events that ended longer ago may be anonymised by an administrator. */
  participantRetentionMonths: number;
  /** The evidence files one partner may store in all, in MB (MiB); a report that would exceed it is refused. */
  partnerStorageQuotaMegabytes: number;
  /** Rendered pages kept in memory while the data version and the minute are unchanged (core/cache), and their memory. */
  pageCache: { enabled: boolean; maxMegabytes: number };
  /** Demo mode lists the demo accounts on the sign-in page; only `better serve --demo` turns it on. */
  demo: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment (empty strings count as unset) into a typed configuration or throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, dataDir: e.DATA_DIR, preparedStatements: e.DATABASE_PREPARED_STATEMENTS },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    cookieSecret: e.COOKIE_SECRET,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    workerPollMs: Math.round(e.WORKER_POLL_SECONDS * 1000),
    participantRetentionMonths: e.PARTICIPANT_RETENTION_MONTHS,
    partnerStorageQuotaMegabytes: e.PARTNER_STORAGE_QUOTA_MB,
    pageCache: { enabled: e.PAGE_CACHE, maxMegabytes: e.PAGE_CACHE_MB },
    demo: false,
    ...overrides,
  };
}
