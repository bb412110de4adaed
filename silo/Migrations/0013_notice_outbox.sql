-- Messages to agents that follow from a committed event (board chat, task assignments, reviews
-- and comments) wait here until they are sent. A row is written in the same transaction as its
-- event and removed once every message has gone out or its failure is recorded, so a silo that
-- dies in between leaves the row for another silo to send. A silo working on a row holds it until
-- claimed_until (claimed_by names it); a row whose messages failed waits until its next try.
create table notice_outbox (
    stream_id text not null,
    stream_version bigint not null,
    queued_at timestamptz not null,
    attempts integer not null default 0,
    claimed_until timestamptz not null default '-infinity',
    claimed_by text,
    primary key (stream_id, stream_version)
);

create index notice_outbox_due on notice_outbox (claimed_until, queued_at);
