-- Orders (seed 001), fifth part: the storefront (ADR 0027). Customers and orders the storefront announces keep
-- the storefront's id and the newest updated_at applied, so late, repeated and out-of-order deliveries change
-- nothing; each signed delivery is recorded once, by its id and by its body.

alter table customer
  add column external_id         text check (length(external_id) between 1 and 64),
  add column external_updated_at timestamptz,
  add constraint customer_seller_external_uq unique (seller_id, external_id),
  add constraint customer_external_dated check ((external_id is null) = (external_updated_at is null));

alter table sales_order
  add column external_id         text check (length(external_id) between 1 and 64),
  add column external_updated_at timestamptz,
  add constraint sales_order_seller_external_uq unique (seller_id, external_id),
  add constraint sales_order_external_dated check ((external_id is null) = (external_updated_at is null));

-- A storefront-fulfilled order is shipped without a declared parcel, so it has no shipment row.

create table storefront_delivery (
  webhook_id  text        primary key check (length(webhook_id) between 1 and 100),
  body_hash   bytea       not null unique check (length(body_hash) = 32),
  topic       text        not null,
  received_at timestamptz not null
);
create index storefront_delivery_received_idx on storefront_delivery (received_at);

-- The catch-up pull's watermark: orders updated since then are asked for next time.
create table storefront_watermark (
  seller_id      bigint      primary key references account (id),
  updated_since  timestamptz not null,
  pulled_at      timestamptz not null
);
