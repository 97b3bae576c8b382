-- Platform tables: accounts and API tokens, the transactional outbox, import jobs, alerts, job runs.
-- Ids come from pooled sequences (increment 50 = Hibernate allocationSize) so inserts batch.

create table account (
  id          bigint primary key,
  name        text        not null check (length(btrim(name)) between 1 and 200),
  email       text        not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  role        text        not null check (role in ('ADMIN', 'CLIENT')),
  active      boolean     not null default true,
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  version     bigint      not null default 0
);
create unique index account_email_uq on account (lower(email));
create sequence account_id_seq increment by 50;

create table api_token (
  id           bigint primary key,
  account_id   bigint      not null references account (id),
  label        text        not null check (length(btrim(label)) between 1 and 100),
  prefix       text        not null,
  token_hash   bytea       not null unique check (length(token_hash) = 32),
  created_at   timestamptz not null,
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  check (expires_at is null or expires_at > created_at)
);
create index api_token_account_idx on api_token (account_id, id);
create sequence api_token_id_seq increment by 50;

create table outbox_event (
  id           uuid primary key,
  type         text        not null check (type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  version      int         not null check (version > 0),
  account_id   bigint references account (id),
  occurred_at  timestamptz not null,
  payload      jsonb       not null,
  published_at timestamptz,
  attempts     int         not null default 0,
  last_error   text
);
create index outbox_event_unpublished_idx on outbox_event (occurred_at) where published_at is null;

create table processed_event (
  consumer     text        not null,
  event_id     uuid        not null,
  processed_at timestamptz not null,
  primary key (consumer, event_id)
);

create table import_job (
  id             bigint primary key,
  kind           text        not null,
  bucket         text        not null,
  object_name    text        not null,
  generation     bigint      not null,
  size_bytes     bigint      check (size_bytes >= 0),
  checksum       text,
  status         text        not null check (status in ('RECEIVED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'PARTIAL')),
  bytes_read     bigint      not null default 0,
  rows_total     int         not null default 0 check (rows_total >= 0),
  rows_succeeded int         not null default 0 check (rows_succeeded >= 0),
  rows_failed    int         not null default 0 check (rows_failed >= 0),
  errors_object  text,
  error_summary  text,
  attempts       int         not null default 0,
  received_at    timestamptz not null,
  started_at     timestamptz,
  finished_at    timestamptz,
  constraint import_job_object_uq unique (bucket, object_name, generation),
  check (rows_succeeded + rows_failed <= rows_total)
);
create index import_job_status_idx on import_job (status, id);
create sequence import_job_id_seq increment by 50;

create table alert (
  id              bigint primary key,
  account_id      bigint references account (id),
  severity        text        not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
  code            text        not null,
  title           text        not null,
  detail          text,
  source_event_id uuid unique,
  created_at      timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by bigint references account (id)
);
create index alert_open_idx on alert (id) where acknowledged_at is null;
create index alert_account_idx on alert (account_id, id);
create sequence alert_id_seq increment by 50;

create table job_run (
  id              bigint primary key,
  job             text        not null,
  trigger_id      text        not null,
  status          text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
  started_at      timestamptz not null,
  finished_at     timestamptz,
  duration_ms     bigint,
  items_processed int,
  detail          text,
  error           text,
  constraint job_run_trigger_uq unique (job, trigger_id)
);
create index job_run_job_idx on job_run (job, id);
create sequence job_run_id_seq increment by 50;
