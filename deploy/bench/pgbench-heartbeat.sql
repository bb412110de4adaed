-- One heartbeat as the seeds do it: read the agent, set status (provisioning -> online) and
-- last_seen_at, add the agent.heartbeat activity row, commit. Run with -M prepared.
\set n random(1, :agents)
BEGIN;
SELECT id AS agent_id, name AS agent_name, status AS agent_status FROM agents WHERE id = md5(:n::text)::uuid \gset
UPDATE agents SET status = CASE WHEN status = 'provisioning' THEN 'online' ELSE status END,
       last_seen_at = now(), updated_at = now(), wake_attempts = 0, checkin_deadline_at = null,
       last_provision_error = null
 WHERE id = :agent_id;
INSERT INTO activity_events (id, event_type, message, agent_id, created_at)
VALUES (gen_random_uuid(), 'agent.heartbeat', 'Heartbeat received from ' || :agent_name::text || '.', :agent_id, now());
END;
