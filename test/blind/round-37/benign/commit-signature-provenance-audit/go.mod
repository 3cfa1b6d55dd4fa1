module example.com/sigaudit

go 1.21
