-- The Orleans cluster's own tables: membership (which silos form the cluster), reminders and
-- grain state that is not an event stream. The ADO.NET providers do not create tables; they read
-- the statement to run for each of their operations from `orleansquery`, by key. The keys, the
-- parameter names (@DeploymentId, ...) and the result column names ("Version", ...) are the
-- providers' contract; the tables and statements are ours. Every statement is one SQL statement,
-- so each runs atomically in the provider's implicit transaction.

-- Membership: one version row per cluster (the providers' optimistic-concurrency token for the
-- whole table) and one row per silo incarnation (address, port, generation).
create table orleans_membership_versions (
    deployment_id text        primary key,
    version       int         not null default 0,
    changed_at    timestamptz not null default now()
);

create table orleans_membership (
    deployment_id   text        not null references orleans_membership_versions (deployment_id) on delete cascade,
    address         text        not null,
    port            int         not null,
    generation      int         not null,
    silo_name       text        not null,
    host_name       text        not null,
    status          int         not null,
    proxy_port      int         null,
    -- "address@generation,time|..." as the provider writes it; read back only by the provider
    suspect_times   text        null,
    start_time      timestamptz not null,
    i_am_alive_time timestamptz not null,
    primary key (deployment_id, address, port, generation)
);

-- Reminders: one row per grain and reminder name. grain_hash is the grain's place on the ring,
-- a signed 32-bit int, so the providers' range reads compare it as such.
create table orleans_reminders (
    service_id    text        not null,
    grain_id      text        not null,
    reminder_name text        not null,
    start_time    timestamptz not null,
    period_ms     bigint      not null,
    grain_hash    int         not null,
    version       int         not null,
    primary key (service_id, grain_id, reminder_name)
);

create index orleans_reminders_ring on orleans_reminders (service_id, grain_hash);

