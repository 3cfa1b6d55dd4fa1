module github.com/cloudtools-dev/awsps

go 1.22
