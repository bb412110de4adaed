import { api } from '../api.js';
import { h, heading, table, time, details } from '../dom.js';

/** The cluster: every silo the membership table knows, and which one answered. */
export async function clusterView(main) {
  const status = await api.get('/api/v1/system/status');
  main.append(
    heading('Cluster'),
    h('section', {}, details([
      ['Version', status.version], ['Cluster', status.cluster_id], ['Service', status.service_id], ['Answered by', status.answered_by]])),
    h('section', { 'aria-labelledby': 'silos' }, h('h2', { id: 'silos' }, 'Silos'), table(
      ['Silo', 'Address', 'Status', 'Started', 'Last heartbeat', 'Suspected by'],
      status.silos.map(silo => h('tr', { 'data-silo-status': silo.status },
        h('td', {}, silo.name), h('td', {}, `${silo.address}:${silo.silo_port}`), h('td', {}, silo.status),
        h('td', {}, time(silo.started_at)), h('td', {}, time(silo.last_heartbeat_at)),
        h('td', {}, silo.suspected_by.join(', ') || '—'))))));
}
