// The forms the fleet and board pages share.
import { api } from '../api.js';
import { h, field, actionForm, announce } from '../dom.js';

export function registerGatewayForm(onDone) {
  const name = h('input', { required: true });
  const url = h('input', { required: true, placeholder: 'ws://127.0.0.1:18789' });
  const root = h('input', { required: true, placeholder: '~/.openclaw/workspaces' });
  const token = h('input', { type: 'password', autocomplete: 'off' });
  const insecure = h('input', { type: 'checkbox' });
  const noPairing = h('input', { type: 'checkbox' });
  return actionForm('inline', [
    field('Gateway name', name), field('Gateway URL', url), field('Workspace root', root), field('Gateway token', token),
    field('Accept a self-signed certificate', insecure, { check: true }), field('Without device pairing', noPairing, { check: true }),
  ], 'Register gateway', async () => {
    const gateway = await api.post('/api/v1/gateways', {
      name: name.value, url: url.value, workspace_root: root.value, token: token.value || null,
      allow_insecure_tls: insecure.checked, disable_device_pairing: noPairing.checked,
    });
    announce(`Gateway ${gateway.name} registered.`);
    onDone(gateway);
  });
}

export function createBoardForm(gateways, onDone) {
  const name = h('input', { required: true });
  const description = h('input', { required: true });
  const gateway = h('select', { required: true }, gateways.map(g => h('option', { value: g.id }, g.name)));
  const maxAgents = h('input', { type: 'number', min: '1', value: '10' });
  return actionForm('inline', [
    field('Board name', name), field('Description', description), field('Gateway', gateway), field('Most agents', maxAgents),
  ], 'Create board', async () => {
    const board = await api.post('/api/v1/boards', {
      name: name.value, description: description.value, gateway_id: gateway.value, max_agents: Number(maxAgents.value),
    });
    announce(`Board ${board.name} created.`);
    onDone(board);
  });
}

export function createAgentForm(boards, onDone) {
  const name = h('input', { required: true });
  const board = h('select', { required: true }, boards.map(b => h('option', { value: b.id }, b.name)));
  return actionForm('inline', [field('Agent name', name), field('Board', board)], 'Create agent', async () => {
    const agent = await api.post('/api/v1/agents', { name: name.value, board_id: board.value });
    announce(`Agent ${agent.name} created; it is being provisioned.`);
    name.value = '';
    onDone(agent);
  });
}
