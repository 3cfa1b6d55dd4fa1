module github.com/lingvault/tmsync

go 1.22

require golang.org/x/text v0.16.0
