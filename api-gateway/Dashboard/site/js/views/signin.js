import { api, session } from '../api.js';
import { h, field, heading } from '../dom.js';

/** Sign-in with a token: the local token, or a bearer token from the identity provider. */
export function signInView(main, { onSignedIn, problem }) {
  const token = h('input', { type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = h('p', { class: 'error', role: 'alert', hidden: !problem }, problem ?? '');
  const form = h('form', { class: 'signin' },
    heading('Sign in'),
    h('p', { class: 'note' }, 'Use the service\'s local token (.mc/local-auth-token) or a bearer token from your identity provider.'),
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
      error.textContent = failure.status === 401 || failure.status === 403
        ? 'The service refused this token. Check it and try again.'
        : failure.message;
      error.hidden = false;
      token.focus();
    }
  });
  main.append(form);
  token.focus();
}
