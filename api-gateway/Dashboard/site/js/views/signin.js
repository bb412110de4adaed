import { api, session } from '../api.js';
import { h, field, heading } from '../dom.js';
import { beginSignIn } from '../oidc.js';

/**
 * Sign-in: with the identity provider when the service names one (AUTH_MODE=jwt with
 * OIDC_CLIENT_ID), and always with a pasted token (the local token, or a bearer token).
 */
export async function signInView(main, { onSignedIn, problem }) {
  const config = await fetch('/dashboard/config.json').then(response => response.json()).catch(() => ({}));
  const token = h('input', { type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = h('p', { class: 'error', role: 'alert', hidden: !problem }, problem ?? '');
  const showProblem = message => {
    error.textContent = message;
    error.hidden = false;
  };
  const issuer = config.oidc ? h('div', {},
    h('button', { type: 'button', onclick: () => beginSignIn(config.oidc).catch(failure => showProblem(failure.message)) },
      'Sign in with your identity provider'),
    h('p', { class: 'note' }, 'Or paste a token:')) : null;
  const form = h('form', { class: 'signin' },
    heading('Sign in'),
    issuer,
    h('p', { class: 'note' }, config.auth_mode === 'jwt'
      ? 'Paste a bearer token issued for this service.'
      : 'Use the service\'s local token (.mc/local-auth-token).'),
    field('Access token', token),
    h('button', { type: 'submit' }, 'Sign in'),
    error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    session.signIn(token.value.trim());
    try {
      await api.get('/api/v1/users/me');
      onSignedIn();
    } catch (failure) {
      session.signOut();
      showProblem(failure.status === 401 || failure.status === 403
        ? 'The service refused this token. Check it and try again.'
        : failure.message);
      token.focus();
    }
  });
  main.append(form);
  token.focus();
}
