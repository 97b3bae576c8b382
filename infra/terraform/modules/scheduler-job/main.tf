# One Cloud Scheduler entry: publishes {"job": "<name>"} to the jobs topic on a unix cron (UTC).

variable "job" {
  type = string
}

variable "cron" {
  type = string
}

variable "topic_id" {
  type = string
}

variable "region" {
  type = string
}

variable "time_zone" {
  type    = string
  default = "Etc/UTC"
}

resource "google_cloud_scheduler_job" "this" {
  name      = "loadout-${var.job}"
  region    = var.region
  schedule  = var.cron
  time_zone = var.time_zone

  pubsub_target {
    topic_name = var.topic_id
    data       = base64encode(jsonencode({ job = var.job }))
    attributes = { job = var.job }
  }

  retry_config {
    retry_count = 1
  }
}
