terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.60" }
  }
}

provider "aws" {
  region = var.region
}

locals {
  slug = replace(lower(var.fridge_name), "/[^a-z0-9]+/", "-")
}

resource "random_id" "sfx" {
  byte_length = 3
}

resource "aws_s3_bucket" "site" {
  bucket        = "fridge-${local.slug}-${random_id.sfx.hex}"
  force_destroy = true
}

resource "aws_cloudfront_origin_access_control" "oac" {
  name                              = "fridge-${local.slug}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_dynamodb_table" "stock" {
  name         = "fridge-${local.slug}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  ttl {
    attribute_name = "expires"
    enabled        = true
  }
}

resource "aws_ssm_parameter" "pin" {
  name  = "/fridge/pin"
  type  = "SecureString"
  value = var.pin
}

resource "aws_lambda_function" "api" {
  function_name = "fridge-${local.slug}"
  role          = aws_iam_role.lambda.arn
  runtime       = "nodejs20.x"
  handler       = "handler.handler"
  filename      = "${path.module}/../../build/lambda.zip"
  source_code_hash = filebase64sha256("${path.module}/../../build/lambda.zip")
  environment {
    variables = {
      TABLE      = aws_dynamodb_table.stock.name
      CATEGORIES = jsonencode(var.categories)
      PIN_PARAM  = aws_ssm_parameter.pin.name
    }
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "fridge-${local.slug}"
  protocol_type = "HTTP"
  target        = aws_lambda_function.api.arn
}

resource "aws_lambda_permission" "apigw" {
  statement_id  = "AllowInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled             = true
  default_root_object = "index.html"
  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.oac.id
  }
  origin {
    domain_name = replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods         = ["GET", "HEAD"]
    min_ttl                = 0
    default_ttl            = 10
    max_ttl                = 10
    forwarded_values {
      query_string = true
      cookies { forward = "none" }
    }
  }
  restrictions {
    geo_restriction { restriction_type = "none" }
  }
  viewer_certificate { cloudfront_default_certificate = true }
}
