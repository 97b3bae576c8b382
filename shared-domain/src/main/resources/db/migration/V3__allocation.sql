-- Allocation: inventory lots from the buying sheet, clients with stores and an append-only balance ledger,
-- per-store ungating, preorders, carts, allocations and pallets. The rules that must never break are here:
-- a lot never allocates more than it holds, a debit never overdraws a client, the ledger is never rewritten.

create table alloc_client (
  id                bigint generated always as identity primary key,
  external_id       text        not null unique check (length(btrim(external_id)) between 1 and 100),
  name              text        not null check (length(btrim(name)) between 1 and 200),
  email             text        check (length(email) <= 320),
  account_id        bigint      references account (id),
  source_updated_at timestamptz not null,
  created_at        timestamptz not null,
  changed_at        timestamptz not null
);
create index alloc_client_account_idx on alloc_client (account_id) where account_id is not null;

create table alloc_store (
  id                bigint generated always as identity primary key,
  external_id       text        not null unique check (length(btrim(external_id)) between 1 and 100),
  name              text        not null check (length(btrim(name)) between 1 and 200),
  mutual            boolean     not null default false,
  source_updated_at timestamptz,
  created_at        timestamptz not null,
  changed_at        timestamptz not null
);

create table alloc_client_store (
  client_id bigint not null references alloc_client (id),
  store_id  bigint not null references alloc_store (id),
  primary key (client_id, store_id)
);
create index alloc_client_store_store_idx on alloc_client_store (store_id);

-- The balance is the sum of the entries. Credits are positive, debits negative.
create table alloc_ledger_entry (
  id          bigint generated always as identity primary key,
  client_id   bigint        not null references alloc_client (id),
  kind        text          not null check (kind in ('DEPOSIT', 'REFUND', 'GOODS_DEBIT', 'SHIPPING_DEBIT', 'SERVICE_FEE')),
  amount      numeric(14,2) not null,
  reference   text          not null check (length(reference) between 1 and 200),
  external_id text          unique,
  occurred_at timestamptz   not null,
  created_at  timestamptz   not null,
  created_by  text          not null,
  constraint alloc_ledger_sign check ((kind in ('DEPOSIT', 'REFUND')) = (amount > 0) and amount <> 0)
);
create index alloc_ledger_client_idx on alloc_ledger_entry (client_id, id);

create function alloc_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the balance ledger is append-only: correct it with a new entry' using errcode = 'P0001';
end $$;
create trigger alloc_ledger_append_only before update or delete on alloc_ledger_entry
  for each statement execute function alloc_ledger_append_only();

-- Our own debits (goods, shipping) never take a client below zero. The client row lock serialises concurrent
-- debits, and each statement in the function reads the latest committed entries, so two racing debits cannot
-- both pass. Partner-reported fees are facts and are not refused.
create function alloc_ledger_no_overdraft() returns trigger language plpgsql as $$
declare
  balance numeric;
begin
  perform 1 from alloc_client where id = new.client_id for update;
  select coalesce(sum(amount), 0) into balance from alloc_ledger_entry where client_id = new.client_id;
  if balance < 0 then
    raise exception 'client % balance would be % after %', new.client_id, balance, new.reference
      using errcode = '23514', constraint = 'alloc_ledger_no_overdraft';
  end if;
  return null;
end $$;
create trigger alloc_ledger_no_overdraft after insert on alloc_ledger_entry
  for each row when (new.kind in ('GOODS_DEBIT', 'SHIPPING_DEBIT'))
  execute function alloc_ledger_no_overdraft();

