module github.com/kubelens/capreport

go 1.22
