module github.com/riverside-oc/omapsym

go 1.21
