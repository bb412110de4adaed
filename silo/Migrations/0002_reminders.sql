-- Durable reminders. A silo claims due rows with FOR UPDATE SKIP LOCKED and a lease; if it dies
-- mid-handler the lease runs out and another silo claims the row again (at-least-once).
create table reminders (
    grain_type  text        not null,
    grain_key   text        not null,
    name        text        not null,
    due_at      timestamptz not null,
    period_ms   bigint      null check (period_ms is null or period_ms > 0),
    -- bumped by every re-registration, so a firing in flight cannot delete or reschedule a newer one
    generation  bigint      not null default 1,
    attempts    int         not null default 0,
    lease_owner text        null,
    lease_until timestamptz null,
    primary key (grain_type, grain_key, name)
);

create index reminders_due on reminders (due_at);

-- Where each change-feed consumer has got to.
create table feed_checkpoints (
    consumer   text        primary key,
    position   bigint      not null,
    updated_at timestamptz not null default now()
);
