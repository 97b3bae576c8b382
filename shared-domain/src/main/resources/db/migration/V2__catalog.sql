-- Catalog: base product → version → catalog → configuration → dated prices, plus catalog images.
-- Codes are generated here (own sequences, human-readable, unique). Every row says who changed it last and when.

create extension if not exists btree_gist;

create sequence base_product_code_seq;
create table base_product (
  id          bigint generated always as identity primary key,
  code        text        not null unique default 'BP-' || lpad(nextval('base_product_code_seq')::text, 6, '0'),
  name        text        not null check (length(btrim(name)) between 1 and 200),
  item_type   text        not null check (item_type in ('VEHICLE', 'PARTS', 'ACCESSORIES')),
  sub_type    text        not null check (sub_type ~ '^[A-Z][A-Z0-9_]{0,49}$'),
  brand       text        check (length(brand) <= 100),
  model       text        check (length(model) <= 100),
  status      text        not null check (status in ('ACTIVE', 'INACTIVE')),
  description text        check (length(description) <= 4000),
  created_at  timestamptz not null,
  created_by  text        not null,
  changed_at  timestamptz not null,
  changed_by  text        not null
);
create unique index base_product_name_uq on base_product (lower(name));

create table product_version (
  id              bigint generated always as identity primary key,
  base_product_id bigint      not null references base_product (id),
  name            text        not null check (length(btrim(name)) between 1 and 200),
  description     text        check (length(description) <= 4000),
  status          text        not null check (status in ('ACTIVE', 'INACTIVE')),
  created_at      timestamptz not null,
  created_by      text        not null,
  changed_at      timestamptz not null,
  changed_by      text        not null
);
create unique index product_version_name_uq on product_version (base_product_id, lower(name));

create sequence catalog_code_seq;
create table catalog (
  id           bigint generated always as identity primary key,
  code         text          not null unique default 'CT-' || lpad(nextval('catalog_code_seq')::text, 6, '0'),
  version_id   bigint        not null references product_version (id),
  name         text          not null check (length(btrim(name)) between 1 and 200),
  year         text          check (year ~ '^(19|20)[0-9]{2}$'),
  hsn_code     text          not null check (hsn_code ~ '^([0-9]{4}|[0-9]{6}|[0-9]{8})$'),
  weight       numeric(10, 3) not null check (weight >= 0),
  colour       text          not null check (length(btrim(colour)) between 1 and 60),
  item_type    text          not null check (item_type in ('VEHICLE', 'PARTS', 'ACCESSORIES')),
  selling_type text          not null check (selling_type in ('UNKNOWN', 'SALEABLE', 'NON_SALEABLE')),
  gst_rate     text          not null check (gst_rate in ('GST-0', 'GST-5', 'GST-12', 'GST-18', 'GST-28')),
  status       text          not null check (status in ('ACTIVE', 'INACTIVE')),
  description  text          check (length(description) <= 4000),
  created_at   timestamptz   not null,
  created_by   text          not null,
  changed_at   timestamptz   not null,
  changed_by   text          not null
);
create unique index catalog_name_uq on catalog (version_id, lower(name));

create table catalog_image (
  id            uuid primary key,
  catalog_id    bigint      not null references catalog (id),
  object_name   text        not null unique,
  original_name text,
  content_type  text        not null check (content_type = 'image/jpeg'),
  size_bytes    bigint      not null check (size_bytes > 0),
  width         int         not null check (width > 0),
  height        int         not null check (height > 0),
  created_at    timestamptz not null,
  created_by    text        not null
);
create index catalog_image_catalog_idx on catalog_image (catalog_id, created_at);

create sequence catalog_config_code_seq;
create table catalog_config (
  id               bigint generated always as identity primary key,
  code             text        not null unique default 'CF-' || lpad(nextval('catalog_config_code_seq')::text, 6, '0'),
  catalog_id       bigint      not null references catalog (id),
  name             text        not null check (length(btrim(name)) between 1 and 200),
  description      text        check (length(description) <= 4000),
  additional_infos jsonb       not null default '[]' check (jsonb_typeof(additional_infos) = 'array'),
  status           text        not null check (status in ('ACTIVE', 'INACTIVE')),
  is_default       boolean     not null default false,
  created_at       timestamptz not null,
  created_by       text        not null,
  changed_at       timestamptz not null,
  changed_by       text        not null
);
create unique index catalog_config_name_uq on catalog_config (catalog_id, lower(name));
create index catalog_config_infos_idx on catalog_config using gin (additional_infos jsonb_path_ops);

-- At any instant at most one non-disabled price covers a configuration: the database refuses the overlap.
create table catalog_price (
  id         bigint generated always as identity primary key,
  config_id  bigint        not null references catalog_config (id),
  price      numeric(12, 2) not null check (price >= 0),
  valid_from timestamptz   not null,
  valid_to   timestamptz,
  state      text          not null check (state in ('SCHEDULED', 'ACTIVE', 'INACTIVE', 'DISABLED')),
  created_at timestamptz   not null,
  created_by text          not null,
  changed_at timestamptz   not null,
  changed_by text          not null,
  check (valid_to is null or valid_to > valid_from),
  constraint catalog_price_no_overlap exclude using gist
    (config_id with =, tstzrange(valid_from, valid_to) with &&) where (state <> 'DISABLED')
);
-- What the price-activation job looks for: scheduled prices that have started, active ones that have ended.
create index catalog_price_due_start_idx on catalog_price (valid_from) where state = 'SCHEDULED';
create index catalog_price_due_end_idx on catalog_price (valid_to) where state in ('SCHEDULED', 'ACTIVE');
