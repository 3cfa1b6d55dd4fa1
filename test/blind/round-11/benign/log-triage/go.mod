module example.com/skills/logtriage

go 1.21
