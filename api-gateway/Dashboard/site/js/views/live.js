// Agents' changes as they happen, for as long as the page is shown.
import { stream } from '../api.js';

/** The newest change among agents already shown: where a stream for them starts. */
export function newestChange(agents) {
  let newest;
  for (const agent of agents) if (!newest || agent.updated_at > newest) newest = agent.updated_at;
  return newest;
}

/**
 * Calls onAgent(agent) for every agent that changes (optionally of one board) after `since`
 * (the newest `updated_at` the page already shows), and onProblem(error) when the stream breaks;
 * it then reconnects a few seconds later from the newest change it has seen, so nothing that
 * happened meanwhile is missed (by the service's clock, not the browser's).
 */
export function followAgents({ boardId, since, onAgent, onProblem, signal }) {
  let cursor = since ?? new Date(Date.now() - 5000).toISOString();
  const run = async () => {
    while (!signal.aborted) {
      const filter = boardId ? `&board_id=${boardId}` : '';
      try {
        await stream('GET', `/api/v1/agents/stream?since=${encodeURIComponent(cursor)}${filter}`, (name, data) => {
          if (name !== 'agent') return;
          if (data.agent.updated_at > cursor) cursor = data.agent.updated_at;
          onAgent(data.agent);
        }, signal);
      } catch (error) {
        if (error.name === 'AbortError') return;
        onProblem?.(error);
      }
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  };
  run();
}
