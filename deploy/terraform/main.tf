# Steward on ECS Fargate: one controller (or a leader and standbys with ha_enabled), its task
# and execution roles, its DynamoDB tables, its log group. The image comes from deploy/Dockerfile.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  kms_key_arn = var.kms_key_arn != null ? var.kms_key_arn : aws_kms_key.steward[0].arn
  cluster_arn = var.cluster_arn != null ? var.cluster_arn : aws_ecs_cluster.steward[0].arn

  # The seed's layout: one table per environment, or one shared by all.
  whitelist_tables = var.shared_whitelist_table_name != null ? { shared = var.shared_whitelist_table_name } : {
    for environment in var.environments : environment => format(var.whitelist_table_name_format, environment)
  }

  port = 9090
  tags = merge({ "steward:component" = var.name }, var.tags)
}

# Created only when no key is given: the tables and the log group are encrypted with a key the
# account controls, rotated yearly.
resource "aws_kms_key" "steward" {
  count                   = var.kms_key_arn == null ? 1 : 0
  description             = "${var.name}: DynamoDB tables and CloudWatch logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json
  tags                    = local.tags
}

resource "aws_kms_alias" "steward" {
  count         = var.kms_key_arn == null ? 1 : 0
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.steward[0].key_id
}

data "aws_iam_policy_document" "kms" {
  # A key policy's Resource "*" is the key itself, and kms:* for the account root is AWS's
  # default key policy: it hands the key's administration to IAM, where it is least-privileged.
  #checkov:skip=CKV_AWS_109:key policy; "*" is this key and the root grant delegates to IAM (AWS's default key policy)
  #checkov:skip=CKV_AWS_111:key policy; "*" is this key and the root grant delegates to IAM (AWS's default key policy)
  #checkov:skip=CKV_AWS_356:key policy; "*" is this key, not every resource
  # The account administers the key through IAM, as with a default key policy.
  statement {
    sid       = "AccountAdministersThroughIAM"
    actions   = ["kms:*"]
    resources = ["*"] # in a key policy, "*" is this key
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # CloudWatch Logs encrypts the log group's events with it, for this log group only.
  statement {
    sid       = "CloudWatchLogsForTheLogGroup"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"] # in a key policy, "*" is this key
    principals {
      type        = "Service"
      identifiers = ["logs.${local.region}.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/ecs/${var.name}"]
    }
  }
}

resource "aws_cloudwatch_log_group" "steward" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = local.kms_key_arn
  tags              = local.tags
}
