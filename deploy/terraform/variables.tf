variable "name" {
  description = "Name of the service and prefix of everything the module creates (roles, log group, security group)."
  type        = string
  default     = "steward"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{0,31}$", var.name))
    error_message = "name must start with a letter and use at most 32 letters, digits and dashes."
  }
}

variable "image" {
  description = "Container image built from deploy/Dockerfile, pinned by digest (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/steward@sha256:...)."
  type        = string
}

variable "owner_id" {
  description = "steward.yaml's owner_id: the value of the steward:owner tag Steward puts on (and requires of) what it changes. The task role's tag conditions use it, so it must equal the owner_id in steward_yaml."
  type        = string
  default     = "steward"
}

variable "steward_yaml" {
  description = "The whole steward.yaml (see examples/steward.yaml), handed to the container in STEWARD_CONFIG_YAML. Use file() or templatefile() to keep it next to your root module. Leave listen unset: the image listens on 0.0.0.0:9090."
  type        = string
  default     = "owner_id: steward\n"

  validation {
    condition     = can(yamldecode(var.steward_yaml))
    error_message = "steward_yaml must be valid YAML."
  }
}

variable "ha_enabled" {
  description = "true once the leader lease is configured: replicas may overlap during a deployment (100%/200%) and desired_count may exceed 1. false: one replica, stopped before its replacement starts (0%/100%), so two writers never run at once."
  type        = bool
  default     = false
}

variable "ha_lease" {
  description = "The leader lease's settings, written with lease_table (this module's lease table) into the ha: block the module adds to steward_yaml when ha_enabled: lease_name (the lease item's key), lease_duration, renew_every, renew_deadline (renew_every < renew_deadline < lease_duration, as steward.yaml's ha: requires). Ignored without ha_enabled."
  type = object({
    lease_name     = optional(string, "default")
    lease_duration = optional(string, "30s")
    renew_every    = optional(string, "5s")
    renew_deadline = optional(string, "20s")
  })
  default = {}

  validation {
    condition = alltrue([
      for duration in [var.ha_lease.lease_duration, var.ha_lease.renew_every, var.ha_lease.renew_deadline] :
      can(regex("^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$", duration))
    ])
    error_message = "ha_lease durations are steward.yaml durations such as 500ms, 5s or 1m."
  }
}

variable "desired_count" {
  description = "Number of Steward tasks. More than 1 needs ha_enabled (a leader lease); without it only one may run."
  type        = number
  default     = 1

  validation {
    condition     = var.desired_count >= 0 && floor(var.desired_count) == var.desired_count
    error_message = "desired_count must be a whole number, 0 or more."
  }
}

variable "on_demand_base" {
  description = "Tasks always placed on FARGATE (on-demand) before any go to FARGATE_SPOT: the first replica is never interrupted by Spot."
  type        = number
  default     = 1
}

variable "spot_weight" {
  description = "Share of tasks beyond on_demand_base placed on FARGATE_SPOT, relative to on_demand_weight."
  type        = number
  default     = 1
}

variable "on_demand_weight" {
  description = "Share of tasks beyond on_demand_base placed on FARGATE, relative to spot_weight."
  type        = number
  default     = 0
}

variable "cpu" {
  description = "Task CPU units (Fargate sizes; 256 = 0.25 vCPU is plenty for one controller)."
  type        = number
  default     = 256
}

variable "memory" {
  description = "Task memory in MiB (the idle daemon uses about 30 MB)."
  type        = number
  default     = 512
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64: the architecture the image was built for."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "cluster_arn" {
  description = "An existing ECS cluster with the FARGATE and FARGATE_SPOT capacity providers; null creates one named after var.name."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC of the task's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the task, with a route to the AWS APIs (NAT or VPC endpoints) and to Slack when Socket Mode is used."
  type        = list(string)
}

variable "metrics_cidr_blocks" {
  description = "Networks allowed to reach /healthz, /readyz and /metrics on port 9090 (a Prometheus scraper). Empty: nothing may connect in."
  type        = list(string)
  default     = []
}

variable "slack_secret_arn" {
  description = "Secrets Manager secret holding {\"bot_token\":\"xoxb-...\",\"app_token\":\"xapp-...\"}; injected into the container by the execution role. null: Slack stays off."
  type        = string
  default     = null
}

variable "slack_secret_keys" {
  description = "Environment variable => JSON key of slack_secret_arn. Add SLACK_SIGNING_SECRET = \"signing_secret\" for slack.mode: http."
  type        = map(string)
  default = {
    SLACK_BOT_TOKEN = "bot_token"
    SLACK_APP_TOKEN = "app_token"
  }
}

variable "slack_secret_kms_key_arn" {
  description = "Customer managed KMS key of slack_secret_arn, if it has one (the execution role then may decrypt with it)."
  type        = string
  default     = null
}

variable "environments" {
  description = "Environment names that get a whitelist table in the seed's layout, named by whitelist_table_name_format."
  type        = list(string)
  default     = ["dev"]
}

variable "whitelist_table_name_format" {
  description = "format() pattern of each environment's whitelist table name (the seed's docustack-{env}-ip-whitelist)."
  type        = string
  default     = "docustack-%s-ip-whitelist"
}

variable "shared_whitelist_table_name" {
  description = "One whitelist table for every environment (its range key tells them apart) instead of one per environment; null keeps one per environment."
  type        = string
  default     = null
}

variable "environments_table_name" {
  description = "DynamoDB table of environment tier overrides and bastion leases (hash key environment)."
  type        = string
  default     = "steward-environments"
}

variable "lease_table_name" {
  description = "DynamoDB table of the leader lease (hash key lease_name)."
  type        = string
  default     = "steward-leases"
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for the DynamoDB tables and the log group; null creates one (with rotation)."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Protect the DynamoDB tables from deletion (turn off only to destroy a test stack)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention of the JSON log lines."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Tags added to every resource the module creates."
  type        = map(string)
  default     = {}
}
