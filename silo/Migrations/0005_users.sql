-- Operators. A row per user id (derived from the identity provider's subject); a deleted user
-- keeps the row, flagged, until they sign in again and are registered afresh.
create table users (
    id                     uuid        primary key,
    stream_id              text        not null unique,
    subject                text        not null,
    email                  text        null,
    name                   text        null,
    preferred_name         text        null,
    pronouns               text        null,
    timezone               text        null,
    notes                  text        null,
    context                text        null,
    active_organization_id uuid        null,
    deleted                boolean     not null default false,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

create index users_by_email on users (lower(email)) where not deleted;

-- Pending invites are looked up by email when a user without an organization signs in.
create index organization_invites_by_email on organization_invites (invited_email, created_at);
