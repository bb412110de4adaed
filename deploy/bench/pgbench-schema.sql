-- The tables the seeds' heartbeat touches (reference: agents, activity_events), in a database of
-- their own next to the service's, with one row per benchmark agent. Ids derive from a number
-- (md5(n)::uuid) so the pgbench script can pick a random agent by id.
drop table if exists activity_events;
drop table if exists agents;
create table agents (
    id                 uuid primary key,
    board_id           uuid,
    gateway_id         uuid not null,
    name               text not null,
    status             text not null default 'provisioning',
    openclaw_session_id text,
    agent_token_hash   text,
    heartbeat_config   jsonb,
    last_seen_at       timestamptz,
    wake_attempts      int not null default 0,
    checkin_deadline_at timestamptz,
    last_provision_error text,
    is_board_lead      boolean not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create table activity_events (
    id         uuid primary key,
    event_type text not null,
    message    text,
    agent_id   uuid references agents (id),
    task_id    uuid,
    board_id   uuid,
    created_at timestamptz not null default now()
);
insert into agents (id, board_id, gateway_id, name, openclaw_session_id, agent_token_hash, heartbeat_config)
select md5(n::text)::uuid, '00000000-0000-0000-0000-00000000b0a7', '00000000-0000-0000-0000-0000000009a7',
       'bench-agent-' || lpad(n::text, 5, '0'), 'agent:mc-' || md5(n::text)::uuid || ':main',
       'pbkdf2_sha256$200000$' || md5('salt' || n) || '$' || md5('digest' || n),
       '{"every": "10m", "target": "last", "includeReasoning": false}'
from generate_series(1, :agents) as n;
vacuum analyze agents;
