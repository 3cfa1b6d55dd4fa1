module example.local/fetchaudit

go 1.21
