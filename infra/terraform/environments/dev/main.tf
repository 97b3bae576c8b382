# Loadout, dev environment: database, bucket, topics, schedules, secrets and one module per function.

module "sql" {
  source              = "../../modules/sql"
  name                = "loadout-dev"
  region              = var.region
  network_id          = google_compute_network.loadout.id
  deletion_protection = false
  depends_on          = [google_service_networking_connection.private_services]
}

module "bucket" {
  source   = "../../modules/bucket"
  name     = "${var.project}-loadout-dev"
  location = var.region
}

module "events_topic" {
  source = "../../modules/topic"
  name   = "loadout-events"
}

module "jobs_topic" {
  source = "../../modules/topic"
  name   = "loadout-jobs"
}

# Secrets are created empty here; their values are added out of band (gcloud secrets versions add), never in code.
resource "google_secret_manager_secret" "app" {
  for_each  = toset(["loadout-bootstrap-secret", "loadout-smtp-password", "loadout-webhook-ungating", "loadout-webhook-storefront", "loadout-webhook-autofba", "loadout-autofba-token", "loadout-storefront-api-token"])
  secret_id = each.value
  replication {
    auto {}
  }
}

data "google_storage_bucket" "artifacts" {
  name = var.artifacts_bucket
}

# Lets the storage service agent publish the bucket's events (needed by Eventarc storage triggers).
data "google_storage_project_service_account" "gcs" {
}

resource "google_project_iam_member" "gcs_publishes_events" {
  project = var.project
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.gcs.email_address}"
}

locals {
  common_env = {
    LOADOUT_DB_URL       = module.sql.jdbc_url
    LOADOUT_DB_USER      = module.sql.user
    LOADOUT_BUCKET       = module.bucket.name
    GOOGLE_CLOUD_PROJECT = var.project
  }
  common_secrets = {
    LOADOUT_DB_PASSWORD = module.sql.password_secret_id
  }
  http_entry  = "io.quarkus.gcp.functions.http.QuarkusHttpFunction"
  event_entry = "io.quarkus.funqy.gcp.functions.FunqyCloudEventsFunction"
}
