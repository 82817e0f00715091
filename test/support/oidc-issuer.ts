/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1 over http, with one confidential client, for
 * testing the sign-in flow end to end. The "user" at the provider is played by `signIn`, which follows the
 * provider's redirects with a small cookie jar, like a browser, and logs in as the given account when the provider
 * asks (a custom interaction at `/interaction/<uid>`; the consent prompt is granted the same way).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the provider knows about a user; `sub` is also the login name. */
export type IssuerAccount = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  ketenzicht_organisation?: string;
  ketenzicht_role?: string;
};

export type TestIssuer = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by `sub`; add to it at any time. */
  accounts: Map<string, IssuerAccount>;
  /** Plays the browser from the authorization URL to the redirect back to the client; returns that URL. */
  signIn(authorizationUrl: string, sub: string): Promise<URL>;
  close(): Promise<void>;
};

export const ORGANISATION_CLAIM = 'ketenzicht_organisation';
export const ROLE_CLAIM = 'ketenzicht_role';

const ACCOUNT_HEADER = 'x-test-account';

// oidc-provider ships no type declarations (and @types/oidc-provider is not installed): the few members used here.
type Grant = {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
};
type InteractionDetails = {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, unknown>;
  session?: { accountId: string };
  grantId?: string;
};
type Provider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
};
type ProviderClass = new (issuer: string, configuration: object) => Provider;

let providerClass: Promise<ProviderClass> | undefined;

/**
 * Runs `work` without oidc-provider's two warnings that are expected here: Node 20 is older than the LTS it wants,
 * and its in-memory store is for development only (a test provider lives as long as the test).
 */
async function withoutExpectedWarnings<T>(work: () => T | Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = String(args[0]);
    if (!text.includes('Unsupported runtime') && !text.includes('in-memory adapter')) warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

function loadProvider(): Promise<ProviderClass> {
  providerClass ??= withoutExpectedWarnings(async () => {
    const specifier = 'oidc-provider'; // a variable: the package has no types to resolve
    const module: { default: ProviderClass } = await import(specifier);
    return module.default;
  });
  return providerClass;
}

export async function startTestIssuer(options: {
  redirectUri: string;
  /**
   * oidc-provider's default (true) follows OpenID Connect Core 5.4: with the code flow, claims requested by scope
   * (email, profile) come from the UserInfo endpoint and the ID token holds only `sub`. Set false to put them in
   * the ID token as well, as many providers do.
   */
  conformIdTokenClaims?: boolean;
}): Promise<TestIssuer> {
  const Provider = await loadProvider();
  let provider: Provider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (!provider || !handle) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientId = 'ketenzicht';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, IssuerAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = await withoutExpectedWarnings(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [options.redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
        cookies: { keys: [randomBytes(32).toString('base64url')] },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name', ORGANISATION_CLAIM, ROLE_CLAIM],
        },
        conformIdTokenClaims: options.conformIdTokenClaims ?? true,
        features: { devInteractions: { enabled: false } },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
        },
        async findAccount(_ctx: unknown, sub: string) {
          const account = accounts.get(sub);
          if (!account) return undefined;
          return { accountId: sub, claims: async () => ({ ...account }) };
        },
        // Keep the test output quiet: no request errors printed by Koa.
        renderError(ctx: { type: string; body: string }, out: Record<string, string>) {
          ctx.type = 'text';
          ctx.body = JSON.stringify(out);
        },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
      }),
  );
  handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signIn: (authorizationUrl, sub) => followAsBrowser(authorizationUrl, sub, options.redirectUri),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The login and consent pages of the provider, answered at once for the account named in the request header. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    const sub = req.headers[ACCOUNT_HEADER];
    if (typeof sub !== 'string') throw new Error('no account to log in with');
    await provider.interactionFinished(req, res, { login: { accountId: sub } });
    return;
  }
  if (details.prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session?.accountId ?? '',
          clientId: String(details.params.client_id),
        });
    if (!grant) throw new Error('grant not found');
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
    return;
  }
  throw new Error(`unexpected prompt ${details.prompt.name}`);
}

async function followAsBrowser(start: string, sub: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: {
        [ACCOUNT_HEADER]: sub,
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.trim().split('=');
        return (
          (key.toLowerCase() === 'expires' && new Date(setting).getTime() < Date.now()) ||
          (key.toLowerCase() === 'max-age' && Number(setting) <= 0)
        );
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
    await response.body?.cancel();
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return url;
  }
  throw new Error('too many redirects at the provider');
}
