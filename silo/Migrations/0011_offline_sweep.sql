-- The offline sweep of a gateway reads its live agents by last heartbeat, oldest first.
create index agents_silent_by_gateway on agents (gateway_id, last_seen_at, id) where not deleted;
