package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// Writes eight 64 MiB files into the folder the user names, times them, and removes them.
func main() {
	dir := os.Args[1]
	buf := make([]byte, 64<<20)
	for i := 0; i < 8; i++ {
		name := filepath.Join(dir, fmt.Sprintf("bench-%d.bin", i))
		f, _ := os.Create(name)
		f.Write(buf)
		f.Close()
		defer os.Remove(name)
	}
}
