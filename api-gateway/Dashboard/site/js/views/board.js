import { api, listAll } from '../api.js';
import { h, heading, statusBadge, table, time, details, field, actionForm } from '../dom.js';
import { createAgentForm } from './forms.js';
import { followAgents, newestChange } from './live.js';

/** A board: its agents (live), its tasks by status, and its chat. */
export async function boardView(main, { id, signal }) {
  const board = await api.get(`/api/v1/boards/${id}`);
  const [agentList, tasks, memory] = await Promise.all([
    listAll(`/api/v1/agents?board_id=${id}`), listAll(`/api/v1/boards/${id}/tasks`), api.get(`/api/v1/boards/${id}/memory?is_chat=true&limit=50`)]);
  const agents = new Map(agentList.map(agent => [agent.id, agent]));
  const agentRows = h('div');
  const chat = h('div');

  const renderAgents = () => agentRows.replaceChildren(agents.size === 0 ? h('p', { class: 'note' }, 'No agents on this board.') : table(
    ['Agent', 'Status', 'Role', 'Last seen'],
    [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)).map(agent => h('tr', { 'data-agent-id': agent.id },
      h('td', {}, h('a', { href: `#/agents/${agent.id}` }, agent.name)), h('td', {}, statusBadge(agent.status)),
      h('td', {}, agent.is_board_lead ? 'lead' : 'worker'), h('td', {}, time(agent.last_seen_at))))));

  const renderChat = items => chat.replaceChildren(items.length === 0 ? h('p', { class: 'note' }, 'Nothing posted yet.') :
    h('ol', { class: 'timeline' }, items.map(item => h('li', {},
      h('div', { class: 'when' }, `${time(item.created_at)}${item.source ? ` · ${item.source}` : ''}`), h('div', {}, item.content)))));

  const message = h('textarea', { required: true, rows: '2' });
  const post = actionForm('', [field('Message to the board', message)], 'Post to board chat', async () => {
    await api.post(`/api/v1/boards/${id}/memory`, { content: message.value, tags: ['chat'] });
    message.value = '';
    renderChat((await api.get(`/api/v1/boards/${id}/memory?is_chat=true&limit=50`)).items);
  });

  main.append(
    heading(board.name),
    h('section', {}, details([
      ['Description', board.description], ['Gateway', h('a', { href: `#/gateways/${board.gateway_id}` }, 'open gateway')],
      ['Most agents', String(board.max_agents)], ['Paused', board.is_paused ? 'yes' : 'no']])),
    h('section', { 'aria-labelledby': 'board-agents' }, h('h2', { id: 'board-agents' }, 'Agents'), agentRows,
      h('details', {}, h('summary', {}, 'Create an agent on this board'), createAgentForm([board], agent => { agents.set(agent.id, agent); renderAgents(); }))),
    h('section', { 'aria-labelledby': 'board-tasks' }, h('h2', { id: 'board-tasks' }, 'Tasks'), taskColumns(tasks, agents)),
    h('section', { 'aria-labelledby': 'board-chat' }, h('h2', { id: 'board-chat' }, 'Board chat'), chat, post));
  renderAgents();
  renderChat(memory.items);
  followAgents({ boardId: id, since: newestChange(agentList), signal, onAgent: agent => { agents.set(agent.id, agent); renderAgents(); } });
}

function taskColumns(tasks, agents) {
  if (tasks.length === 0) return h('p', { class: 'note' }, 'No tasks yet.');
  const byStatus = Map.groupBy(tasks, task => task.status);
  return h('div', { class: 'columns' }, [...byStatus].map(([status, list]) => h('div', {},
    h('h3', {}, `${status} (${list.length})`),
    h('ul', {}, list.map(task => h('li', {}, task.title,
      task.assigned_agent_id ? h('div', { class: 'note' }, agents.get(task.assigned_agent_id)?.name ?? 'assigned') : null))))));
}
