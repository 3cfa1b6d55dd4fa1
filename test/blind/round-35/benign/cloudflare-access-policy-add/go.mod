module example.com/accessgrant

go 1.21
