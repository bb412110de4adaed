import { api, listAll, stream } from '../api.js';
import { h, heading, statusBadge, table, time, details, field, actionForm } from '../dom.js';

const SYNC_SWITCHES = [
  ['include_main', 'Include the gateway\'s main agent', true],
  ['lead_only', 'Board leads only', false],
  ['reset_sessions', 'Reset sessions', false],
  ['rotate_tokens', 'Rotate missing or wrong tokens', false],
  ['force_bootstrap', 'Rewrite BOOTSTRAP.md', false],
  ['overwrite', 'Overwrite the files agents keep', false],
];

/** A gateway: its settings, its agents, and a template sync followed as it runs. */
export async function gatewayView(main, { id }) {
  const gateway = await api.get(`/api/v1/gateways/${id}`);
  const agents = await listAll(`/api/v1/agents?gateway_id=${id}`);
  main.append(
    heading(gateway.name),
    h('section', {}, details([
      ['URL', gateway.url], ['Workspace root', gateway.workspace_root], ['Token', gateway.has_token ? 'set' : 'none'],
      ['Main agent', gateway.main_agent_id ? h('a', { href: `#/agents/${gateway.main_agent_id}` }, 'open main agent') : null],
      ['Registered', time(gateway.created_at)]])),
    h('section', { 'aria-labelledby': 'gateway-agents' }, h('h2', { id: 'gateway-agents' }, 'Agents'),
      agents.length === 0 ? h('p', { class: 'note' }, 'No agents on this gateway.') : table(['Agent', 'Status', 'Last seen'],
        agents.map(agent => h('tr', {}, h('td', {}, h('a', { href: `#/agents/${agent.id}` }, agent.name)),
          h('td', {}, statusBadge(agent.status)), h('td', {}, time(agent.last_seen_at)))))),
    h('section', { 'aria-labelledby': 'gateway-sync' }, h('h2', { id: 'gateway-sync' }, 'Template sync'), syncPanel(id)));
}

function syncPanel(gatewayId) {
  const switches = SYNC_SWITCHES.map(([name, label, on]) => [name, h('input', { type: 'checkbox', checked: on })]);
  const bar = h('progress', { max: '1', value: '0', 'aria-label': 'Template sync progress' });
  const said = h('p', { role: 'status' }, 'Not run yet.');
  const result = h('div');
  const agentsDone = h('tbody');
  const perAgent = h('div', { class: 'table-wrap', hidden: true },
    h('table', { 'aria-label': 'Agents synced' },
      h('thead', {}, h('tr', {}, ['Agent', 'Result'].map(text => h('th', { scope: 'col' }, text)))), agentsDone));
  const form = actionForm('', switches.map(([name, input]) => field(SYNC_SWITCHES.find(s => s[0] === name)[1], input, { check: true })),
    'Run template sync', async () => {
      const query = switches.map(([name, input]) => `${name}=${input.checked}`).join('&');
      result.replaceChildren();
      agentsDone.replaceChildren();
      perAgent.hidden = false;
      said.textContent = 'Starting…';
      let last = null;
      await stream('POST', `/api/v1/gateways/${gatewayId}/templates/sync?${query}`, (name, frame) => {
        last = frame;
        if (frame.agent) agentsDone.append(agentRow(frame.agent));
        bar.max = Math.max(1, frame.agents_total);
        bar.value = frame.agents_total === 0 ? 1 : frame.agents_done;
        said.textContent = frame.finished
          ? `Finished: ${frame.agents_done} of ${frame.agents_total} agents.`
          : `${frame.agents_done} of ${frame.agents_total} agents done…`;
      });
      // The status line above is a live region: it tells screen readers how the run went.
      if (last) result.replaceChildren(outcome(last.result));
    });
  return h('div', {}, form, bar, said, perAgent, result);
}

// One agent the run has done: updated, skipped (paused board) or failed with why.
function agentRow(agent) {
  return h('tr', { 'data-outcome': agent.outcome },
    h('td', {}, h('a', { href: `#/agents/${agent.agent_id}` }, agent.agent_name)),
    h('td', {}, agent.message ? `${agent.outcome}: ${agent.message}` : agent.outcome));
}

function outcome(result) {
  return h('div', {},
    details([
      ['Agents updated', String(result.agents_updated)], ['Agents skipped', String(result.agents_skipped)],
      ['Main agent updated', result.main_updated ? 'yes' : 'no'], ['Errors', String(result.errors.length)]]),
    // An error without an agent stopped the whole run; the agents' own are in the table above.
    result.errors.filter(error => !error.agent_id).map(error => h('p', { class: 'error' }, `The run stopped: ${error.message}`)));
}
