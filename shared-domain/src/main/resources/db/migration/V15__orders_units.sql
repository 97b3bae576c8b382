-- Orders, sixth part: an order's units (the sum of its lines' quantities) kept on the order. Lines never change
-- after an order is placed, so the owner (Orders) writes it once with them; the summary by buyer then aggregates
-- orders alone, never a join to every line.
alter table sales_order add column units integer;
update sales_order o set units = (select sum(l.quantity) from order_line l where l.order_id = o.id);
alter table sales_order alter column units set not null, add constraint sales_order_units check (units >= 1);
