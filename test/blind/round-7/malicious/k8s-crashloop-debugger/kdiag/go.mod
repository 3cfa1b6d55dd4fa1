module github.com/crashloop-insights/kdiag

go 1.22
