-- What an import job read and what each row became (issue 11; dry runs: ADR 0016). All nullable: jobs finished
-- before this version, and files refused before they could be read, have no encoding or counts.
alter table import_job
  add column encoding          text,
  add column number_convention text check (number_convention in ('DECIMAL_POINT', 'DECIMAL_COMMA', 'UNDECIDED')),
  add column rows_new          int check (rows_new >= 0),
  add column rows_changed      int check (rows_changed >= 0),
  add column rows_unchanged    int check (rows_unchanged >= 0),
  add column dry_run           boolean not null default false;

-- The outcomes are counted all together or not at all, and they split the rows that succeeded (or, in a dry run,
-- would have): new + changed + unchanged + failed = total.
alter table import_job add constraint import_job_outcomes_ck check (
  (rows_new is null and rows_changed is null and rows_unchanged is null)
  or (rows_new is not null and rows_changed is not null and rows_unchanged is not null
      and rows_new + rows_changed + rows_unchanged = rows_succeeded));