-- One row per purchase of an ASIN (the buying sheet's row). qty_remaining is the sheet's on-hand count;
-- qty_allocated is ours; available = remaining - allocated, never negative.
create table inventory_lot (
  id             bigint generated always as identity primary key,
  asin           text          not null check (asin ~ '^[A-Z0-9]{10}$'),
  batch          text          not null check (length(btrim(batch)) between 1 and 100),
  title          text          not null check (length(btrim(title)) between 1 and 500),
  unit_weight_lb numeric(10,3) not null check (unit_weight_lb > 0),
  length_in      numeric(8,2)  not null check (length_in > 0),
  width_in       numeric(8,2)  not null check (width_in > 0),
  height_in      numeric(8,2)  not null check (height_in > 0),
  qty_purchased  integer       not null check (qty_purchased >= 0),
  qty_remaining  integer       not null check (qty_remaining between 0 and qty_purchased),
  qty_allocated  integer       not null default 0,
  unit_cost      numeric(12,2) not null check (unit_cost > 0),
  date_added     date          not null,
  min_ship       numeric(10,2) not null check (min_ship >= 0),
  max_ship       numeric(10,2) not null,
  created_at     timestamptz   not null,
  created_by     text          not null,
  changed_at     timestamptz   not null,
  changed_by     text          not null,
  constraint inventory_lot_batch_uq unique (asin, batch),
  constraint inventory_lot_ship_range check (max_ship >= min_ship),
  constraint inventory_lot_available check (qty_allocated between 0 and qty_remaining)
);
create index inventory_lot_available_idx on inventory_lot (date_added, id) where qty_allocated < qty_remaining;

create table ungating (
  store_id          bigint      not null references alloc_store (id),
  asin              text        not null check (asin ~ '^[A-Z0-9]{10}$'),
  status            text        not null check (status in ('YES', 'NO', 'INVOICE_NEEDED')),
  source_updated_at timestamptz not null,
  received_at       timestamptz not null,
  source            text        not null,
  primary key (store_id, asin)
);
create index ungating_asin_idx on ungating (asin, store_id) where status = 'YES';

-- Every update received, applied or not (an update older than the stored one is kept here as ignored).
create table ungating_history (
  id                bigint generated always as identity primary key,
  store_id          bigint      not null references alloc_store (id),
  asin              text        not null,
  status            text        not null,
  source_updated_at timestamptz not null,
  received_at       timestamptz not null,
  source            text        not null,
  applied           boolean     not null
);
create index ungating_history_key_idx on ungating_history (store_id, asin, id);

create table admin_task (
  id          bigint generated always as identity primary key,
  kind        text        not null check (kind in ('UPLOAD_INVOICE')),
  store_id    bigint      not null references alloc_store (id),
  asin        text        not null,
  title       text        not null,
  status      text        not null check (status in ('OPEN', 'DONE')),
  created_at  timestamptz not null,
  done_at     timestamptz,
  done_by     text,
  check ((status = 'DONE') = (done_at is not null))
);
create unique index admin_task_open_uq on admin_task (kind, store_id, asin) where status = 'OPEN';

create table preorder (
  id               bigint generated always as identity primary key,
  client_id        bigint        not null references alloc_client (id),
  store_id         bigint        not null references alloc_store (id),
  asin             text          not null check (asin ~ '^[A-Z0-9]{10}$'),
  quantity         integer       not null check (quantity > 0),
  amount           numeric(14,2) not null check (amount > 0),
  deposit          numeric(14,2) not null check (deposit >= 0),
  balance_due      numeric(14,2) generated always as (amount - deposit) stored,
  expected_arrival date,
  status           text          not null check (status in ('PENDING', 'CONFIRMED', 'ARRIVED', 'ALLOCATED', 'CANCELLED')),
  created_at       timestamptz   not null,
  created_by       text          not null,
  changed_at       timestamptz   not null,
  changed_by       text          not null,
  check (deposit <= amount)
);
create index preorder_waiting_idx on preorder (asin, id) where status in ('PENDING', 'CONFIRMED', 'ARRIVED');
create index preorder_client_idx on preorder (client_id, id);

create table cart (
  id               bigint generated always as identity primary key,
  client_id        bigint        not null references alloc_client (id),
  store_id         bigint        not null references alloc_store (id),
  status           text          not null check (status in ('DRAFT', 'CONFIRMED', 'CANCELLED')),
  requested_amount numeric(14,2) not null check (requested_amount > 0),
  goods_total      numeric(14,2) not null check (goods_total >= 0),
  created_at       timestamptz   not null,
  created_by       text          not null,
  expires_at       timestamptz   not null,
  confirmed_at     timestamptz,
  cancelled_at     timestamptz,
  check ((status = 'CONFIRMED') = (confirmed_at is not null) or status = 'CANCELLED')
);
create index cart_client_idx on cart (client_id, id);
create index cart_draft_idx on cart (client_id) where status = 'DRAFT';

create table cart_line (
  cart_id   bigint        not null references cart (id),
  lot_id    bigint        not null references inventory_lot (id),
  quantity  integer       not null check (quantity > 0),
  unit_cost numeric(12,2) not null,
  primary key (cart_id, lot_id)
);

-- Units of a lot reserved for a client's store. qty_packed counts the units on confirmed or shipped pallets.
create table allocation (
  id          bigint generated always as identity primary key,
  lot_id      bigint        not null references inventory_lot (id),
  client_id   bigint        not null references alloc_client (id),
  store_id    bigint        not null references alloc_store (id),
  quantity    integer       not null check (quantity > 0),
  unit_cost   numeric(12,2) not null check (unit_cost >= 0),
  source      text          not null check (source in ('CART', 'PREORDER', 'TOP_UP')),
  cart_id     bigint        references cart (id),
  preorder_id bigint        references preorder (id),
  qty_packed  integer       not null default 0,
  released_at timestamptz,
  created_at  timestamptz   not null,
  check (qty_packed between 0 and quantity),
  check (released_at is null or qty_packed = 0),
  check ((source = 'CART') = (cart_id is not null)),
  check ((source = 'PREORDER') = (preorder_id is not null))
);
create index allocation_open_idx on allocation (client_id, store_id) where released_at is null and qty_packed < quantity;
create index allocation_cart_idx on allocation (cart_id) where cart_id is not null;
create index allocation_lot_idx on allocation (lot_id);

create sequence pallet_code_seq;
create table pallet (
  id                   bigint generated always as identity primary key,
  code                 text          not null unique default 'PL-' || lpad(nextval('pallet_code_seq')::text, 6, '0'),
  client_id            bigint        not null references alloc_client (id),
  store_id             bigint        not null references alloc_store (id),
  destination_store_id bigint        not null references alloc_store (id),
  status               text          not null check (status in ('DRAFT', 'CONFIRMED', 'SHIPPED')),
  freight              numeric(12,2) not null check (freight >= 0),
  total_shipping       numeric(14,2) not null check (total_shipping >= 0),
  total_volume_in3     numeric(14,2) not null check (total_volume_in3 >= 0),
  total_weight_lb      numeric(12,3) not null check (total_weight_lb >= 0),
  volume_fill          numeric(6,4)  not null,
  weight_fill          numeric(6,4)  not null,
  shipped_on           date,
  created_at           timestamptz   not null,
  created_by           text          not null,
  confirmed_at         timestamptz,
  check ((status = 'SHIPPED') = (shipped_on is not null)),
  check ((status = 'DRAFT') = (confirmed_at is null))
);
create index pallet_client_idx on pallet (client_id, store_id, id);

create table pallet_line (
  pallet_id         bigint        not null references pallet (id) on delete cascade,
  allocation_id     bigint        not null references allocation (id),
  quantity          integer       not null check (quantity > 0),
  shipping_per_unit numeric(10,2) not null check (shipping_per_unit >= 0),
  primary key (pallet_id, allocation_id)
);
create index pallet_line_allocation_idx on pallet_line (allocation_id);

create table transfer_suggestion (
  id            bigint generated always as identity primary key,
  client_id     bigint        not null references alloc_client (id),
  from_store_id bigint        not null references alloc_store (id),
  to_store_id   bigint        not null references alloc_store (id),
  reason        text          not null check (reason in ('CART', 'PALLET_SHIPPING', 'PREORDER')),
  shortfall     numeric(14,2) not null check (shortfall > 0),
  status        text          not null check (status in ('OPEN', 'ACCEPTED', 'DISMISSED')),
  created_at    timestamptz   not null,
  decided_at    timestamptz,
  decided_by    text,
  check (from_store_id <> to_store_id),
  check ((status = 'OPEN') = (decided_at is null))
);
create unique index transfer_suggestion_open_uq on transfer_suggestion (client_id, from_store_id, to_store_id)
  where status = 'OPEN';

-- Partner webhook deliveries already accepted: a replayed signed request is refused.
create table webhook_delivery (
  partner     text        not null,
  signature   text        not null,
  received_at timestamptz not null,
  primary key (partner, signature)
);
create index webhook_delivery_received_idx on webhook_delivery (received_at);

-- An importer's own account of what changed ("3 new, 2 changed, 40 unchanged").
alter table import_job add column detail text;
