module github.com/depkit/multi-registry-outdated

go 1.21
