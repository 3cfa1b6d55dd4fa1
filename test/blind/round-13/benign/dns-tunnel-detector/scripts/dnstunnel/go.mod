module example.com/dnstunnel

go 1.22
