-- A group commit's appends as one statement, so the server parses, plans and executes once per
-- batch instead of once per stream.

-- The append statements insert events only for a stream row they moved or created in the same
-- statement, so the reference check re-proved what was already true, at a row lock and a WAL
-- record per event.
alter table events drop constraint events_stream_id_fkey;

-- Appends to the streams given in parallel arrays: stream id, stream type, expected version and
-- number of events per append, with the events of all appends flattened in append order, one
-- metadata document per append, and their sequence numbers (already reserved) in the same order.
-- Stream ids must be distinct. An append is written only if its stream is at the expected
-- version (0: does not exist yet); the result tells which were, in input order. The numbers of
-- unwritten appends are left unused.
create function append_reserved(
    p_sequences bigint[], p_stream_ids text[], p_stream_types text[], p_expected bigint[], p_counts int[],
    p_event_types text[], p_data text[], p_metadata text[])
returns boolean[]
language plpgsql
-- The arrays' sizes change every call; one generic plan (index lookups per append) fits them all
-- and saves planning the statement again on every call.
set plan_cache_mode = force_generic_plan
as $$
declare
    written boolean[];
begin
    with input as (
        select i.stream_id, i.stream_type, i.expected, i.n, i.ord,
               (sum(i.n) over (order by i.ord) - i.n)::int as before
        from unnest(p_stream_ids, p_stream_types, p_expected, p_counts)
             with ordinality as i(stream_id, stream_type, expected, n, ord)
    ), created as (
        insert into streams (stream_id, stream_type, version)
        select i.stream_id, i.stream_type, i.n from input i where i.expected = 0 order by i.stream_id
        on conflict (stream_id) do nothing
        returning streams.stream_id
    ), moved as (
        update streams s set version = i.expected + i.n, updated_at = now()
        from input i
        where i.expected > 0 and s.stream_id = i.stream_id and s.version = i.expected
        returning s.stream_id
    ), done as (
        select i.* from input i
        where i.stream_id in (select c.stream_id from created c union all select m.stream_id from moved m)
    ), inserted as (
        insert into events (seq, stream_id, version, event_type, data, metadata)
        select p_sequences[d.before + k], d.stream_id, d.expected + k,
               p_event_types[d.before + k], p_data[d.before + k]::jsonb, p_metadata[d.ord]::jsonb
        from done d cross join lateral generate_series(1, d.n) as k
        returning 1
    )
    select array_agg(exists (select 1 from done d where d.ord = i.ord) order by i.ord)
    into written
    from input i;
    return written;
end $$;

-- A group commit's first statement: reserves p_reserve sequence numbers (the batch's whole need,
-- see reserve_event_sequence: this must be the transaction's first write) and appends as
-- append_reserved does, taking numbers from the front of `reserved`. The rest of `reserved` is
-- the caller's for further appends in this transaction (a second append to a stream already
-- appended to, which append_reserved then takes in a call of its own).
create function append_to_streams(
    p_reserve int, p_stream_ids text[], p_stream_types text[], p_expected bigint[], p_counts int[],
    p_event_types text[], p_data text[], p_metadata text[],
    out reserved bigint[], out written boolean[])
language plpgsql
as $$
begin
    reserved := reserve_event_sequence(p_reserve);
    written := append_reserved(reserved, p_stream_ids, p_stream_types, p_expected, p_counts, p_event_types, p_data, p_metadata);
end $$;

-- The one-stream append of the first migration, which sent its NOTIFY inside the transaction;
-- appends now go through the functions above.
drop function append_events(text, text, bigint, text[], text[], text[], text);

-- A batch's heartbeats as one update of their agents' rows (given in parallel arrays, stream ids
-- distinct), each row moving only forward in version. A function so that, like the append, it
-- keeps one generic plan instead of being planned for each batch's array sizes.
create function project_agent_heartbeats(
    p_stream_ids text[], p_versions bigint[], p_statuses text[], p_at timestamptz[])
returns void
language plpgsql
set plan_cache_mode = force_generic_plan
as $$
begin
    update agents a
    set status = u.status, last_seen_at = u.at, last_provision_error = null, version = u.version, updated_at = u.at
    from unnest(p_stream_ids, p_versions, p_statuses, p_at) as u(stream_id, version, status, at)
    where a.stream_id = u.stream_id and a.version < u.version;
end $$;
