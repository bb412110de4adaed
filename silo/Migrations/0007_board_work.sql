-- The work on a board: task details and dependencies, comments, board memory (chat included)
-- and the activity feed. Every row is projected from domain events inside the append's
-- transaction. Agent heartbeats are not projected into activity_events: they are the hottest
-- write path, and the agents table already shows when each agent was last seen.

alter table tasks
    add column due_at      timestamptz null,
    add column auto_reason text        null,
    add column deleted     boolean     not null default false;

-- Which tasks each task waits for (both ends on the same board). Rows go when either task is deleted.
create table task_dependencies (
    task_id            uuid        not null,
    depends_on_task_id uuid        not null,
    board_id           uuid        not null,
    position           integer     not null,
    created_at         timestamptz not null,
    primary key (task_id, depends_on_task_id)
);

create index task_dependencies_by_dependency on task_dependencies (depends_on_task_id);
create index task_dependencies_by_board on task_dependencies (board_id);

create table board_memory (
    id         uuid        primary key,
    board_id   uuid        not null,
    content    text        not null,
    tags       jsonb       null,
    is_chat    boolean     not null,
    source     text        null,
    agent_id   uuid        null,
    user_id    uuid        null,
    created_at timestamptz not null
);

create index board_memory_by_board on board_memory (board_id, created_at desc);

-- What happened, newest first per board, per agent and per task. Task comments are the rows
-- with event_type 'task.comment' (their id is the comment's id).
create table activity_events (
    id         uuid        primary key,
    event_type text        not null,
    message    text        null,
    agent_id   uuid        null,
    task_id    uuid        null,
    board_id   uuid        null,
    user_id    uuid        null,
    created_at timestamptz not null
);

create index activity_events_by_board on activity_events (board_id, created_at desc);
create index activity_events_by_agent on activity_events (agent_id, created_at desc);
create index activity_events_by_task on activity_events (task_id, created_at);
