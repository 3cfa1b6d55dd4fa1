module github.com/billlens/billlens

go 1.22
