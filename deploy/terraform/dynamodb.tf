# The desired-state store's tables. The whitelist tables keep the seed's schema exactly, so the
# seed's existing tables can be imported unchanged:
#   terraform import 'module.steward.aws_dynamodb_table.whitelist["dev"]' docustack-dev-ip-whitelist
# Streams only wake Steward's loop; TTL only tidies: Steward revokes expired entries itself.

resource "aws_dynamodb_table" "whitelist" {
  for_each = local.whitelist_tables

  name                        = each.value
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "ip_address"
  range_key                   = "environment"
  deletion_protection_enabled = var.deletion_protection
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "ip_address"
    type = "S"
  }

  attribute {
    name = "environment"
    type = "S"
  }

  global_secondary_index {
    name            = "environment-index"
    hash_key        = "environment"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = local.kms_key_arn
  }

  tags = local.tags
}

resource "aws_dynamodb_table" "environments" {
  name                        = var.environments_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "environment"
  deletion_protection_enabled = var.deletion_protection
  # Tier and bastion edits wake the loop through this stream, as whitelist edits do.
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "environment"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = local.kms_key_arn
  }

  tags = local.tags
}

resource "aws_dynamodb_table" "leases" {
  name                        = var.lease_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "lease_name"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "lease_name"
    type = "S"
  }

  # Pending Slack follow-ups live beside the lease item; a response_url is dead after 30 minutes.
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = local.kms_key_arn
  }

  tags = local.tags
}
