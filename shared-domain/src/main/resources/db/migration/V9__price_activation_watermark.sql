-- Price activation without non-HOT updates (ADR 0020).
-- The job changes only state/changed_at/changed_by. While state was in the exclusion constraint's predicate and in
-- the due-state partial indexes, every change wrote a new entry into all four indexes and re-ran the GiST exclusion
-- check. Now no index mentions state, so the change is a HOT update; the job finds its rows by window bounds
-- (plain indexes on columns it never writes) after a watermark.

-- Room on each page for the new row versions a HOT update needs (each price changes state at most twice).
alter table catalog_price set (fillfactor = 80);

-- Derived from state, so it can never disagree with it; unchanged by SCHEDULED -> ACTIVE -> INACTIVE.
alter table catalog_price add column disabled boolean generated always as (state = 'DISABLED') stored;

alter table catalog_price drop constraint catalog_price_no_overlap;
alter table catalog_price add constraint catalog_price_no_overlap exclude using gist
  (config_id with =, tstzrange(valid_from, valid_to) with &&) where (not disabled);

drop index catalog_price_due_start_idx;
drop index catalog_price_due_end_idx;
create index catalog_price_starts_idx on catalog_price (valid_from);
create index catalog_price_ends_idx on catalog_price (valid_to) where valid_to is not null;
-- The writers bring their own configurations' states up to the clock (PriceTransitions.apply by configuration).
create index catalog_price_config_idx on catalog_price (config_id);

-- The single row the price-activation job advances: every non-disabled price whose start or end is at or before
-- `through` (less the job's clock-skew margin) is in its state. Writers of prices hold it FOR SHARE while they
-- write, the job FOR UPDATE while it moves states, so no price can be written behind the job's back.
create table price_activation (
  singleton boolean     primary key default true check (singleton),
  through   timestamptz not null
);
-- Starts where the per-row states say the job has got to: at the earliest transition still pending, else now.
insert into price_activation (through)
select least(now(), coalesce(min(case when state = 'SCHEDULED' then valid_from else valid_to end), now()))
  from catalog_price
 where state = 'SCHEDULED' or (state = 'ACTIVE' and valid_to is not null);
