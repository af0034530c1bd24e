# Two roles. The execution role is ECS's: it pulls the image, writes the log stream and reads
# the Slack secret into the container's environment. The task role is Steward's: exactly the
# actions of examples/iam-policy.json (a test fails when the two drift apart), scoped here to
# the tags Steward requires anyway, to the module's tables, and to this account and region.
#
# Describe*, List* and Get* calls stay on "*": those EC2, ECS, RDS and Auto Scaling reads
# support no resource-level permissions (or are filtered by the caller, not the ARN), and
# Steward must see untagged resources to report them as drift.

locals {
  ec2_arn = "arn:${local.partition}:ec2:${local.region}:${local.account_id}"
  rds_arn = "arn:${local.partition}:rds:${local.region}:${local.account_id}"
  ecs_arn = "arn:${local.partition}:ecs:${local.region}:${local.account_id}"

  table_arns = concat(
    [for table in aws_dynamodb_table.whitelist : table.arn],
    [aws_dynamodb_table.environments.arn, aws_dynamodb_table.leases.arn],
  )
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    # Only tasks of this account may take the roles (confused-deputy guard).
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# --- execution role -------------------------------------------------------------------------

resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = local.tags
}

data "aws_iam_policy_document" "execution" {
  # GetAuthorizationToken has no resource-level permissions.
  statement {
    sid       = "PullFromECR"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullTheImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = ["arn:${local.partition}:ecr:${local.region}:${local.account_id}:repository/*"]
  }

  statement {
    sid       = "WriteTheLogStream"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.steward.arn}:*"]
  }

  dynamic "statement" {
    for_each = var.slack_secret_arn == null ? [] : [var.slack_secret_arn]
    content {
      sid       = "ReadTheSlackSecret"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.slack_secret_kms_key_arn == null ? [] : [var.slack_secret_kms_key_arn]
    content {
      sid       = "DecryptTheSlackSecret"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${local.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "${var.name}-execution"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# --- task role ------------------------------------------------------------------------------

resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = local.tags
}

data "aws_iam_policy_document" "controller" {
  statement {
    sid = "ReadWhatAWSHolds"
    actions = [
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSecurityGroupRules",
      "ec2:DescribeManagedPrefixLists",
      "ec2:GetManagedPrefixListEntries",
      "ec2:DescribeInstances",
      "ecs:ListServices",
      "ecs:DescribeServices",
      "application-autoscaling:DescribeScalableTargets",
      "rds:DescribeDBInstances",
      "rds:DescribeDBClusters",
      "rds:DescribeDBSnapshots",
      "rds:DescribeDBClusterSnapshots",
    ]
    resources = ["*"]
  }

  # Rules change only on groups selected by tag, as Steward selects them.
  statement {
    sid       = "ChangeRulesOfManagedGroups"
    actions   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"]
    resources = ["${local.ec2_arn}:security-group/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/WhitelistManaged"
      values   = ["true"]
    }
  }

  # The same calls also name the rule itself and, for a reference rule, Steward's prefix list
  # (a new rule has no tags yet, so no condition here; the group's condition above still holds).
  statement {
    sid       = "ChangeTheRulesThemselves"
    actions   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"]
    resources = ["${local.ec2_arn}:security-group-rule/*", "${local.ec2_arn}:prefix-list/*"]
  }

  statement {
    sid       = "CreateOwnedPrefixLists"
    actions   = ["ec2:CreateManagedPrefixList"]
    resources = ["${local.ec2_arn}:prefix-list/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/steward:owner"
      values   = [var.owner_id]
    }
  }

  statement {
    sid       = "ModifyOwnedPrefixLists"
    actions   = ["ec2:ModifyManagedPrefixList"]
    resources = ["${local.ec2_arn}:prefix-list/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/steward:owner"
      values   = [var.owner_id]
    }
  }

  # Tags are written when a rule, prefix list or bastion is created, and on owned bastions
  # afterwards (the lease's expiry); never on anything else.
  statement {
    sid       = "TagWhatItCreates"
    actions   = ["ec2:CreateTags"]
    resources = ["${local.ec2_arn}:*/*"]
    condition {
      test     = "StringEquals"
      variable = "ec2:CreateAction"
      values   = ["AuthorizeSecurityGroupIngress", "CreateManagedPrefixList", "RunInstances"]
    }
  }

  statement {
    sid       = "RetagOwnedInstances"
    actions   = ["ec2:CreateTags"]
    resources = ["${local.ec2_arn}:instance/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/steward:owner"
      values   = [var.owner_id]
    }
  }

  statement {
    sid       = "StartStopAndTerminateOwnedInstances"
    actions   = ["ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances"]
    resources = ["${local.ec2_arn}:instance/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/steward:owner"
      values   = [var.owner_id]
    }
  }

  # RunInstances names a dozen resource types (instance, volume, network interface, subnet,
  # security group, image, launch template, key pair...), which a launch template may change;
  # listing them would break launches in ways no test here can see. The instance must carry
  # the owner tag, which the next statement cannot require without also listing them all.
  #checkov:skip=CKV_AWS_111:RunInstances names resource types the launch template decides; listing them would break launches (see above)
  #checkov:skip=CKV_AWS_356:RunInstances names resource types the launch template decides; listing them would break launches (see above)
  statement {
    sid       = "LaunchBastions"
    actions   = ["ec2:RunInstances"]
    resources = ["*"]
  }

  # Only to hand a launch template's instance profile to EC2.
  statement {
    sid       = "PassTheBastionInstanceProfile"
    actions   = ["iam:PassRole"]
    resources = ["arn:${local.partition}:iam::${local.account_id}:role/*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com"]
    }
  }

  statement {
    sid       = "ScaleOwnedServices"
    actions   = ["ecs:UpdateService", "ecs:TagResource"]
    resources = ["${local.ecs_arn}:service/*/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/steward:owner"
      values   = [var.owner_id]
    }
  }

  # Scalable targets of ECS services are usually untagged (they belong to the service), so the
  # owner condition on the service above is what limits this.
  statement {
    sid       = "HoldAutoscalingBounds"
    actions   = ["application-autoscaling:RegisterScalableTarget"]
    resources = ["arn:${local.partition}:application-autoscaling:${local.region}:${local.account_id}:scalable-target/*"]
  }

  statement {
    sid       = "StartAndStopOwnedDatabases"
    actions   = ["rds:StartDBInstance", "rds:StopDBInstance", "rds:StartDBCluster", "rds:StopDBCluster"]
    resources = ["${local.rds_arn}:db:*", "${local.rds_arn}:cluster:*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/steward:owner"
      values   = [var.owner_id]
    }
  }

  # Snapshots, teardown and restore also name snapshots, subnet, parameter and option groups
  # that carry no owner tag, so these are scoped to the account and region only. Steward itself
  # refuses to act on a database without its owner tag, and protected environments need a
  # reviewed allow_teardown_until.
  statement {
    sid = "SnapshotTearDownAndRestoreDatabases"
    actions = [
      "rds:CreateDBSnapshot",
      "rds:CreateDBClusterSnapshot",
      "rds:AddTagsToResource",
      "rds:DeleteDBInstance",
      "rds:DeleteDBCluster",
      "rds:RestoreDBInstanceFromDBSnapshot",
      "rds:RestoreDBClusterFromSnapshot",
      "rds:CreateDBInstance",
    ]
    resources = ["${local.rds_arn}:*"]
  }

  statement {
    sid = "DesiredStateTables"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:DeleteItem",
      # TransactWriteItems' lease check: a leader's follow-up bookkeeping commits only at its epoch.
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:DescribeTable",
    ]
    resources = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
  }

  statement {
    sid       = "DesiredStateStreams"
    actions   = ["dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords"]
    resources = [for arn in local.table_arns : "${arn}/stream/*"]
  }

  # Drift reports name who changed a rule behind Steward's back; LookupEvents has no
  # resource-level permissions.
  statement {
    sid       = "AttributeDrift"
    actions   = ["cloudtrail:LookupEvents"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "controller" {
  name   = "${var.name}-controller"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.controller.json
}

# The tables' customer managed key, used through DynamoDB only. Apart from the controller
# policy so that one stays action-for-action equal to examples/iam-policy.json.
data "aws_iam_policy_document" "table_encryption" {
  statement {
    sid       = "UseTheTableKeyThroughDynamoDB"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = [local.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "table_encryption" {
  name   = "${var.name}-table-encryption"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.table_encryption.json
}
