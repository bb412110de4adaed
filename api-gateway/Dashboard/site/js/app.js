// The dashboard's shell: sign-in, the routes (#/, #/agents/<id>, #/boards/<id>,
// #/gateways/<id>, #/cluster) and the view shown for each.
import { session } from './api.js';
import { completeSignIn } from './oidc.js';
import { errorMessage } from './dom.js';
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

async function show() {
  leaving.abort();
  leaving = new AbortController();
  const main = document.getElementById('view');
  main.replaceChildren();
  document.getElementById('nav').hidden = !session.token;
  if (!session.token) {
    const problem = signInProblem;
    signInProblem = undefined;
    await signInView(main, { onSignedIn: show, problem });
    return;
  }
  const match = routes.map(([pattern, view]) => [pattern.exec(location.hash), view]).find(([found]) => found);
  if (!match) {
    main.append(errorMessage(new Error('There is no such page.')));
    return;
  }
  const [found, view] = match;
  try {
    await view(main, { id: found[1], signal: leaving.signal, refresh: show });
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (error.status === 401) {
      session.signOut();
      main.replaceChildren();
      await signInView(main, { onSignedIn: show, problem: 'The service no longer accepts your token. Sign in again.' });
      return;
    }
    main.append(errorMessage(error));
  }
  main.querySelector('h1')?.focus();
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
