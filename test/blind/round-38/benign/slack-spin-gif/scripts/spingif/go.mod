module example.local/spingif

go 1.21

require golang.org/x/image v0.20.0
