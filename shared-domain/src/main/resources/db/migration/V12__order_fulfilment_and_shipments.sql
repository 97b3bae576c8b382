-- Orders (seed 001), third part: fulfilment. Shipping an order records when, with which carrier and tracking id,
-- and creates its shipment: the parcel as declared, which the weight-disputes capability reconciles with what the
-- courier measured. Shipments made elsewhere come in through an import later; both go through one owner.

alter table sales_order
  add column shipped_at   timestamptz,
  add column delivered_at timestamptz,
  add column carrier      text check (length(btrim(carrier)) between 1 and 100),
  add column tracking_id  text check (length(btrim(tracking_id)) between 1 and 100),
  add column tracking_url text check (tracking_url ~ '^https?://' and length(tracking_url) <= 2000),
  add constraint sales_order_shipped check ((status in ('SHIPPED', 'DELIVERED')) = (shipped_at is not null)
    and (shipped_at is null or (carrier is not null and tracking_id is not null))),
  add constraint sales_order_delivered check ((status = 'DELIVERED') = (delivered_at is not null));

create table shipment (
  id                   bigint generated always as identity primary key,
  seller_id            bigint        not null references account (id),
  courier              text          not null check (length(btrim(courier)) between 1 and 100),
  tracking_id          text          not null check (length(btrim(tracking_id)) between 1 and 100),
  order_id             bigint        references sales_order (id),
  order_reference      text          not null check (length(btrim(order_reference)) between 1 and 100),
  declared_weight_g    integer       not null check (declared_weight_g between 1 and 1000000),
  length_cm            numeric(7,1)  not null check (length_cm > 0 and length_cm <= 10000),
  width_cm             numeric(7,1)  not null check (width_cm > 0 and width_cm <= 10000),
  height_cm            numeric(7,1)  not null check (height_cm > 0 and height_cm <= 10000),
  origin_postcode      text          not null check (length(btrim(origin_postcode)) between 1 and 20),
  destination_postcode text          not null check (length(btrim(destination_postcode)) between 1 and 20),
  cod                  boolean       not null,
  service_type         text          not null check (service_type in ('STANDARD', 'EXPRESS', 'PRIORITY')),
  items_count          integer       not null check (items_count >= 1),
  invoice_total        numeric(14,2) not null check (invoice_total >= 0),
  shipped_at           timestamptz   not null,
  created_at           timestamptz   not null,
  created_by           text          not null,
  -- a courier's tracking id names one parcel
  constraint shipment_courier_tracking_uq unique (courier, tracking_id)
);
create index shipment_seller_idx on shipment (seller_id, id);
create unique index shipment_order_uq on shipment (order_id) where order_id is not null;
