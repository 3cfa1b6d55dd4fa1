module github.com/botsmith/cmdreg

go 1.22
