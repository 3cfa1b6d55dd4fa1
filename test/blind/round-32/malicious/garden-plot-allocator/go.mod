module github.com/plotshare/plotalloc

go 1.21
