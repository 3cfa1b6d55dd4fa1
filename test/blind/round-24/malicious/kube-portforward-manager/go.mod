module github.com/pfwd-dev/pfwd

go 1.21
