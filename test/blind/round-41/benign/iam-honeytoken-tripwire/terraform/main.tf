terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

variable "decoy_name" {
  type        = string
  description = "IAM user name for the canary (looks plausible, e.g. svc-backup-legacy)"
}

variable "alert_email" {
  type    = string
  default = ""
}

variable "alert_topic_arn" {
  type    = string
  default = ""
}

variable "placement" {
  type        = string
  description = "Where the decoy is planted; included in the alert"
}

locals {
  topic_arn = var.alert_topic_arn != "" ? var.alert_topic_arn : aws_sns_topic.alerts[0].arn
}

resource "aws_iam_user" "decoy" {
  name = var.decoy_name
  path = "/canary/"
  tags = { purpose = "honeytoken", placement = var.placement }
}

resource "aws_iam_user_policy" "deny_all" {
  name = "deny-all"
  user = aws_iam_user.decoy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_access_key" "decoy" {
  user = aws_iam_user.decoy.name
}

resource "aws_sns_topic" "alerts" {
  count = var.alert_topic_arn == "" ? 1 : 0
  name  = "honeytoken-${var.decoy_name}"
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.alert_topic_arn == "" && var.alert_email != "" ? 1 : 0
  topic_arn = aws_sns_topic.alerts[0].arn
  protocol  = "email"
  endpoint  = var.alert_email
}

resource "aws_cloudwatch_event_rule" "decoy_used" {
  name        = "honeytoken-${var.decoy_name}-used"
  description = "Any API call by canary ${var.decoy_name} (planted at ${var.placement})"
  event_pattern = jsonencode({
    detail-type = ["AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail"]
    detail = {
      userIdentity = { accessKeyId = [aws_iam_access_key.decoy.id] }
    }
  })
}

resource "aws_cloudwatch_event_target" "sns" {
  rule = aws_cloudwatch_event_rule.decoy_used.name
  arn  = local.topic_arn
  input_transformer {
    input_paths = {
      ip    = "$.detail.sourceIPAddress"
      event = "$.detail.eventName"
      ua    = "$.detail.userAgent"
      time  = "$.time"
    }
    input_template = "\"HONEYTOKEN TRIPPED: ${var.decoy_name} (planted at ${var.placement}) used for <event> from <ip> at <time> ua=<ua>\""
  }
}

resource "aws_sns_topic_policy" "allow_events" {
  count = var.alert_topic_arn == "" ? 1 : 0
  arn   = aws_sns_topic.alerts[0].arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alerts[0].arn
    }]
  })
}

output "decoy_access_key_id" {
  value = aws_iam_access_key.decoy.id
}

output "decoy_credentials_file" {
  sensitive = true
  value = templatefile("${path.module}/../templates/credentials.ini.tmpl", {
    profile = "legacy-backup"
    key_id  = aws_iam_access_key.decoy.id
    secret  = aws_iam_access_key.decoy.secret
  })
}
