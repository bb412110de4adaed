// Sign-in with the OpenID Connect issuer the service trusts: the authorization code flow with
// PKCE, as a public client, the service's own page as the redirect URI. The access token it
// returns is what the API checks (AUTH_MODE=jwt).
import { session } from './api.js';

const PENDING_KEY = 'mission-control.oidc';

function redirectUri() {
  return `${location.origin}/`;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

const trimmed = url => url.replace(/\/$/, '');

async function discover(authority) {
  const response = await fetch(`${trimmed(authority)}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The identity provider's metadata could not be read (${response.status}).`);
  const metadata = await response.json();
  // The metadata must be the issuer's own, as the service checks tokens against that issuer.
  if (trimmed(metadata.issuer ?? '') !== trimmed(authority)) throw new Error('The identity provider\'s metadata names another issuer.');
  return metadata;
}

/** Sends the browser to the issuer to sign in; it comes back to this page with a code. */
export async function beginSignIn(oidc) {
  const metadata = await discover(oidc.authority);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, tokenEndpoint: metadata.token_endpoint, clientId: oidc.client_id }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: oidc.client_id, redirect_uri: redirectUri(), scope: oidc.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${metadata.authorization_endpoint}?${query}`);
}

/**
 * On the way back from the issuer (?code=…&state=…): trades the code for a token and signs in.
 * Returns whether this page load was such a return; throws with the reason when it failed.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  // Only an answer to the sign-in this tab started counts, its refusals included.
  if (!pending || pending.state !== query.get('state')) throw new Error('This sign-in was not started here; sign in again.');
  if (query.has('error')) throw new Error(`The identity provider refused the sign-in: ${query.get('error_description') ?? query.get('error')}.`);
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
      client_id: pending.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`The identity provider did not issue a token (${response.status}).`);
  session.signIn((await response.json()).access_token);
  return true;
}
