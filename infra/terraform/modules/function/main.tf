# One Loadout function with its own least-privilege service account. Deployed either as a Cloud Functions gen2
# function (JVM, the runner jar) or, with native = true, as a Cloud Run service running the native image of the
# same module, fed by an Eventarc trigger for event functions.

variable "name" {
  type = string
}

variable "project" {
  type = string
}

variable "region" {
  type = string
}

variable "entry_point" {
  description = "io.quarkus.gcp.functions.http.QuarkusHttpFunction or io.quarkus.funqy.gcp.functions.FunqyCloudEventsFunction"
  type        = string
}

variable "source_bucket" {
  type = string
}

variable "source_object" {
  description = "zip of target/deployment/ of the function module"
  type        = string
}

variable "trigger" {
  description = "http, storage (object finalized in bucket) or pubsub (message published on topic)"
  type = object({
    kind   = string
    bucket = optional(string)
    topic  = optional(string)
  })
  validation {
    condition     = contains(["http", "storage", "pubsub"], var.trigger.kind)
    error_message = "trigger.kind must be http, storage or pubsub"
  }
}

variable "env" {
  type    = map(string)
  default = {}
}

variable "secret_env" {
  description = "environment variable name → Secret Manager secret id"
  type        = map(string)
  default     = {}
}

variable "roles" {
  description = "project roles this function's service account needs, and nothing more"
  type        = list(string)
  default     = []
}

variable "vpc_connector" {
  type = string
}

variable "memory" {
  type    = string
  default = "512Mi"
}

variable "timeout_seconds" {
  type    = number
  default = 300
}

variable "max_instances" {
  type    = number
  default = 10
}

variable "native" {
  description = "deploy the native image (-Dnative) to Cloud Run instead of the JVM jar to Cloud Functions"
  type        = bool
  default     = false
}

variable "native_image" {
  type    = string
  default = ""
}

resource "google_service_account" "this" {
  account_id   = "fn-${var.name}"
  display_name = "Loadout function ${var.name}"
}

resource "google_project_iam_member" "roles" {
  for_each = toset(var.roles)
  project  = var.project
  role     = each.value
  member   = "serviceAccount:${google_service_account.this.email}"
}

resource "google_secret_manager_secret_iam_member" "secrets" {
  for_each  = var.secret_env
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.this.email}"
}

locals {
  event_type = {
    storage = "google.cloud.storage.object.v1.finalized"
    pubsub  = "google.cloud.pubsub.topic.v1.messagePublished"
  }
}

resource "google_cloudfunctions2_function" "jvm" {
  count    = var.native ? 0 : 1
  name     = "loadout-${var.name}"
  location = var.region

  build_config {
    runtime     = "java17"
    entry_point = var.entry_point
    source {
      storage_source {
        bucket = var.source_bucket
        object = var.source_object
      }
    }
  }

  service_config {
    service_account_email          = google_service_account.this.email
    available_memory               = var.memory
    timeout_seconds                = var.timeout_seconds
    max_instance_count             = var.max_instances
    vpc_connector                  = var.vpc_connector
    vpc_connector_egress_settings  = "PRIVATE_RANGES_ONLY"
    ingress_settings               = var.trigger.kind == "http" ? "ALLOW_ALL" : "ALLOW_INTERNAL_ONLY"
    all_traffic_on_latest_revision = true
    environment_variables          = var.env

    dynamic "secret_environment_variables" {
      for_each = var.secret_env
      content {
        key        = secret_environment_variables.key
        project_id = var.project
        secret     = secret_environment_variables.value
        version    = "latest"
      }
    }
  }

  dynamic "event_trigger" {
    for_each = var.trigger.kind == "http" ? [] : [var.trigger]
    content {
      trigger_region        = var.region
      event_type            = local.event_type[event_trigger.value.kind]
      pubsub_topic          = event_trigger.value.kind == "pubsub" ? event_trigger.value.topic : null
      retry_policy          = "RETRY_POLICY_RETRY"
      service_account_email = google_service_account.this.email

      dynamic "event_filters" {
        for_each = event_trigger.value.kind == "storage" ? [event_trigger.value.bucket] : []
        content {
          attribute = "bucket"
          value     = event_filters.value
        }
      }
    }
  }
}

resource "google_cloud_run_v2_service" "native" {
  count    = var.native ? 1 : 0
  name     = "loadout-${var.name}"
  location = var.region
  ingress  = var.trigger.kind == "http" ? "INGRESS_TRAFFIC_ALL" : "INGRESS_TRAFFIC_INTERNAL_ONLY"

  template {
    service_account = google_service_account.this.email
    timeout         = "${var.timeout_seconds}s"
    scaling {
      max_instance_count = var.max_instances
    }
    vpc_access {
      connector = var.vpc_connector
      egress    = "PRIVATE_RANGES_ONLY"
    }
    containers {
      image = var.native_image
      resources {
        limits = { memory = var.memory }
      }
      dynamic "env" {
        for_each = var.env
        content {
          name  = env.key
          value = env.value
        }
      }
      dynamic "env" {
        for_each = var.secret_env
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = env.value
              version = "latest"
            }
          }
        }
      }
    }
  }
}

resource "google_eventarc_trigger" "native" {
  count           = var.native && var.trigger.kind != "http" ? 1 : 0
  name            = "loadout-${var.name}"
  location        = var.region
  service_account = google_service_account.this.email

  matching_criteria {
    attribute = "type"
    value     = local.event_type[var.trigger.kind]
  }

  dynamic "matching_criteria" {
    for_each = var.trigger.kind == "storage" ? [var.trigger.bucket] : []
    content {
      attribute = "bucket"
      value     = matching_criteria.value
    }
  }

  dynamic "transport" {
    for_each = var.trigger.kind == "pubsub" ? [var.trigger.topic] : []
    content {
      pubsub {
        topic = transport.value
      }
    }
  }

  destination {
    cloud_run_service {
      service = google_cloud_run_v2_service.native[0].name
      region  = var.region
    }
  }
}

# Eventarc (and Pub/Sub push) may invoke only this function's own identity.
resource "google_cloud_run_v2_service_iam_member" "invoker" {
  count    = var.trigger.kind == "http" ? 0 : 1
  name     = var.native ? google_cloud_run_v2_service.native[0].name : google_cloudfunctions2_function.jvm[0].service_config[0].service
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.this.email}"
}

output "service_account_email" {
  value = google_service_account.this.email
}

output "url" {
  value = var.native ? google_cloud_run_v2_service.native[0].uri : google_cloudfunctions2_function.jvm[0].service_config[0].uri
}
