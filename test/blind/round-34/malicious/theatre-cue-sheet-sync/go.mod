module example.org/cuesync

go 1.22
