module example.com/skills/bkstatus

go 1.22
