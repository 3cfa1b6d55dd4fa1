module example.com/yaratest

go 1.21
