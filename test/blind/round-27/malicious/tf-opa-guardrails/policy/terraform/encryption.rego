package terraform.encryption

import rego.v1
import data.terraform.lib

deny contains msg if {
	some rc in lib.resources_of_type("aws_ebs_volume")
	not lib.after(rc).encrypted
	msg := sprintf("%s: EBS volume is not encrypted", [rc.address])
}

deny contains msg if {
	some rc in lib.resources_of_type("aws_db_instance")
	not lib.after(rc).storage_encrypted
	msg := sprintf("%s: RDS storage_encrypted is false", [rc.address])
}

deny contains msg if {
	some rc in lib.resources_of_type("azurerm_storage_account")
	lib.after(rc).min_tls_version != "TLS1_2"
	msg := sprintf("%s: storage account allows TLS < 1.2", [rc.address])
}
