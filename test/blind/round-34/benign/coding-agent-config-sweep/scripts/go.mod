module agentsweep

go 1.21
