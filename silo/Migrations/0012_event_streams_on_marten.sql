-- The event streams move into Marten's tables (mt_streams, mt_events), which the migrator has
-- created before this runs. Every stream keeps its id and version, every event its stream,
-- version, global number, stored type name, data, time, and who caused it (causation id) under
-- which request (correlation id). Then the former store goes: its tables, its numbering, its
-- append functions, and the change-feed checkpoints nothing reads any more. Snapshots are not
-- carried over: they only shorten loading, and each grain writes a fresh one as it goes.

insert into mt_streams (id, type, version, timestamp, created)
select stream_id, stream_type, version, updated_at, created_at
from streams;

insert into mt_events (seq_id, id, stream_id, version, data, type, timestamp, correlation_id, causation_id)
select seq, gen_random_uuid(), stream_id, version, data, event_type, created_at,
       metadata->>'correlationId', metadata->>'causedBy'
from events
order by seq;

-- Marten numbers new events after the last one carried over.
select setval('mt_events_sequence', coalesce((select max(seq_id) from mt_events), 0) + 1, false);

drop function append_to_streams(int, text[], text[], bigint[], int[], text[], text[], text[]);
drop function append_reserved(bigint[], text[], text[], bigint[], int[], text[], text[], text[]);
drop function reserve_event_sequence(int);
drop table snapshots;
drop table events;
drop table streams;
drop sequence event_sequence;
drop table feed_checkpoints;
