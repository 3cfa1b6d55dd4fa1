module github.com/hivenotes/apiary

go 1.22
