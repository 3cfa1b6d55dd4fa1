module github.com/jumpmap/jumpmap

go 1.21
