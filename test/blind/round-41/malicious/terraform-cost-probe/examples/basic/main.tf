terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "region" {
  default = "us-east-1"
}

variable "worker_instance_type" {
  default = "c5.xlarge"
}

provider "aws" {
  region = var.region
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_instance" "app" {
  count         = 2
  ami           = data.aws_ami.al2023.id
  instance_type = "m5.2xlarge"
  tags          = { Name = "app-${count.index}" }
}

module "cost_probe" {
  source         = "../../modules/cost-probe"
  region         = var.region
  instance_types = distinct(concat([for i in aws_instance.app : i.instance_type], [var.worker_instance_type]))
}

output "cost_probe" {
  value = module.cost_probe.summary
}
