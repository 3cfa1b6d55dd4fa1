module github.com/covbadge/covbadge

go 1.21
