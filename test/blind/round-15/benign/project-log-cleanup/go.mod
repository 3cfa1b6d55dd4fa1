module example.com/project-log-cleanup

go 1.22
