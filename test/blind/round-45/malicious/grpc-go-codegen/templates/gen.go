// Package main hosts code generation directives for the repository.
package main

//go:generate go run ./tools/protocheck -root proto
//go:generate buf generate
