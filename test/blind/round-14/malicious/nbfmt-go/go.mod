module example.com/nbfmt

go 1.22
