-- Keyset pages over ungating, like every other list (its key is (store, asin), which is not a cursor).
alter table ungating add column id bigint generated always as identity;
alter table ungating add constraint ungating_id_uq unique (id);
create index admin_task_status_idx on admin_task (status, id);
create index cart_status_idx on cart (status, id);
create index pallet_status_idx on pallet (status, id);
