module logtriage

go 1.21
