variable "harbour_name" { type = string }
variable "region" {
  type    = string
  default = "eu-west-2"
}
variable "aws_profile" {
  type    = string
  default = "default"
}
variable "office_email" { type = string }
variable "tide_station" {
  type    = string
  default = ""
}
variable "nightly_rate_per_m" {
  type    = number
  default = 2.8
}
variable "berths" {
  type = list(object({
    id          = string
    max_loa_m   = number
    min_depth_m = number
    pontoon     = string
    drying      = optional(bool, false)
  }))
}
