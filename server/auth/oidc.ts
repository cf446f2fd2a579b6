/**
 * OIDC sign-in (authorization code flow with PKCE, state and nonce) through openid-client: discovery, the
 * authorization redirect, the code exchange and ID token validation are the library's. What is Palisade's:
 * the flow's short-lived signed cookie, the email-domain allow-list and the role claim mapping.
 */
import { createHash, createHmac } from 'node:crypto';
import * as client from 'openid-client';
import type { UserRole } from '../storage/storage.js';
import { sameSecret } from './secrets.js';

export interface OidcSettings {
  /** The issuer identifier: discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered at the identity provider; its path is /login/oidc/callback. */
  redirectUrl: string;
  /** Slug of the organisation that users land in. */
  organization: string;
  /** The claim that carries admin, analyst or viewer (a string or an array); none: everyone is a viewer. */
  roleClaim?: string;
  /** Lower-case email domains allowed to sign in; empty: any. */
  allowedDomains: string[];
  scopes: string;
}

export const OIDC_CALLBACK_PATH = '/login/oidc/callback';
/** The flow's cookie lives this long: the time to sign in at the identity provider. */
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;

/** Who signed in, as Palisade provisions them. */
export interface OidcIdentity {
  /** "<issuer> <sub>": the identity, whatever its username or email becomes. */
  subject: string;
  /** The email when the provider gives one, else the subject identifier. */
  username: string;
  email: string | null;
  /** The role from the role claim, or undefined when no role claim is configured. */
  role: UserRole | undefined;
}

/** A sign-in refused for a reason that can be shown and audited (never a token or a claim value). */
export class OidcSignInError extends Error {
  constructor(
    readonly reason: 'flow-expired' | 'state-mismatch' | 'provider-error' | 'no-email' | 'domain-not-allowed',
    message: string,
  ) {
    super(message);
  }
}

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  expiresAt: number;
}

const ROLE_ORDER: readonly UserRole[] = ['admin', 'analyst', 'viewer'];

/** True for an http issuer on the loopback interface (a local test IdP): anything else must be https. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The OIDC relying party for one configured identity provider. */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;
  private readonly cookieKey: Buffer;

  constructor(readonly settings: OidcSettings) {
    // The flow cookie is signed with a key derived from the client secret: every replica has it, none stores it.
    this.cookieKey = createHash('sha256').update(`palisade-oidc-flow\0${settings.clientSecret}`).digest();
  }

  /** Discovery runs once per process; a failure is retried at the next sign-in. */
  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        undefined,
        client.ClientSecretPost(this.settings.clientSecret),
        isLoopbackHttp(new URL(this.settings.issuer)) ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** The identity provider's authorization URL, and the signed cookie value that the callback checks. */
  async start(next: string, now = Date.now()): Promise<{ url: string; cookie: string }> {
    const configuration = await this.discover();
    const flow: FlowState = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next,
      expiresAt: now + OIDC_FLOW_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: this.sign(flow) };
  }

  /**
   * Completes the flow from the callback's query string and the flow cookie: the code exchange and the ID
   * token checks (issuer, audience, signature, expiry, nonce) by openid-client, then the allow-list.
   */
  async finish(
    search: string,
    cookie: string | undefined,
    now = Date.now(),
  ): Promise<{ identity: OidcIdentity; next: string }> {
    const flow = cookie === undefined ? undefined : this.verify(cookie);
    if (!flow || flow.expiresAt < now) {
      throw new OidcSignInError(
        'flow-expired',
        'The sign-in took too long or did not start here. Try again.',
      );
    }
    const configuration = await this.discover();
    const callback = new URL(this.settings.redirectUrl);
    callback.search = search;
    if (callback.searchParams.get('state') !== flow.state) {
      throw new OidcSignInError('state-mismatch', 'The sign-in response does not belong to this browser.');
    }
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      const detail =
        error instanceof client.AuthorizationResponseError
          ? `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`
          : error instanceof Error
            ? error.message
            : String(error);
      throw new OidcSignInError('provider-error', `The identity provider refused the sign-in (${detail}).`);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new OidcSignInError('provider-error', 'The identity provider sent no ID token.');
    let claims: Record<string, unknown> = idToken;
    const roleClaim = this.settings.roleClaim;
    // Conformant providers may put profile claims in UserInfo only: ask it when the ID token lacks them.
    const missing =
      idToken.email === undefined || (roleClaim !== undefined && idToken[roleClaim] === undefined);
    if (missing && configuration.serverMetadata().userinfo_endpoint) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...userInfo, ...idToken };
    }
    return { identity: this.identity(idToken.sub, claims), next: flow.next };
  }

  private identity(sub: string, claims: Record<string, unknown>): OidcIdentity {
    const email =
      typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.toLowerCase() : null;
    const { allowedDomains, roleClaim } = this.settings;
    if (allowedDomains.length > 0) {
      if (email === null || claims.email_verified === false) {
        throw new OidcSignInError('no-email', 'The identity provider gave no verified email address.');
      }
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (!allowedDomains.includes(domain)) {
        throw new OidcSignInError('domain-not-allowed', `Accounts of ${domain} may not sign in here.`);
      }
    }
    return {
      subject: `${this.settings.issuer} ${sub}`,
      username: email ?? sub,
      email,
      role: roleClaim === undefined ? undefined : roleFromClaim(claims[roleClaim]),
    };
  }

  private sign(flow: FlowState): string {
    const body = Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
    return `${body}.${createHmac('sha256', this.cookieKey).update(body).digest('base64url')}`;
  }

  private verify(cookie: string): FlowState | undefined {
    const [body, mac] = cookie.split('.');
    if (!body || !mac) return undefined;
    if (!sameSecret(mac, createHmac('sha256', this.cookieKey).update(body).digest('base64url')))
      return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as FlowState;
    } catch {
      return undefined;
    }
  }
}

/** The highest of admin, analyst and viewer among the claim's values; viewer when none is there. */
export function roleFromClaim(value: unknown): UserRole {
  const values = (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string',
  );
  const lower = new Set(values.map((item) => item.trim().toLowerCase()));
  return ROLE_ORDER.find((role) => lower.has(role)) ?? 'viewer';
}
