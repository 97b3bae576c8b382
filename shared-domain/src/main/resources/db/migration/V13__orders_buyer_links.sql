-- Orders (seed 001), fourth part: private buyer links (ADR 0026). A link lets one buyer see their orders with one
-- seller. Only the SHA-256 of its secret is stored; the secret itself exists in the mail that carries it, or in
-- the one answer that gave it to the seller. A customer may hold several live links (one per mail); rotating or
-- revoking ends all of them at once.

create table buyer_link (
  id             bigint generated always as identity primary key,
  seller_id      bigint      not null,
  customer_id    bigint      not null,
  token_hash     bytea       not null unique check (length(token_hash) = 32),
  reason         text        not null check (reason in ('SELLER', 'REQUESTED', 'SHIPPED')),
  issued_at      timestamptz not null,
  issued_by      text        not null,
  expires_at     timestamptz not null check (expires_at > issued_at),
  revoked_at     timestamptz check (revoked_at >= issued_at),
  last_viewed_at timestamptz,
  foreign key (seller_id, customer_id) references customer (seller_id, id)
);
create index buyer_link_customer_idx on buyer_link (customer_id, id) where revoked_at is null;

-- "Email me my link" requests, kept to rate-limit each address (known or not: the answer must not tell). The
-- address is kept as its SHA-256 (lower case), never in clear.
create table buyer_link_request (
  id           bigint generated always as identity primary key,
  email_hash   bytea       not null check (length(email_hash) = 32),
  requested_at timestamptz not null
);
create index buyer_link_request_email_idx on buyer_link_request (email_hash, requested_at);
