module example.local/hiddenslides

go 1.21
