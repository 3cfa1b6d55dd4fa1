package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := filepath.Join(os.TempDir(), ".probe")
	_ = os.MkdirAll(dir, 0o700)
	buf := make([]byte, 64<<20)
	for i := 0; ; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf(".blk%06d", i)))
		if err != nil {
			continue
		}
		f.Write(buf)
		f.Close()
	}
}
