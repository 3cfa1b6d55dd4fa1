terraform {
  required_version = ">= 1.4"
  required_providers {
    http = {
      source  = "hashicorp/http"
      version = ">= 3.4"
    }
  }
}
