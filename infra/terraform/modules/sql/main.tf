# Cloud SQL for PostgreSQL 15 (the same major as the local and test databases), private IP only, with automated
# daily backups and point-in-time recovery. The application password lives in Secret Manager.

variable "name" {
  type = string
}

variable "region" {
  type = string
}

variable "network_id" {
  type = string
}

variable "tier" {
  type    = string
  default = "db-custom-1-3840"
}

variable "backup_start_time" {
  type    = string
  default = "03:00"
}

variable "retained_backups" {
  type    = number
  default = 14
}

variable "log_retention_days" {
  type    = number
  default = 7
}

variable "deletion_protection" {
  type    = bool
  default = true
}

resource "google_sql_database_instance" "this" {
  name                = var.name
  region              = var.region
  database_version    = "POSTGRES_15"
  deletion_protection = var.deletion_protection

  settings {
    tier              = var.tier
    availability_type = "ZONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
    }

    backup_configuration {
      enabled                        = true
      start_time                     = var.backup_start_time
      point_in_time_recovery_enabled = true
      transaction_log_retention_days = var.log_retention_days

      backup_retention_settings {
        retained_backups = var.retained_backups
        retention_unit   = "COUNT"
      }
    }

    database_flags {
      name  = "max_connections"
      value = "200"
    }
  }
}

resource "google_sql_database" "loadout" {
  name     = "loadout"
  instance = google_sql_database_instance.this.name
}

resource "random_password" "app" {
  length  = 32
  special = false
}

resource "google_sql_user" "app" {
  name     = "loadout"
  instance = google_sql_database_instance.this.name
  password = random_password.app.result
}

resource "google_secret_manager_secret" "db_password" {
  secret_id = "${var.name}-db-password"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "db_password" {
  secret      = google_secret_manager_secret.db_password.id
  secret_data = random_password.app.result
}

output "jdbc_url" {
  value = "jdbc:postgresql://${google_sql_database_instance.this.private_ip_address}:5432/${google_sql_database.loadout.name}"
}

output "user" {
  value = google_sql_user.app.name
}

output "password_secret_id" {
  value = google_secret_manager_secret.db_password.secret_id
}

output "instance_name" {
  value = google_sql_database_instance.this.name
}
