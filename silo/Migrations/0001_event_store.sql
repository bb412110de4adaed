-- Streams: one row per stream, holding its current version. Appends update this row with the
-- expected version, which both detects concurrent writers and serializes them.
create table streams (
    stream_id   text        primary key,
    stream_type text        not null,
    version     bigint      not null check (version >= 0),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create sequence event_sequence as bigint;

create table events (
    seq         bigint      primary key,
    stream_id   text        not null references streams (stream_id),
    version     bigint      not null check (version > 0),
    event_type  text        not null,
    data        jsonb       not null,
    metadata    jsonb       not null,
    created_at  timestamptz not null default now(),
    tx_id       xid8        not null default pg_current_xact_id(),
    unique (stream_id, version)
);

create table snapshots (
    stream_id      text        primary key references streams (stream_id),
    version        bigint      not null,
    schema_version int         not null,
    state          jsonb       not null,
    updated_at     timestamptz not null default now()
);

-- Reserves sequence numbers for an append, and must be the transaction's first write.
-- Inside one short advisory lock it gives the transaction its id and takes the numbers, so
-- for any two appends, transaction-id order equals sequence order. A change-feed reader that
-- only takes events with tx_id below its snapshot's xmin therefore sees a gap-free prefix in
-- sequence order: every transaction still running has a larger id, hence larger numbers.
create function reserve_event_sequence(n int) returns bigint[]
language plpgsql as $$
declare
    lock_key constant bigint := hashtextextended(current_schema() || '.event_sequence', 0);
    reserved bigint[];
begin
    perform pg_advisory_lock(lock_key);
    perform pg_current_xact_id();
    select array_agg(nextval('event_sequence')) into reserved from generate_series(1, n);
    perform pg_advisory_unlock(lock_key);
    return reserved;
end $$;

-- Appends events to a stream if it is at p_expected. Returns the new version with the events'
-- sequence numbers; when the expectation fails, the stream's actual version and null numbers.
create function append_events(
    p_stream_id text, p_stream_type text, p_expected bigint,
    p_types text[], p_data text[], p_metadata text[], p_channel text)
returns table (new_version bigint, sequences bigint[])
language plpgsql as $$
declare
    n int := cardinality(p_types);
    seqs bigint[] := reserve_event_sequence(n);
    actual bigint;
begin
    if p_expected = 0 then
        insert into streams (stream_id, stream_type, version)
        values (p_stream_id, p_stream_type, n)
        on conflict (stream_id) do nothing;
    else
        update streams set version = p_expected + n, updated_at = now()
        where stream_id = p_stream_id and version = p_expected;
    end if;
    if not found then
        select s.version into actual from streams s where s.stream_id = p_stream_id;
        return query select coalesce(actual, 0), null::bigint[];
        return;
    end if;
    insert into events (seq, stream_id, version, event_type, data, metadata)
    select u.seq, p_stream_id, p_expected + u.ord, u.event_type, u.data::jsonb, u.metadata::jsonb
    from unnest(seqs, p_types, p_data, p_metadata) with ordinality as u(seq, event_type, data, metadata, ord);
    perform pg_notify(p_channel, '');
    return query select p_expected + n, seqs;
end $$;
