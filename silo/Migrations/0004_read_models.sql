-- Read models: one table per entity, written by inline projections inside the append's
-- transaction (read-models/Projections). Each root row remembers its stream and the stream
-- version it reflects; a projection only writes when the event's version is newer, so an
-- event applied twice (a replay, a rebuild) changes nothing. Child rows (members, grants,
-- invites) are written only after their organization row accepted the event's version.
-- Rows of deleted agents, boards, gateways and organizations stay, flagged, so a stray older
-- event cannot bring them back.

create table organizations (
    id          uuid        primary key,
    stream_id   text        not null unique,
    name        text        not null,
    deleted     boolean     not null default false,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table organization_members (
    organization_id  uuid        not null references organizations (id) on delete cascade,
    user_id          uuid        not null,
    email            text        null,
    role             text        not null,
    all_boards_read  boolean     not null,
    all_boards_write boolean     not null,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (organization_id, user_id)
);

create index organization_members_by_user on organization_members (user_id);

-- Per-board grants of a member; replaced as a whole whenever the member's access is set.
create table organization_board_access (
    organization_id uuid        not null,
    user_id         uuid        not null,
    board_id        uuid        not null,
    can_read        boolean     not null,
    can_write       boolean     not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (organization_id, user_id, board_id),
    foreign key (organization_id, user_id)
        references organization_members (organization_id, user_id) on delete cascade
);

-- Pending invitations only; accepted and revoked ones are removed, as in the grain's state.
-- The token digest stays in the event stream: nothing reads invites by token from here.
create table organization_invites (
    id                 uuid        primary key,
    organization_id    uuid        not null references organizations (id) on delete cascade,
    invited_email      text        not null,
    role               text        not null,
    all_boards_read    boolean     not null,
    all_boards_write   boolean     not null,
    created_by_user_id uuid        not null,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create index organization_invites_by_organization on organization_invites (organization_id, created_at desc);

create table organization_invite_board_access (
    invite_id  uuid    not null references organization_invites (id) on delete cascade,
    board_id   uuid    not null,
    can_read   boolean not null,
    can_write  boolean not null,
    version    bigint  not null,
    primary key (invite_id, board_id)
);

-- Gateway tokens are write-only: only whether one is set is projected, never the token.
create table gateways (
    id                     uuid        primary key,
    stream_id              text        not null unique,
    organization_id        uuid        not null,
    name                   text        not null,
    url                    text        not null,
    has_token              boolean     not null,
    workspace_root         text        not null,
    allow_insecure_tls     boolean     not null,
    disable_device_pairing boolean     not null,
    main_agent_id          uuid        null,
    deleted                boolean     not null default false,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

create index gateways_by_organization on gateways (organization_id);

create table boards (
    id                                         uuid        primary key,
    stream_id                                  text        not null unique,
    organization_id                            uuid        not null,
    name                                       text        not null,
    description                                text        not null,
    board_type                                 text        not null,
    objective                                  text        null,
    gateway_id                                 uuid        not null,
    lead_agent_id                              uuid        null,
    is_paused                                  boolean     not null,
    require_approval_for_done                  boolean     not null,
    require_review_before_done                 boolean     not null,
    comment_required_for_review                boolean     not null,
    block_status_changes_with_pending_approval boolean     not null,
    only_lead_can_change_status                boolean     not null,
    max_agents                                 int         not null,
    deleted                                    boolean     not null default false,
    version                                    bigint      not null,
    created_at                                 timestamptz not null,
    updated_at                                 timestamptz not null
);

create index boards_by_organization on boards (organization_id, lower(name));
create index boards_by_gateway on boards (gateway_id);

-- status is the stored lifecycle status; the API computes the displayed one from it and
-- last_seen_at at read time. provision_generation mirrors the grain's check that a provision
-- outcome belongs to the latest attempt.
create table agents (
    id                   uuid        primary key,
    stream_id            text        not null unique,
    organization_id      uuid        null,
    name                 text        not null,
    board_id             uuid        null,
    gateway_id           uuid        not null,
    is_board_lead        boolean     not null,
    is_gateway_main      boolean     not null,
    status               text        not null,
    session_key          text        not null,
    heartbeat_config     jsonb       not null,
    identity_profile     jsonb       null,
    identity_template    text        null,
    soul_template        text        null,
    last_seen_at         timestamptz null,
    provision_generation int         not null default 0,
    last_provision_error text        null,
    token_hash           text        not null,
    token_lookup         text        null,
    deleted              boolean     not null default false,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create index agents_by_board on agents (board_id);
create index agents_by_gateway on agents (gateway_id);
create index agents_by_organization on agents (organization_id);
-- Not unique: two tokens may share a short lookup key; the hash decides.
create index agents_by_token_lookup on agents (token_lookup);

create table tasks (
    id                      uuid        primary key,
    stream_id               text        not null unique,
    board_id                uuid        not null,
    title                   text        not null,
    description             text        null,
    status                  text        not null,
    priority                text        not null,
    assigned_agent_id       uuid        null,
    in_progress_at          timestamptz null,
    previous_in_progress_at timestamptz null,
    created_by_user_id      uuid        null,
    version                 bigint      not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

create index tasks_by_board on tasks (board_id, created_at desc);
create index tasks_by_assigned_agent on tasks (assigned_agent_id);
