module github.com/gooselint/gooselint

go 1.22
