module github.com/tabletop-index/rulesq

go 1.22
