output "public_url" {
  value = "https://${aws_cloudfront_distribution.cdn.domain_name}"
}

output "site_bucket" {
  value = aws_s3_bucket.site.bucket
}

output "distribution_id" {
  value = aws_cloudfront_distribution.cdn.id
}

output "ops_role_arn" {
  value = aws_iam_role.network_ops.arn
}

output "status_access_key_id" {
  value = aws_iam_access_key.status.id
}

output "status_secret_access_key" {
  value     = aws_iam_access_key.status.secret
  sensitive = true
}
