module ctscan

go 1.21
