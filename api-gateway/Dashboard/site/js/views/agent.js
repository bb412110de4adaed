import { api } from '../api.js';
import { h, heading, statusBadge, table, time, details, field, actionForm, announce } from '../dom.js';
import { followAgents } from './live.js';

const HISTORY_SHOWN = 100;

/** One agent: its details and actions, its history as a timeline, and its inbox. */
export async function agentView(main, { id, signal }) {
  let agent = await api.get(`/api/v1/agents/${id}`);
  const title = heading(agent.name);
  const facts = h('div');
  const history = h('div');
  const inbox = h('div');

  const renderFacts = () => {
    title.textContent = agent.name;
    facts.replaceChildren(details([
      ['Status', statusBadge(agent.status)],
      ['Role', agent.is_gateway_main ? 'gateway main' : agent.is_board_lead ? 'board lead' : 'worker'],
      ['Board', agent.board_id ? h('a', { href: `#/boards/${agent.board_id}` }, 'open board') : null],
      ['Gateway', h('a', { href: `#/gateways/${agent.gateway_id}` }, 'open gateway')],
      ['Session', agent.openclaw_session_id],
      ['Last seen', time(agent.last_seen_at)],
      ['Created', time(agent.created_at)],
      ['Id', agent.id],
    ]));
  };

  const loadHistory = async () => {
    const total = (await api.get(`/api/v1/agents/${id}/events?limit=1`)).total;
    const page = await api.get(`/api/v1/agents/${id}/events?limit=${HISTORY_SHOWN}&offset=${Math.max(0, total - HISTORY_SHOWN)}`);
    history.replaceChildren(page.items.length === 0 ? h('p', { class: 'note' }, 'Nothing has happened yet.') :
      h('ol', { class: 'timeline', 'aria-label': 'Events, newest first' }, page.items.slice().reverse().map(entry)));
  };

  const loadInbox = async () => {
    const page = await api.get(`/api/v1/agents/${id}/inbox?limit=50`);
    inbox.replaceChildren(page.items.length === 0 ? h('p', { class: 'note' }, 'No messages.') : table(
      ['From', 'Status', 'Attempts', 'Sent', 'Message'],
      page.items.map(message => h('tr', {},
        h('td', {}, message.sender_agent_name ?? '—'), h('td', {}, message.status), h('td', {}, String(message.attempts)),
        h('td', {}, time(message.created_at)), h('td', {}, message.content)))));
  };

  main.append(
    title,
    h('section', { 'aria-labelledby': 'agent-details' }, h('h2', { id: 'agent-details' }, 'Details'), facts, actions(agent, updated => { agent = updated; renderFacts(); loadHistory(); })),
    h('section', { 'aria-labelledby': 'agent-history' }, h('h2', { id: 'agent-history' }, 'History'), history),
    h('section', { 'aria-labelledby': 'agent-inbox' }, h('h2', { id: 'agent-inbox' }, 'Inbox'), inbox));
  renderFacts();
  await Promise.all([loadHistory(), loadInbox()]);

  followAgents({
    boardId: agent.board_id,
    since: agent.updated_at,
    signal,
    onAgent: changed => {
      if (changed.id !== id) return;
      agent = changed;
      renderFacts();
      loadHistory().catch(() => {});
    },
  });
}

function actions(agent, onChanged) {
  const name = h('input', { value: agent.name, required: true });
  const rename = actionForm('inline', [field('New name', name)], 'Rename', async () => {
    onChanged(await api.patch(`/api/v1/agents/${agent.id}`, { name: name.value }));
    announce('Agent renamed; it is being provisioned again.');
  });
  const retry = actionForm('inline', [], 'Provision again', async () => {
    onChanged(await api.patch(`/api/v1/agents/${agent.id}?force=true`, {}));
    announce('Provisioning again.');
  });
  let armed = false;
  const deleteButton = actionForm('inline', [], 'Delete agent', async form => {
    const button = form.querySelector('button');
    if (!armed) {
      armed = true;
      button.textContent = 'Really delete this agent?';
      return;
    }
    await api.delete(`/api/v1/agents/${agent.id}`);
    announce('Agent deleted.');
    location.hash = '#/';
  });
  deleteButton.querySelector('button').classList.add('danger');
  return h('div', {}, h('h3', {}, 'Actions'), rename, h('div', { class: 'toolbar' }, retry, deleteButton));
}

// One event of the history: what happened, when, by whom, and what it carried.
function entry(event) {
  const failure = /fail|error|refus/i.test(event.type);
  const data = Object.entries(event.data ?? {})
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`)
    .join(' · ');
  return h('li', { class: failure ? 'failure' : '' },
    h('div', { class: 'what' }, event.type),
    h('div', { class: 'when' }, `${time(event.occurred_at)}${event.actor ? ` · by ${event.actor}` : ''} · #${event.version}`),
    data ? h('div', { class: 'data' }, data) : null);
}
