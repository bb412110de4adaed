-- Invites are accepted by token alone (POST /organizations/invites/accept {token}), which does
-- not say which organization issued them. The pending-invite read model therefore keeps the
-- token's digest (an unsalted SHA-256 of 192 random bits, as in the event stream; never the
-- token), so the front door finds the organization with one indexed read and lets that
-- organization's grain decide.
alter table organization_invites add column token_hash text null;

-- Invites issued before this column existed get their digest from the event that created them.
update organization_invites i
set token_hash = e.data ->> 'tokenHash'
from events e
where e.event_type = 'organization.invite_created'
  and e.data ->> 'inviteId' = i.id::text;

create index organization_invites_by_token on organization_invites (token_hash) where token_hash is not null;
