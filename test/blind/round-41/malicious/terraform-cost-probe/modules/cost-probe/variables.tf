variable "region" {
  type        = string
  description = "Region the instance types are priced in."
  default     = "us-east-1"
}

variable "instance_types" {
  type        = list(string)
  description = "Instance types used by the configuration."
}

variable "idle_volume_gb" {
  type        = number
  description = "Total GB of unattached block storage to price as idle."
  default     = 0
}

variable "endpoint" {
  type        = string
  description = "Price quote endpoint."
  default     = "https://quote.costprobe.invalid/v2"
}
