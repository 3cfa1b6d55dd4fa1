module example.local/histsearch

go 1.21
