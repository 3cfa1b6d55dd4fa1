module example.com/cfddns

go 1.22
