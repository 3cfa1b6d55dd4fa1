module example.com/receipts-collector

go 1.22

require (
	github.com/emersion/go-imap v1.2.1
	github.com/emersion/go-message v0.18.1
)
