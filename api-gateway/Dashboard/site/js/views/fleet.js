import { api, listAll } from '../api.js';
import { h, heading, statusBadge, table, time, count } from '../dom.js';
import { registerGatewayForm, createBoardForm, createAgentForm } from './forms.js';
import { followAgents, newestChange } from './live.js';

const PAGE_SIZE = 50;
const STATUSES = ['online', 'offline', 'provisioning', 'updating', 'failed', 'deleting'];

/** The fleet at a glance: counts by status, gateways, boards, and every agent, live. */
export async function fleetView(main, { signal, refresh }) {
  const [gateways, boards, agentList] = await Promise.all([
    listAll('/api/v1/gateways'), listAll('/api/v1/boards'), listAll('/api/v1/agents')]);
  const agents = new Map(agentList.map(agent => [agent.id, agent]));
  const boardNames = new Map(boards.map(board => [board.id, board.name]));
  const gatewayNames = new Map(gateways.map(gateway => [gateway.id, gateway.name]));

  const counts = h('ul', { class: 'counts', 'aria-label': 'Agents by status' });
  const live = h('p', { class: 'note' }, 'Live: status changes appear as they happen.');
  const filter = { status: '', search: '', page: 0 };
  const agentRows = h('div');

  const renderCounts = () => {
    const byStatus = new Map();
    for (const agent of agents.values()) byStatus.set(agent.status, (byStatus.get(agent.status) ?? 0) + 1);
    counts.replaceChildren(
      h('li', {}, h('strong', {}, String(agents.size)), agents.size === 1 ? 'agent' : 'agents'),
      ...[...byStatus].sort().map(([status, n]) => h('li', { 'data-status': status }, h('strong', {}, String(n)), status)));
  };

  const renderAgents = () => {
    const wanted = [...agents.values()]
      .filter(agent => !filter.status || agent.status === filter.status)
      .filter(agent => !filter.search || agent.name.toLowerCase().includes(filter.search.toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name));
    const pages = Math.max(1, Math.ceil(wanted.length / PAGE_SIZE));
    filter.page = Math.min(filter.page, pages - 1);
    const shown = wanted.slice(filter.page * PAGE_SIZE, (filter.page + 1) * PAGE_SIZE);
    agentRows.replaceChildren(
      wanted.length === 0 ? h('p', { class: 'note' }, 'No agents match.') : table(
        ['Agent', 'Status', 'Role', 'Board', 'Last seen'],
        shown.map(agent => h('tr', { 'data-agent-id': agent.id },
          h('td', {}, h('a', { href: `#/agents/${agent.id}` }, agent.name)),
          h('td', {}, statusBadge(agent.status)),
          h('td', {}, agent.is_gateway_main ? 'gateway main' : agent.is_board_lead ? 'lead' : 'worker'),
          h('td', {}, agent.board_id ? h('a', { href: `#/boards/${agent.board_id}` }, boardNames.get(agent.board_id) ?? 'board') : '—'),
          h('td', {}, time(agent.last_seen_at))))),
      h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: filter.page === 0, onclick: () => { filter.page--; renderAgents(); } }, 'Previous'),
        h('span', {}, `Page ${filter.page + 1} of ${pages} (${count(wanted.length, 'agent')})`),
        h('button', { type: 'button', class: 'secondary', disabled: filter.page >= pages - 1, onclick: () => { filter.page++; renderAgents(); } }, 'Next')));
  };

  const statusFilter = h('select', { id: 'status-filter', onchange: e => { filter.status = e.target.value; filter.page = 0; renderAgents(); } },
    h('option', { value: '' }, 'All statuses'), STATUSES.map(status => h('option', { value: status }, status)));
  const search = h('input', { id: 'agent-search', type: 'search', oninput: e => { filter.search = e.target.value; filter.page = 0; renderAgents(); } });

  main.append(
    heading('Fleet'),
    h('section', { 'aria-labelledby': 'counts-heading' }, h('h2', { id: 'counts-heading' }, 'Agents by status'), counts, live),
    h('section', { 'aria-labelledby': 'gateways-heading' },
      h('h2', { id: 'gateways-heading' }, 'Gateways'),
      gateways.length === 0 ? h('p', { class: 'note' }, 'No gateways yet: register one to put agents on it.') : table(
        ['Gateway', 'URL', 'Workspace root'],
        gateways.map(gateway => h('tr', {},
          h('td', {}, h('a', { href: `#/gateways/${gateway.id}` }, gateway.name)), h('td', {}, gateway.url), h('td', {}, gateway.workspace_root)))),
      h('details', {}, h('summary', {}, 'Register a gateway'), registerGatewayForm(refresh))),
    h('section', { 'aria-labelledby': 'boards-heading' },
      h('h2', { id: 'boards-heading' }, 'Boards'),
      boards.length === 0 ? h('p', { class: 'note' }, 'No boards yet.') : table(
        ['Board', 'Gateway', 'Most agents', 'Paused'],
        boards.map(board => h('tr', {},
          h('td', {}, h('a', { href: `#/boards/${board.id}` }, board.name)), h('td', {}, gatewayNames.get(board.gateway_id) ?? '—'),
          h('td', {}, String(board.max_agents)), h('td', {}, board.is_paused ? 'yes' : 'no')))),
      gateways.length > 0 ? h('details', {}, h('summary', {}, 'Create a board'), createBoardForm(gateways, refresh)) : null),
    h('section', { 'aria-labelledby': 'agents-heading' },
      h('h2', { id: 'agents-heading' }, 'Agents'),
      h('div', { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: 'status-filter' }, 'Status'), statusFilter),
        h('div', { class: 'field' }, h('label', { for: 'agent-search' }, 'Search agents'), search)),
      agentRows,
      boards.length > 0 ? h('details', {}, h('summary', {}, 'Create an agent'), createAgentForm(boards, agent => { agents.set(agent.id, agent); renderCounts(); renderAgents(); })) : null));

  renderCounts();
  renderAgents();
  followAgents({
    since: newestChange(agentList),
    signal,
    onAgent: agent => {
      live.textContent = 'Live: status changes appear as they happen.';
      if (agent.status === 'deleted') agents.delete(agent.id);
      else agents.set(agent.id, agent);
      renderCounts();
      renderAgents();
    },
    onProblem: error => { live.textContent = `Live updates paused (${error.message}); reconnecting…`; },
  });
}
