-- Orders (seed 001), first part: a seller's customers and items. Every row belongs to a seller, an account (the
-- operator's storefront is an ADMIN account; a CLIENT account may sell too). What must never break is here: one
-- customer per email and seller, one item per SKU and seller, stock never below zero.

create table customer (
  id          bigint generated always as identity primary key,
  seller_id   bigint      not null references account (id),
  name        text        not null check (length(btrim(name)) between 1 and 200),
  email       text        check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
  -- as entered, and in E.164 where it could be read without guessing (PhoneNumber)
  phone       text        check (length(phone) between 1 and 40),
  phone_e164  text        check (phone_e164 ~ '^\+[1-9][0-9]{7,14}$'),
  address     text        check (length(address) <= 1000),
  -- handle per network ({"instagram": "@x"}); never shown to buyers
  social      jsonb       not null default '{}' check (jsonb_typeof(social) = 'object'),
  notes       text        check (length(notes) <= 4000),
  created_at  timestamptz not null,
  created_by  text        not null,
  updated_at  timestamptz not null,
  updated_by  text        not null,
  check (phone_e164 is null or phone is not null)
);
create unique index customer_seller_email_uq on customer (seller_id, lower(email)) where email is not null;
create index customer_seller_phone_idx on customer (seller_id, phone_e164) where phone_e164 is not null;
create index customer_seller_id_idx on customer (seller_id, id);

create table item (
  id          bigint generated always as identity primary key,
  seller_id   bigint        not null references account (id),
  sku         text          not null check (length(btrim(sku)) between 1 and 100),
  name        text          not null check (length(btrim(name)) between 1 and 300),
  price       numeric(12,2) not null check (price >= 0),
  stock       integer       not null check (stock >= 0),
  active      boolean       not null default true,
  created_at  timestamptz   not null,
  created_by  text          not null,
  updated_at  timestamptz   not null,
  updated_by  text          not null
);
create unique index item_seller_sku_uq on item (seller_id, lower(sku));
create index item_seller_id_idx on item (seller_id, id);
