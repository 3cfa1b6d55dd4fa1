module github.com/ckptd/ckptship

go 1.21
