output "service_name" {
  description = "The ECS service running Steward."
  value       = aws_ecs_service.steward.name
}

output "cluster_arn" {
  description = "The cluster the service runs in (created by the module unless cluster_arn was given)."
  value       = local.cluster_arn
}

output "task_role_arn" {
  description = "Steward's own role (the controller policy): trust it from other accounts' roles if Steward manages them."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "ECS's role for the task: image pull, logs and the Slack secret."
  value       = aws_iam_role.execution.arn
}

output "security_group_id" {
  description = "The tasks' security group (allow it on VPC endpoints)."
  value       = aws_security_group.steward.id
}

output "whitelist_table_names" {
  description = "Whitelist tables by environment (or \"shared\"), in the seed's schema."
  value       = { for key, table in aws_dynamodb_table.whitelist : key => table.name }
}

output "whitelist_table_arns" {
  description = "Whitelist table ARNs by environment (or \"shared\")."
  value       = { for key, table in aws_dynamodb_table.whitelist : key => table.arn }
}

output "whitelist_stream_arns" {
  description = "The whitelist tables' streams, which wake the loop."
  value       = { for key, table in aws_dynamodb_table.whitelist : key => table.stream_arn }
}

output "environments_table_name" {
  description = "Tier overrides and bastion leases."
  value       = aws_dynamodb_table.environments.name
}

output "environments_table_arn" {
  description = "ARN of the environments table."
  value       = aws_dynamodb_table.environments.arn
}

output "lease_table_name" {
  description = "The leader lease's table."
  value       = aws_dynamodb_table.leases.name
}

output "lease_table_arn" {
  description = "ARN of the lease table."
  value       = aws_dynamodb_table.leases.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the JSON log lines (query them with Logs Insights)."
  value       = aws_cloudwatch_log_group.steward.name
}

output "kms_key_arn" {
  description = "The key of the tables and the log group."
  value       = local.kms_key_arn
}
