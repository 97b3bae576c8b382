output "ops_url" {
  value = module.function_ops.url
}

output "bucket" {
  value = module.bucket.name
}

output "database_instance" {
  value = module.sql.instance_name
}
