# Functions reach Cloud SQL's private IP through a Serverless VPC Access connector.
resource "google_compute_network" "loadout" {
  name                    = "loadout"
  auto_create_subnetworks = false
}

resource "google_compute_global_address" "private_services" {
  name          = "loadout-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 20
  network       = google_compute_network.loadout.id
}

resource "google_service_networking_connection" "private_services" {
  network                 = google_compute_network.loadout.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.private_services.name]
}

resource "google_vpc_access_connector" "functions" {
  name          = "loadout-functions"
  region        = var.region
  network       = google_compute_network.loadout.name
  ip_cidr_range = "10.8.0.0/28"
  min_instances = 2
  max_instances = 3
}
