module addrguard

go 1.22
