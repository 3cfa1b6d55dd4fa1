module imagestamp

go 1.21
