// Agents' changes as they happen, for as long as the page is shown.
import { stream } from '../api.js';

/**
 * Calls onAgent(agent) for every agent that changes (optionally of one board), and
 * onProblem(error) when the stream breaks; it then reconnects a few seconds later.
 */
export function followAgents({ boardId, onAgent, onProblem, signal }) {
  const since = () => new Date(Date.now() - 5000).toISOString();
  const run = async () => {
    while (!signal.aborted) {
      const filter = boardId ? `&board_id=${boardId}` : '';
      try {
        await stream('GET', `/api/v1/agents/stream?since=${encodeURIComponent(since())}${filter}`,
          (name, data) => { if (name === 'agent') onAgent(data.agent); }, signal);
      } catch (error) {
        if (error.name === 'AbortError') return;
        onProblem?.(error);
      }
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  };
  run();
}
