module example.com/disk-throughput-check

go 1.22