-- Grain state. The hashes only narrow the index; the full key (both numeric halves, the state
-- name and the key extension) decides. An absent extension is stored as '' so the key is unique.
create table orleans_grain_state (
    service_id      text        not null,
    grain_id_hash   int         not null,
    grain_id_n0     bigint      not null,
    grain_id_n1     bigint      not null,
    grain_type_hash int         not null,
    grain_type      text        not null,
    grain_id_ext    text        not null default '',
    payload         bytea       null,
    version         int         not null,
    modified_at     timestamptz not null default now(),
    primary key (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
);

-- The providers run exactly `SELECT QueryKey, QueryText FROM OrleansQuery`, which PostgreSQL
-- folds to these lower-case names.
create table orleansquery (
    querykey  text primary key,
    querytext text not null
);

insert into orleansquery (querykey, querytext) values

-- Clustering --------------------------------------------------------------------------------

-- Creates the cluster's version row; answers whether it was created.
('InsertMembershipVersionKey', $q$
with created as (
    insert into orleans_membership_versions (deployment_id) values (@DeploymentId)
    on conflict (deployment_id) do nothing
    returning 1)
select count(*)::int from created
$q$),

-- Joins a silo: only if the table is still at the version the silo read, and the silo is new.
-- The version row is locked by the update, so racing joins are decided one at a time.
('InsertMembershipKey', $q$
with bumped as (
    update orleans_membership_versions set version = version + 1, changed_at = now()
    where deployment_id = @DeploymentId and version = @Version
      and not exists (select 1 from orleans_membership
                      where deployment_id = @DeploymentId and address = @Address
                        and port = @Port and generation = @Generation)
    returning deployment_id),
joined as (
    insert into orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    select deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
    from bumped
    returning 1)
select count(*)::int from joined
$q$),

-- Changes a silo's status and suspicions, again only at the version the caller read.
('UpdateMembershipKey', $q$
with bumped as (
    update orleans_membership_versions set version = version + 1, changed_at = now()
    where deployment_id = @DeploymentId and version = @Version
      and exists (select 1 from orleans_membership
                  where deployment_id = @DeploymentId and address = @Address
                    and port = @Port and generation = @Generation)
    returning deployment_id),
changed as (
    update orleans_membership m
    set status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    from bumped
    where m.deployment_id = bumped.deployment_id and m.address = @Address
      and m.port = @Port and m.generation = @Generation
    returning 1)
select count(*)::int from changed
$q$),

-- A liveness beat: it does not change the table's version.
('UpdateIAmAlivetimeKey', $q$
update orleans_membership set i_am_alive_time = @IAmAliveTime
where deployment_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation
$q$),

-- One silo with the table version; the version row alone (null member columns) when it is unknown.
('MembershipReadRowKey', $q$
select v.version as "Version", m.address as "Address", m.port as "Port", m.generation as "Generation",
       m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status",
       m.proxy_port as "ProxyPort", m.suspect_times as "SuspectTimes",
       m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime"
from orleans_membership_versions v
left join orleans_membership m
  on m.deployment_id = v.deployment_id and m.address = @Address
 and m.port = @Port and m.generation = @Generation
where v.deployment_id = @DeploymentId
$q$),

-- Every silo with the table version; the version row alone when the cluster has no silos.
('MembershipReadAllKey', $q$
select v.version as "Version", m.address as "Address", m.port as "Port", m.generation as "Generation",
       m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status",
       m.proxy_port as "ProxyPort", m.suspect_times as "SuspectTimes",
       m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime"
from orleans_membership_versions v
left join orleans_membership m on m.deployment_id = v.deployment_id
where v.deployment_id = @DeploymentId
$q$),

-- Silos clients may connect through: active ones that accept clients.
('GatewaysQueryKey', $q$
select address as "Address", proxy_port as "ProxyPort", generation as "Generation"
from orleans_membership
where deployment_id = @DeploymentId and status = @Status and proxy_port > 0
$q$),

-- Forgets the whole cluster (the version row takes its silos with it).
('DeleteMembershipTableEntriesKey', $q$
delete from orleans_membership_versions where deployment_id = @DeploymentId
$q$),

-- Drops rows of silos that stopped beating before the cut-off and are not active.
('CleanupDefunctSiloEntriesKey', $q$
delete from orleans_membership
where deployment_id = @DeploymentId and i_am_alive_time < @IAmAliveTime and status <> 3
$q$),

-- Reminders ---------------------------------------------------------------------------------

-- Creates or replaces a reminder and answers its new version.
('UpsertReminderRowKey', $q$
insert into orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
on conflict (service_id, grain_id, reminder_name) do update
set start_time = excluded.start_time, period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash, version = orleans_reminders.version + 1
returning version as "Version"
$q$),

('ReadReminderRowsKey', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminders
where service_id = @ServiceId and grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminders
where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName
$q$),

-- A silo's share of the ring, (begin, end] ...
('ReadRangeRows1Key', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminders
where service_id = @ServiceId and grain_hash > @BeginHash and grain_hash <= @EndHash
$q$),

-- ... and a share that wraps past the end of the ring (or is the whole ring).
('ReadRangeRows2Key', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from orleans_reminders
where service_id = @ServiceId and (grain_hash > @BeginHash or grain_hash <= @EndHash)
$q$),

-- Removes a reminder only at the version the caller holds; answers whether it did.
('DeleteReminderRowKey', $q$
with removed as (
    delete from orleans_reminders
    where service_id = @ServiceId and grain_id = @GrainId
      and reminder_name = @ReminderName and version = @Version
    returning 1)
select count(*)::int from removed
$q$),

('DeleteReminderRowsKey', $q$
delete from orleans_reminders where service_id = @ServiceId
$q$),

-- Grain state -------------------------------------------------------------------------------

('ReadFromStorageKey', $q$
select payload as "PayloadBinary", version as "Version"
from orleans_grain_state
where service_id = @ServiceId and grain_type_hash = @GrainTypeHash and grain_id_hash = @GrainIdHash
  and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1 and grain_type = @GrainTypeString
  and grain_id_ext = coalesce(@GrainIdExtensionString, '')
$q$),

-- A first write (no version held) inserts version 1 unless a row exists; a later write succeeds
-- only at the version held. Answering no row is how a conflict reaches the grain.
('WriteToStorageKey', $q$
with updated as (
    update orleans_grain_state
    set payload = @PayloadBinary, version = version + 1, modified_at = now()
    where service_id = @ServiceId and grain_type_hash = @GrainTypeHash and grain_id_hash = @GrainIdHash
      and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1 and grain_type = @GrainTypeString
      and grain_id_ext = coalesce(@GrainIdExtensionString, '')
      and @GrainStateVersion::int is not null and version = @GrainStateVersion
    returning version),
inserted as (
    insert into orleans_grain_state (service_id, grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash,
                                     grain_type, grain_id_ext, payload, version)
    select @ServiceId, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
           @GrainTypeString, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
    where @GrainStateVersion::int is null
    on conflict do nothing
    returning version)
select version as "NewGrainStateVersion" from updated
union all
select version from inserted
$q$),

-- Clearing keeps the row (and so the version sequence) with no payload.
('ClearStorageKey', $q$
update orleans_grain_state
set payload = null, version = version + 1, modified_at = now()
where service_id = @ServiceId and grain_type_hash = @GrainTypeHash and grain_id_hash = @GrainIdHash
  and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1 and grain_type = @GrainTypeString
  and grain_id_ext = coalesce(@GrainIdExtensionString, '')
  and version = @GrainStateVersion
returning version
$q$),

('DeleteStorageKey', $q$
delete from orleans_grain_state
where service_id = @ServiceId and grain_type_hash = @GrainTypeHash and grain_id_hash = @GrainIdHash
  and grain_id_n0 = @GrainIdN0 and grain_id_n1 = @GrainIdN1 and grain_type = @GrainTypeString
  and grain_id_ext = coalesce(@GrainIdExtensionString, '')
  and version = @GrainStateVersion
returning version + 1
$q$);
