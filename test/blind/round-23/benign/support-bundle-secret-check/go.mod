module example.local/bundlescan

go 1.21
