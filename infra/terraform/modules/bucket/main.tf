# The file bucket: imports/<kind>/… uploads (which trigger the imports function), errors reports, images.

variable "name" {
  type = string
}

variable "location" {
  type = string
}

variable "keep_noncurrent_days" {
  type    = number
  default = 30
}

resource "google_storage_bucket" "this" {
  name                        = var.name
  location                    = var.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.keep_noncurrent_days
    }
    action {
      type = "Delete"
    }
  }
}

output "name" {
  value = google_storage_bucket.this.name
}
