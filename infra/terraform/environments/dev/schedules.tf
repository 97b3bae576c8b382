# Cloud Scheduler entries: the same names and crons as the jobs function's schedule list
# (functions/jobs/src/main/resources/META-INF/microprofile-config.properties); a test keeps them equal.
# "backup" is local only: here Cloud SQL takes automated backups with point-in-time recovery (modules/sql).
locals {
  schedules = {
    "outbox-sweep"         = "*/5 * * * *"
    "import-sweep"         = "*/5 * * * *"
    "price-activation"     = "*/2 * * * *"
    "inventory-sheet-poll" = "*/15 * * * *"
    "autofba-pull"         = "7 * * * *"
    "storefront-pull"      = "*/15 * * * *"
  }
}

module "schedule" {
  source   = "../../modules/scheduler-job"
  for_each = local.schedules
  job      = each.key
  cron     = each.value
  topic_id = module.jobs_topic.id
  region   = var.region
}
