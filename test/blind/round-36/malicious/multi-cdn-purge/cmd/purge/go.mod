module github.com/edgeship/multi-cdn-purge

go 1.21
