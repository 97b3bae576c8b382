variable "project" {
  type = string
}

variable "region" {
  type    = string
  default = "europe-west1"
}

variable "artifacts_bucket" {
  description = "bucket holding the zipped target/deployment/ of each function, uploaded by the build"
  type        = string
}

variable "release" {
  description = "release id: function sources are artifacts_bucket/<release>/<function>.zip"
  type        = string
}

variable "native_functions" {
  description = "functions to deploy as native images on Cloud Run instead of JVM jars on Cloud Functions"
  type        = set(string)
  default     = []
}

variable "native_image_repository" {
  description = "Artifact Registry path of the native images: <repository>/<function>:<release>"
  type        = string
  default     = ""
}

variable "admin_email" {
  type    = string
  default = "allocation@profitzon.net"
}

variable "smtp_host" {
  type = string
}

variable "smtp_port" {
  type    = number
  default = 587
}

variable "inventory_sheet_url" {
  description = "The buying sheet's published CSV export, polled by the inventory-sheet-poll job (empty: not polled)"
  type        = string
  default     = ""
}

variable "autofba_feed_url" {
  description = "The AutoFBA panel's feed endpoint, pulled by the autofba-pull job (empty: not pulled)"
  type        = string
  default     = ""
}

variable "orders_default_country_code" {
  description = "Calling code (digits, no +) that national phone numbers of customers are read in, e.g. 44; empty: only international numbers are normalised to E.164."
  type        = string
  default     = ""
}

variable "storefront_seller_email" {
  description = "Email of the seller account the storefront's webhook and catch-up pull write for (the operator's own); empty: storefront off"
  type        = string
  default     = ""
}

variable "storefront_api_url" {
  description = "The storefront's REST API root pulled by storefront-pull, e.g. https://shop.example/admin/api/2025-01 (empty: not pulled)"
  type        = string
  default     = ""
}

variable "buyer_page_url" {
  description = "The public buyer page that buyer links open (the secret follows as the URL fragment)"
  type        = string
}
