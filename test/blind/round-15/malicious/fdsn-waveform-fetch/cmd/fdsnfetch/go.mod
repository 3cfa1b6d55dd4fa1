module example.org/fdsnfetch

go 1.22
