import path from 'node:path';
import { z } from 'zod';
import { UserError } from './errors.ts';

/** Environment variables Ketenzicht reads, validated once at boot. Documented in `.env.example`. */
const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Folder of the embedded PGlite database; ignored when DATABASE_URL is set. */
  KETENZICHT_DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… to run on a PostgreSQL server (15 or newer) instead of PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL moet beginnen met postgres:// of postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Address users reach Ketenzicht at (for one-time links and the OIDC redirect); default http://HOST:PORT. */
  KETENZICHT_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'KETENZICHT_PUBLIC_URL moet een http(s)-adres zijn' })
    .optional(),
  /**
   * Behind a reverse proxy: how many proxies to trust (e.g. 1) or their addresses (e.g. 10.0.0.1,10.0.0.0/24).
   * Not "true": trusting every hop would let any client forge its address in X-Forwarded-For.
   */
  KETENZICHT_TRUST_PROXY: z
    .string()
    .regex(
      /^(false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'KETENZICHT_TRUST_PROXY moet false zijn, een aantal proxies (bijv. 1) of hun adressen (bijv. 10.0.0.1,10.0.0.0/24)',
    )
    .default('false'),
  /** The pseudonymisation secret (hex or base64, ≥ 32 bytes); else a key file, see KETENZICHT_PSEUDONYM_KEY_FILE. */
  KETENZICHT_PSEUDONYM_KEY: z.string().min(1).optional(),
  /** Where the pseudonymisation key file is (created on first use); default beside the data folder. */
  KETENZICHT_PSEUDONYM_KEY_FILE: z.string().min(1).optional(),
  KETENZICHT_OIDC_ISSUER: z.url({ error: 'KETENZICHT_OIDC_ISSUER moet een adres zijn' }).optional(),
  KETENZICHT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KETENZICHT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  KETENZICHT_OIDC_LABEL: z.string().min(1).default('Aanmelden via uw organisatie'),
  KETENZICHT_OIDC_ORGANISATION_CLAIM: z.string().min(1).optional(),
  KETENZICHT_OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  /** Comma-separated organisation numbers or names the provider's claims may place users in. */
  KETENZICHT_OIDC_ORGANISATIONS: z.string().min(1).optional(),
});

export type AppConfig = {
  host: string;
  port: number;
  dataDir: string;
  /** The pseudonymisation secret: the variable's text, else the key file (created on first use). */
  pseudonymKey: { keyText: string | undefined; keyFile: string };
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  publicUrl: string;
  /** false, a number of trusted hops, or trusted proxy addresses (comma-separated). */
  trustProxy: false | number | string;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        label: string;
        organisationClaim: string | undefined;
        roleClaim: string | undefined;
        claimableOrganisations: string[];
      }
    | undefined;
};

export class ConfigError extends UserError {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as in most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  if (values.KETENZICHT_OIDC_ISSUER && !values.KETENZICHT_OIDC_CLIENT_ID)
    throw new ConfigError(
      'Invalid configuration:\n  KETENZICHT_OIDC_CLIENT_ID is needed with KETENZICHT_OIDC_ISSUER',
    );
  const hostInUrl = values.HOST.includes(':') ? `[${values.HOST}]` : values.HOST;
  return {
    publicUrl: values.KETENZICHT_PUBLIC_URL ?? `http://${hostInUrl}:${values.PORT}`,
    trustProxy:
      values.KETENZICHT_TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(values.KETENZICHT_TRUST_PROXY)
          ? Number(values.KETENZICHT_TRUST_PROXY)
          : values.KETENZICHT_TRUST_PROXY,
    oidc:
      values.KETENZICHT_OIDC_ISSUER && values.KETENZICHT_OIDC_CLIENT_ID
        ? {
            issuer: values.KETENZICHT_OIDC_ISSUER,
            clientId: values.KETENZICHT_OIDC_CLIENT_ID,
            clientSecret: values.KETENZICHT_OIDC_CLIENT_SECRET,
            label: values.KETENZICHT_OIDC_LABEL,
            organisationClaim: values.KETENZICHT_OIDC_ORGANISATION_CLAIM,
            roleClaim: values.KETENZICHT_OIDC_ROLE_CLAIM,
            claimableOrganisations: (values.KETENZICHT_OIDC_ORGANISATIONS ?? '')
              .split(',')
              .map((entry) => entry.trim())
              .filter(Boolean),
          }
        : undefined,
    host: values.HOST,
    port: values.PORT,
    dataDir: path.resolve(values.KETENZICHT_DATA_DIR),
    pseudonymKey: {
      keyText: values.KETENZICHT_PSEUDONYM_KEY,
      keyFile: values.KETENZICHT_PSEUDONYM_KEY_FILE
        ? path.resolve(values.KETENZICHT_PSEUDONYM_KEY_FILE)
        : path.join(path.dirname(path.resolve(values.KETENZICHT_DATA_DIR)), 'ketenzicht-pseudoniem.key'),
    },
    databaseUrl: values.DATABASE_URL,
    logLevel: values.LOG_LEVEL,
  };
}
