// The dashboard's shell: sign-in, the routes (#/, #/agents/<id>, #/boards/<id>,
// #/gateways/<id>, #/cluster) and the view shown for each.
import { session } from './api.js';
import { completeSignIn } from './oidc.js';
import { h, errorMessage } from './dom.js';
import { signInView } from './views/signin.js';
import { fleetView } from './views/fleet.js';
import { agentView } from './views/agent.js';
import { boardView } from './views/board.js';
import { gatewayView } from './views/gateway.js';
import { clusterView } from './views/cluster.js';

const id = '([0-9a-f-]{36})';
const routes = [
  [new RegExp('^#?/?$'), fleetView],
  [new RegExp(`^#/agents/${id}$`), agentView],
  [new RegExp(`^#/boards/${id}$`), boardView],
  [new RegExp(`^#/gateways/${id}$`), gatewayView],
  [new RegExp('^#/cluster$'), clusterView],
];

let leaving = new AbortController();

// Each view is built off-page and shown only if the person has not moved on meanwhile, so a
// slow page never lands on top of the next one.
async function show() {
  leaving.abort();
  leaving = new AbortController();
  const signal = leaving.signal;
  const main = document.getElementById('view');
  const page = document.createElement('div');
  const display = () => {
    if (!signal.aborted) main.replaceChildren(page);
  };
  document.getElementById('nav').hidden = !session.token;
  if (!session.token) {
    const problem = signInProblem;
    signInProblem = undefined;
    main.replaceChildren(page);
    await signInView(page, { onSignedIn: show, problem });
    return;
  }
  main.replaceChildren(h('p', { class: 'note' }, 'Loading…'));
  const match = routes.map(([pattern, view]) => [pattern.exec(location.hash), view]).find(([found]) => found);
  if (!match) {
    page.append(errorMessage(new Error('There is no such page.')));
    display();
    return;
  }
  const [found, view] = match;
  try {
    await view(page, { id: found[1], signal, refresh: show });
  } catch (error) {
    if (error.name === 'AbortError' || signal.aborted) return;
    if (error.status === 401) {
      session.signOut();
      signInProblem = 'The service no longer accepts your token. Sign in again.';
      show();
      return;
    }
    page.append(errorMessage(error));
  }
  display();
  page.querySelector('h1')?.focus();
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '#/';
  show();
});
window.addEventListener('hashchange', show);

// Back from the identity provider: trade its code for a token first.
let signInProblem;
try {
  await completeSignIn();
} catch (error) {
  signInProblem = error.message;
}
show();
