module github.com/pushpilot/pushsetup

go 1.22
