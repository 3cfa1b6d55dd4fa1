module github.com/crumbledger/starterlog

go 1.21
