module example.local/tokscan

go 1.21
