# One entry per function module under functions/ (a test checks the two lists match). Each function's service
# account gets only what it touches: Cloud SQL client for all, event publishing where it emits events, Eventarc
# receipt for event functions, and (below) the bucket for imports.
locals {
  no_secrets = {}
  # Functions that answer people or short events start on the JVM's first compiler only: 0.7-1.3 s less start
  # (ADR 0023); imports and jobs keep the optimising one for their long batches.
  quick_start = { JAVA_TOOL_OPTIONS = "-XX:TieredStopAtLevel=1" }
  # the storefront's seller account (its webhook in orders, its catch-up pull in jobs) and the buyer page
  storefront_env = {
    LOADOUT_ORDERS_STOREFRONT_SELLER_EMAIL = var.storefront_seller_email
    LOADOUT_ORDERS_BUYER_LINKS_PAGE_URL    = var.buyer_page_url
  }
  functions = {
    ops = {
      entry_point = local.http_entry
      trigger     = { kind = "http", bucket = null, topic = null }
      env         = local.quick_start
      secret_env  = { LOADOUT_BOOTSTRAP_SECRET = google_secret_manager_secret.app["loadout-bootstrap-secret"].secret_id }
      roles       = ["roles/cloudsql.client", "roles/pubsub.publisher"]
      timeout     = 60
    }
    catalog = {
      entry_point = local.http_entry
      trigger     = { kind = "http", bucket = null, topic = null }
      env         = local.quick_start
      secret_env  = local.no_secrets
      roles       = ["roles/cloudsql.client", "roles/pubsub.publisher"]
      timeout     = 120
    }
    allocation = {
      entry_point = local.http_entry
      trigger     = { kind = "http", bucket = null, topic = null }
      env         = local.quick_start
      secret_env = {
        LOADOUT_WEBHOOKS_UNGATING_SECRET = google_secret_manager_secret.app["loadout-webhook-ungating"].secret_id
        LOADOUT_WEBHOOKS_AUTOFBA_SECRET  = google_secret_manager_secret.app["loadout-webhook-autofba"].secret_id
      }
      roles   = ["roles/cloudsql.client", "roles/pubsub.publisher"]
      timeout = 120
    }
    orders = {
      entry_point = local.http_entry
      trigger     = { kind = "http", bucket = null, topic = null }
      env = merge(local.quick_start, local.storefront_env, {
        LOADOUT_ORDERS_DEFAULT_COUNTRY_CODE = var.orders_default_country_code
      })
      secret_env = {
        LOADOUT_ORDERS_STOREFRONT_WEBHOOK_SECRET = google_secret_manager_secret.app["loadout-webhook-storefront"].secret_id
      }
      roles   = ["roles/cloudsql.client", "roles/pubsub.publisher"]
      timeout = 120
    }
    imports = {
      entry_point = local.event_entry
      trigger     = { kind = "storage", bucket = module.bucket.name, topic = null }
      env         = { QUARKUS_FUNQY_EXPORT = "importObject" }
      secret_env  = local.no_secrets
      roles       = ["roles/cloudsql.client", "roles/pubsub.publisher", "roles/eventarc.eventReceiver"]
      timeout     = 540
    }
    notifier = {
      entry_point = local.event_entry
      trigger     = { kind = "pubsub", bucket = null, topic = module.events_topic.id }
      env = merge(local.quick_start, {
        QUARKUS_FUNQY_EXPORT       = "notify"
        LOADOUT_SMTP_HOST          = var.smtp_host
        LOADOUT_SMTP_PORT          = tostring(var.smtp_port)
        LOADOUT_NOTIFY_ADMIN_EMAIL = var.admin_email
        # the buyer links it mails open this page
        LOADOUT_ORDERS_BUYER_LINKS_PAGE_URL = var.buyer_page_url
      })
      secret_env = { LOADOUT_SMTP_PASSWORD = google_secret_manager_secret.app["loadout-smtp-password"].secret_id }
      roles      = ["roles/cloudsql.client", "roles/eventarc.eventReceiver"]
      timeout    = 120
    }
    jobs = {
      entry_point = local.event_entry
      trigger     = { kind = "pubsub", bucket = null, topic = module.jobs_topic.id }
      env = merge(local.storefront_env, {
        QUARKUS_FUNQY_EXPORT              = "runJob"
        LOADOUT_ALLOCATION_SHEET_URL      = var.inventory_sheet_url
        LOADOUT_ALLOCATION_AUTOFBA_URL    = var.autofba_feed_url
        LOADOUT_ORDERS_STOREFRONT_API_URL = var.storefront_api_url
      })
      secret_env = {
        LOADOUT_ALLOCATION_AUTOFBA_TOKEN    = google_secret_manager_secret.app["loadout-autofba-token"].secret_id
        LOADOUT_ORDERS_STOREFRONT_API_TOKEN = google_secret_manager_secret.app["loadout-storefront-api-token"].secret_id
      }
      roles   = ["roles/cloudsql.client", "roles/pubsub.publisher", "roles/eventarc.eventReceiver"]
      timeout = 540
    }
  }
}

module "function" {
  source          = "../../modules/function"
  for_each        = local.functions
  name            = each.key
  project         = var.project
  region          = var.region
  entry_point     = each.value.entry_point
  source_bucket   = data.google_storage_bucket.artifacts.name
  source_object   = "${var.release}/${each.key}.zip"
  trigger         = each.value.trigger
  env             = merge(local.common_env, each.value.env)
  secret_env      = merge(local.common_secrets, each.value.secret_env)
  roles           = each.value.roles
  vpc_connector   = google_vpc_access_connector.functions.id
  timeout_seconds = each.value.timeout
  native          = contains(var.native_functions, each.key)
  native_image    = "${var.native_image_repository}/${each.key}:${var.release}"
}

# imports reads uploads and writes errors reports in the bucket; catalog stores and deletes catalog images there;
# jobs drops the polled buying sheet into imports/inventory/, and its import-sweep re-reads abandoned uploads.
resource "google_storage_bucket_iam_member" "bucket_users" {
  for_each = toset(["imports", "catalog", "jobs"])
  bucket   = module.bucket.name
  role     = "roles/storage.objectUser"
  member   = "serviceAccount:${module.function[each.key].service_account_email}"
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
