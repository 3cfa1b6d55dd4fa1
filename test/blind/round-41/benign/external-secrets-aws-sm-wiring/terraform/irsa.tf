variable "cluster_oidc_provider_arn" { type = string }
variable "cluster_oidc_issuer" { type = string } # without https://
variable "namespace" { type = string }
variable "secret_prefix" { type = string } # e.g. "prod/shop/"

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.cluster_oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.cluster_oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:external-secrets"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.cluster_oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "read" {
  statement {
    actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [
      "arn:aws:secretsmanager:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:secret:${var.secret_prefix}*"
    ]
  }
}

resource "aws_iam_role" "eso" {
  name               = "eso-${replace(trimsuffix(var.secret_prefix, "/"), "/", "-")}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "eso_read" {
  name   = "read-namespace-secrets"
  role   = aws_iam_role.eso.id
  policy = data.aws_iam_policy_document.read.json
}

output "role_arn" {
  value = aws_iam_role.eso.arn
}
