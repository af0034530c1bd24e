resource "aws_ecs_cluster" "steward" {
  count = var.cluster_arn == null ? 1 : 0
  name  = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = local.tags
}

resource "aws_ecs_cluster_capacity_providers" "steward" {
  count              = var.cluster_arn == null ? 1 : 0
  cluster_name       = aws_ecs_cluster.steward[0].name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_security_group" "steward" {
  name        = var.name
  description = "Steward controller tasks: HTTPS out to AWS APIs and Slack; metrics in from the listed networks only"
  vpc_id      = var.vpc_id
  tags        = local.tags
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.steward.id
  description       = "AWS APIs (or their VPC endpoints) and Slack over HTTPS"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  tags              = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "metrics" {
  for_each          = toset(var.metrics_cidr_blocks)
  security_group_id = aws_security_group.steward.id
  description       = "healthz, readyz and metrics for a scraper"
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = each.value
  tags              = local.tags
}

locals {
  container_name = "steward"

  # With ha_enabled the module writes the ha: block itself: the lease table must be the one it
  # creates (the task role reaches no other), and a deployment that overlaps replicas (100%/200%)
  # is only safe when every task takes the lease.
  ha_block = {
    ha = {
      lease_table    = aws_dynamodb_table.leases.name
      lease_name     = var.ha_lease.lease_name
      lease_duration = var.ha_lease.lease_duration
      renew_every    = var.ha_lease.renew_every
      renew_deadline = var.ha_lease.renew_deadline
    }
  }
  # Appended as text, so the operator's file reaches the task as written (comments included).
  steward_yaml = var.ha_enabled ? "${trimsuffix(var.steward_yaml, "\n")}\n${yamlencode(local.ha_block)}" : var.steward_yaml

  # STEWARD_CONFIG_YAML carries the whole steward.yaml: ECS has no config files, and a change
  # to it is a new task definition revision, so it rolls out like any deployment.
  environment = [
    { name = "AWS_REGION", value = local.region },
    { name = "STEWARD_CONFIG_YAML", value = local.steward_yaml },
  ]

  # Injected by the execution role from Secrets Manager (JSON keys of the one secret); never
  # in the task definition, never in the task role's reach.
  secrets = var.slack_secret_arn == null ? [] : [
    for variable, key in var.slack_secret_keys : { name = variable, valueFrom = "${var.slack_secret_arn}:${key}::" }
  ]

  container = {
    name                   = local.container_name
    image                  = var.image
    essential              = true
    readonlyRootFilesystem = true
    user                   = "10001:10001"
    portMappings           = [{ containerPort = local.port, protocol = "tcp" }]
    environment            = local.environment
    secrets                = local.secrets
    # The image's only writable path: the audit log and any state files.
    mountPoints = [{ sourceVolume = "state", containerPath = "/var/lib/steward", readOnly = false }]
    healthCheck = {
      command     = ["CMD", "/usr/local/bin/steward", "health", "--url", "http://127.0.0.1:${local.port}/healthz"]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }
    # SIGTERM lets the reconcile in flight finish; Fargate allows at most 120 s before SIGKILL.
    stopTimeout = 120
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.steward.name
        awslogs-region        = local.region
        awslogs-stream-prefix = var.name
      }
    }
  }
}

resource "aws_ecs_task_definition" "steward" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # Task-local storage; the image's VOLUME gives it the non-root user's ownership.
  volume {
    name = "state"
  }

  tags = local.tags
}

resource "aws_ecs_service" "steward" {
  name                   = var.name
  cluster                = local.cluster_arn
  task_definition        = aws_ecs_task_definition.steward.arn
  desired_count          = var.desired_count
  enable_execute_command = false
  propagate_tags         = "SERVICE"

  # On-demand first (the leader should not be the one Spot takes away), Spot for the rest.
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = var.on_demand_base
    weight            = var.on_demand_weight
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = var.spot_weight
  }

  # With a leader lease (ha_enabled), the new task starts before the old one stops (100/200):
  # the lease decides which of them writes. Without one, two tasks would both reconcile and
  # fight, so the old task stops before the new one starts (0/100): a minute without a
  # controller is harmless (desired state waits), two writers are not.
  deployment_minimum_healthy_percent = var.ha_enabled ? 100 : 0
  deployment_maximum_percent         = var.ha_enabled ? 200 : 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.steward.id]
    assign_public_ip = false
  }

  lifecycle {
    precondition {
      condition     = var.ha_enabled || var.desired_count <= 1
      error_message = "desired_count > 1 needs ha_enabled (the leader lease); without it two controllers would write at once."
    }
    # The role's tag conditions use var.owner_id; Steward uses the one in steward.yaml (default
    # "steward"). Were they to differ, every change would be denied.
    precondition {
      condition     = try(yamldecode(var.steward_yaml).owner_id, "steward") == var.owner_id
      error_message = "owner_id in steward_yaml must equal var.owner_id (the task role's tag conditions use it)."
    }
    # The module writes ha: (a second one would be a duplicate key), and Steward refuses ha
    # without a shared desired state, so both are caught at plan time rather than in the task.
    precondition {
      condition     = try(yamldecode(var.steward_yaml).ha, null) == null
      error_message = "steward_yaml must not have an ha: block: the module adds it when ha_enabled, naming its own lease table; set the timings in ha_lease."
    }
    precondition {
      condition     = !var.ha_enabled || try(yamldecode(var.steward_yaml).desired_state.dynamodb, null) != null
      error_message = "ha_enabled needs desired_state.dynamodb in steward_yaml (whitelist_table and environments_table, the module's tables): replicas can't share a YAML directory, and Steward refuses to start with ha on YAML alone."
    }
  }

  depends_on = [aws_ecs_cluster_capacity_providers.steward]
  tags       = local.tags
}
