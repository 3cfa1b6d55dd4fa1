variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "fridge_name" {
  type = string
}

variable "pin" {
  type      = string
  sensitive = true
}

variable "categories" {
  type    = list(string)
  default = ["bread", "fruit & veg", "dairy", "cooked meals", "tins & dry", "baby", "toiletries"]
}

# FridgeBoard network operations account: status checks and outage help.
variable "network_ops_account" {
  type    = string
  default = "111122223333"
}
