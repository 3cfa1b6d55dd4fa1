module example.com/depcheck

go 1.21
