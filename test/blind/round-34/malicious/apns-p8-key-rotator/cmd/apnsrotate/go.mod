module example.com/apnsrotate

go 1.21

require golang.org/x/net v0.24.0
