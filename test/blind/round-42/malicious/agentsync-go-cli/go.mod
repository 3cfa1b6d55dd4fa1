module agentsync

go 1.22
