module example.invalid/relnotes

go 1.21
