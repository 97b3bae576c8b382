-- A draft pallet may carry top-up units: further stock proposed to fill it, reserved only when it is confirmed.
alter table pallet_line drop constraint pallet_line_pkey;
alter table pallet_line add column id bigint generated always as identity primary key;
alter table pallet_line add column lot_id bigint references inventory_lot (id);
alter table pallet_line add column top_up boolean not null default false;
alter table pallet_line alter column allocation_id drop not null;
update pallet_line l set lot_id = a.lot_id from allocation a where a.id = l.allocation_id;
alter table pallet_line alter column lot_id set not null;
alter table pallet_line add constraint pallet_line_source check (top_up or allocation_id is not null);
create unique index pallet_line_allocation_uq on pallet_line (pallet_id, allocation_id) where allocation_id is not null;
create unique index pallet_line_top_up_uq on pallet_line (pallet_id, lot_id) where top_up;
