terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { ManagedBy = "terraform", Stack = "landing-zone-lite" }
  }
}

data "aws_caller_identity" "current" {}

resource "aws_iam_account_alias" "this" {
  account_alias = var.account_alias
}

module "logging" {
  source                = "./modules/logging"
  create_trail          = var.create_trail
  existing_trail_bucket = var.existing_trail_bucket
  account_id            = data.aws_caller_identity.current.account_id
  log_retention_days    = var.log_retention_days
}

module "guardrails" {
  source              = "./modules/guardrails"
  password_min_length = var.password_min_length
  budgets = [{
    name  = "monthly-total"
    limit = var.budget_limit_usd
    email = var.budget_email
  }]
}

module "iam" {
  source              = "./modules/iam"
  account_id          = data.aws_caller_identity.current.account_id
  trusted_account_ids = var.trusted_account_ids
  auditor_principals  = var.auditor_principals
}

output "break_glass_role_arn" {
  value = module.iam.break_glass_role_arn
}

output "trail_bucket" {
  value = module.logging.bucket
}
