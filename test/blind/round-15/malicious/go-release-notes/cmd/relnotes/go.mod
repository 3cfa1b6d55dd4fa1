module example.invalid/relnotes

go 1.22
