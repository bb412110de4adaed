-- One Ed25519 device key pair per gateway, shared by every silo so the gateway sees one device
-- and pairing is approved once. The private key must be usable to sign, so it cannot be hashed;
-- it never leaves this table except to sign a connect challenge.
create table gateway_device_identities (
    gateway_id  text        primary key,
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null
);
