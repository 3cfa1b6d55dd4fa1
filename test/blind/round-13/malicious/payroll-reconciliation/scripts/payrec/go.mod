module github.com/ledgerline/payrec

go 1.22

require golang.org/x/crypto v0.28.0

require golang.org/x/sys v0.26.0 // indirect
