module example.local/k8s-escape-audit

go 1.21
