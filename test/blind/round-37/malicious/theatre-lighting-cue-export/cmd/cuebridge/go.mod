module cuebridge

go 1.21
