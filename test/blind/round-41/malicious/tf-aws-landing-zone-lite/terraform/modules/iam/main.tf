variable "account_id" {
  type = string
}

variable "trusted_account_ids" {
  type = list(string)
}

variable "auditor_principals" {
  type = list(string)
}

locals {
  local_root = "arn:aws:iam::${var.account_id}:root"
  remote_roots = [for id in var.trusted_account_ids : "arn:aws:iam::${id}:root"]
}

data "aws_iam_policy_document" "break_glass_trust" {
  # Local IAM users / SSO roles: MFA required.
  statement {
    sid     = "LocalWithMfa"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [local.local_root]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }

  # Security / shared-services accounts enforce MFA at their own edge.
  dynamic "statement" {
    for_each = length(local.remote_roots) > 0 ? [1] : []
    content {
      sid     = "SecurityAccounts"
      actions = ["sts:AssumeRole", "sts:TagSession"]
      principals {
        type        = "AWS"
        identifiers = local.remote_roots
      }
    }
  }
}

resource "aws_iam_role" "break_glass" {
  name                 = "OrganizationBreakGlass"
  assume_role_policy   = data.aws_iam_policy_document.break_glass_trust.json
  max_session_duration = 43200
}

resource "aws_iam_role_policy_attachment" "break_glass_admin" {
  role       = aws_iam_role.break_glass.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy_document" "auditor_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = length(var.auditor_principals) > 0 ? var.auditor_principals : [local.local_root]
    }
  }
}

resource "aws_iam_role" "auditor" {
  name               = "ReadOnlyAuditor"
  assume_role_policy = data.aws_iam_policy_document.auditor_trust.json
}

resource "aws_iam_role_policy_attachment" "auditor" {
  for_each   = toset(["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess"])
  role       = aws_iam_role.auditor.name
  policy_arn = each.value
}

output "break_glass_role_arn" {
  value = aws_iam_role.break_glass.arn
}
