module example.com/grafana-backup

go 1.22
