terraform {
  required_version = ">= 1.6"
  required_providers {
    aws  = { source = "hashicorp/aws", version = "~> 5.40" }
    null = { source = "hashicorp/null", version = "~> 3.2" }
  }
}

provider "aws" {
  region  = var.region
  profile = var.aws_profile
}

locals { prefix = lower(replace(var.harbour_name, " ", "-")) }

resource "aws_s3_bucket" "site" { bucket = "${local.prefix}-moorings-site" }

resource "aws_dynamodb_table" "bookings" {
  name                        = "${local.prefix}-bookings"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "berth"
  range_key                   = "night"
  deletion_protection_enabled = true
  attribute {
    name = "berth"
    type = "S"
  }
  attribute {
    name = "night"
    type = "S"
  }
  point_in_time_recovery { enabled = true }
}

resource "aws_lambda_function" "api" {
  function_name = "${local.prefix}-bookings-api"
  role          = aws_iam_role.api.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "${path.module}/build/api.zip"
  environment {
    variables = {
      TABLE        = aws_dynamodb_table.bookings.name
      BERTHS       = jsonencode(var.berths)
      RATE         = tostring(var.nightly_rate_per_m)
      TIDE_STATION = var.tide_station
    }
  }
}

resource "aws_iam_role" "api" {
  name = "${local.prefix}-bookings-api"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_apigatewayv2_api" "http" {
  name          = "${local.prefix}-bookings"
  protocol_type = "HTTP"
}
