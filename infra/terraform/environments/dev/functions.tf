# One module per function module under functions/ (a test checks the two lists match). Each function's service
# account gets only what it touches: Cloud SQL client + event publishing for all; bucket access for imports.

module "function_ops" {
  source        = "../../modules/function"
  name          = "ops"
  project       = var.project
  region        = var.region
  entry_point   = local.http_entry
  source_bucket = data.google_storage_bucket.artifacts.name
  source_object = "${var.release}/ops.zip"
  trigger       = { kind = "http" }
  env           = local.common_env
  secret_env    = merge(local.common_secrets, { LOADOUT_BOOTSTRAP_SECRET = google_secret_manager_secret.app["loadout-bootstrap-secret"].secret_id })
  roles         = ["roles/cloudsql.client", "roles/pubsub.publisher"]
  vpc_connector = google_vpc_access_connector.functions.id
  native        = contains(var.native_functions, "ops")
  native_image  = "${var.native_image_repository}/ops:${var.release}"
}

module "function_imports" {
  source        = "../../modules/function"
  name          = "imports"
  project       = var.project
  region        = var.region
  entry_point   = local.event_entry
  source_bucket = data.google_storage_bucket.artifacts.name
  source_object = "${var.release}/imports.zip"
  trigger       = { kind = "storage", bucket = module.bucket.name }
  env           = merge(local.common_env, { QUARKUS_FUNQY_EXPORT = "importObject" })
  secret_env    = local.common_secrets
  roles         = ["roles/cloudsql.client", "roles/pubsub.publisher", "roles/eventarc.eventReceiver"]
  vpc_connector = google_vpc_access_connector.functions.id
  timeout_seconds = 540
  native        = contains(var.native_functions, "imports")
  native_image  = "${var.native_image_repository}/imports:${var.release}"
}

# imports reads uploads and writes errors reports in the bucket, nowhere else.
resource "google_storage_bucket_iam_member" "imports_bucket" {
  bucket = module.bucket.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${module.function_imports.service_account_email}"
}

module "function_notifier" {
  source        = "../../modules/function"
  name          = "notifier"
  project       = var.project
  region        = var.region
  entry_point   = local.event_entry
  source_bucket = data.google_storage_bucket.artifacts.name
  source_object = "${var.release}/notifier.zip"
  trigger       = { kind = "pubsub", topic = module.events_topic.id }
  env = merge(local.common_env, {
    QUARKUS_FUNQY_EXPORT = "notify"
    LOADOUT_SMTP_HOST    = var.smtp_host
    LOADOUT_SMTP_PORT    = tostring(var.smtp_port)
    LOADOUT_NOTIFY_ADMIN_EMAIL = var.admin_email
  })
  secret_env    = merge(local.common_secrets, { LOADOUT_SMTP_PASSWORD = google_secret_manager_secret.app["loadout-smtp-password"].secret_id })
  roles         = ["roles/cloudsql.client", "roles/eventarc.eventReceiver"]
  vpc_connector = google_vpc_access_connector.functions.id
  native        = contains(var.native_functions, "notifier")
  native_image  = "${var.native_image_repository}/notifier:${var.release}"
}

module "function_jobs" {
  source        = "../../modules/function"
  name          = "jobs"
  project       = var.project
  region        = var.region
  entry_point   = local.event_entry
  source_bucket = data.google_storage_bucket.artifacts.name
  source_object = "${var.release}/jobs.zip"
  trigger       = { kind = "pubsub", topic = module.jobs_topic.id }
  env           = merge(local.common_env, { QUARKUS_FUNQY_EXPORT = "runJob" })
  secret_env    = local.common_secrets
  roles         = ["roles/cloudsql.client", "roles/pubsub.publisher", "roles/eventarc.eventReceiver"]
  vpc_connector = google_vpc_access_connector.functions.id
  timeout_seconds = 540
  native        = contains(var.native_functions, "jobs")
  native_image  = "${var.native_image_repository}/jobs:${var.release}"
}

# Lets Pub/Sub move undeliverable messages to the dead-letter topics. Cloud Functions/Eventarc create the trigger
# subscriptions themselves, so the dead-letter policy is attached after deploy (README, "Deploy", step 5).
resource "google_pubsub_topic_iam_member" "dead_letter_publish" {
  for_each = { events = module.events_topic.dead_letter_id, jobs = module.jobs_topic.dead_letter_id }
  topic    = each.value
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

data "google_project" "this" {
}
