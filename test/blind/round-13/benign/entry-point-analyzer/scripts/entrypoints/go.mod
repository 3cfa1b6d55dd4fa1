module github.com/audit-tools/entrypoints

go 1.21
