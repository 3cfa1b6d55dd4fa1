module oncallnotifier

go 1.22
