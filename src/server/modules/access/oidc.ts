/**
 * OpenID Connect sign-in (authorization code flow with PKCE) for municipalities with their own identity provider.
 * The state, nonce and PKCE verifier of a pending sign-in live in a short-lived HttpOnly cookie bound to the
 * callback path; the identity provider's answer is checked by openid-client.
 */
import * as client from 'openid-client';
import { ROLES, type Role } from '../../../shared/access.ts';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  /** Text of the sign-in button, e.g. "Aanmelden met het account van uw gemeente". */
  label: string;
  /** Base URL of this installation, for the redirect URI (`<publicUrl>/api/auth/oidc/callback`). */
  publicUrl: string;
  /** Claim naming the user's organisation (its name or number) and claim naming the role, when the IdP sends them. */
  organisationClaim?: string | undefined;
  roleClaim?: string | undefined;
  /**
   * Organisations (numbers or names) this identity provider may place users in through its claims. Without it,
   * claims create no users: a beheerder adds them first. One municipality's provider must not be able to assert
   * membership of the police or of another gemeente.
   */
  claimableOrganisations?: string[] | undefined;
  /** Allows an http:// issuer: tests and local development only. */
  allowInsecure?: boolean | undefined;
};

export const OIDC_COOKIE = 'ketenzicht_oidc';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

export type OidcClaims = {
  subjectKey: string;
  email?: string | undefined;
  emailVerified: boolean;
  name?: string | undefined;
  organisation?: string | undefined;
  role?: Role | undefined;
};

export function createOidcLogin(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
        config.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in, the provider may be back
        throw error;
      });
    return discovered;
  };
  const redirectUri = new URL(OIDC_CALLBACK_PATH, config.publicUrl).toString();

  return {
    label: config.label,
    claimableOrganisations: config.claimableOrganisations ?? [],
    /** Where to send the browser, and the cookie value that must come back with the callback. */
    async start(): Promise<{ url: string; cookie: string }> {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.toString(), cookie: [state, nonce, verifier].join('.') };
    },
    /** Exchanges the code and returns the verified claims; throws when anything does not match. */
    async finish(callbackUrl: URL, cookie: string | undefined): Promise<OidcClaims> {
      const [state, nonce, verifier] = (cookie ?? '').split('.');
      if (!state || !nonce || !verifier)
        throw Object.assign(new Error('no pending sign-in for this browser'), { code: 'NO_PENDING_SIGN_IN' });
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the identity provider sent no ID token');
      // Providers that follow OIDC Core 5.4 put e-mail and profile claims in UserInfo, not in the ID token.
      // The ID token wins where both have a claim: it is the signed one.
      const userInfo = await client.fetchUserInfo(await configuration(), tokens.access_token, idClaims.sub);
      const claims: Record<string, unknown> = { ...userInfo, ...idClaims };
      const text = (name: string | undefined) => {
        const value = name ? claims[name] : undefined;
        return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      };
      const role = text(config.roleClaim);
      return {
        subjectKey: `${claims.iss}|${claims.sub}`,
        email: text('email'),
        emailVerified: claims.email_verified === true,
        name: text('name'),
        organisation: text(config.organisationClaim),
        // Never beheerder from a claim: that role is given inside Ketenzicht only.
        role: ROLES.find((known) => known === role && known !== 'beheerder'),
      };
    },
  };
}

export type OidcLogin = ReturnType<typeof createOidcLogin>;
