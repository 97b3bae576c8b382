-- An alert about a business party (an allocation client) names that party as its audience, so that linking the
-- party's login later hands the login the alerts raised before (issue 12, finding 8).
alter table alert add column audience text;
create index alert_audience_idx on alert (audience) where audience is not null;

-- While an alert with the same open key is unacknowledged, raising it again changes nothing: a condition repeated
-- by every regeneration (a kept-back pallet) is one alert, not one per attempt.
alter table alert add column open_key text;
create unique index alert_open_key_uq on alert (open_key) where open_key is not null and acknowledged_at is null;
