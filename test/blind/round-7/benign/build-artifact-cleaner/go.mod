module example.com/build-artifact-cleaner

go 1.21
