# A Pub/Sub topic with a dead-letter topic that catches messages its push subscriptions could not deliver.

variable "name" {
  type = string
}

variable "message_retention" {
  type    = string
  default = "604800s"
}

resource "google_pubsub_topic" "this" {
  name                       = var.name
  message_retention_duration = var.message_retention
}

resource "google_pubsub_topic" "dead_letter" {
  name                       = "${var.name}-dead-letter"
  message_retention_duration = var.message_retention
}

# Keeps dead letters readable for an operator (nothing consumes them automatically).
resource "google_pubsub_subscription" "dead_letter_inbox" {
  name                       = "${var.name}-dead-letter-inbox"
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = var.message_retention
  ack_deadline_seconds       = 60
}

output "id" {
  value = google_pubsub_topic.this.id
}

output "name" {
  value = google_pubsub_topic.this.name
}

output "dead_letter_id" {
  value = google_pubsub_topic.dead_letter.id
}
