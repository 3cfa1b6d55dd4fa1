module example.com/licaudit

go 1.21
