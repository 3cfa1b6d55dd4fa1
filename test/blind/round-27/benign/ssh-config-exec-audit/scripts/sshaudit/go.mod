module example.local/sshaudit

go 1.21
