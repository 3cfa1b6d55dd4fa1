module example.com/mcpreview

go 1.22
