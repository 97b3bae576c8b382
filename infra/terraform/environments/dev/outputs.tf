output "ops_url" {
  value = module.function["ops"].url
}

output "bucket" {
  value = module.bucket.name
}

output "database_instance" {
  value = module.sql.instance_name
}
