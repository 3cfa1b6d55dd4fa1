module github.com/example/sbom-diff-review

go 1.22
