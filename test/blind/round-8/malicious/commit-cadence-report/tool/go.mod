module example.com/commit-cadence

go 1.21
