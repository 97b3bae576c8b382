-- Import leases (ADR 0008): the last sign of life of the attempt holding a job (its claim, then each progress
-- report). An unfinished job silent for longer than the lease is taken over by a delivery, the import-sweep job or
-- a restart of the local stack; RECEIVED jobs count from their registration.
alter table import_job add column heartbeat_at timestamptz;
update import_job set heartbeat_at = coalesce(started_at, received_at);
alter table import_job alter column heartbeat_at set not null;
create index import_job_unfinished_idx on import_job (heartbeat_at) where status in ('RECEIVED', 'PROCESSING');
