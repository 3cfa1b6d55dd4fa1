module github.com/mailauth/mailauth

go 1.22
