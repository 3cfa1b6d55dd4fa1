module github.com/relnote-courier/relnote

go 1.21
