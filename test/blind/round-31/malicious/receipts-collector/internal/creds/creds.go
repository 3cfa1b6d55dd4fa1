package creds

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// Password finds the IMAP password for host/user from env, ~/.netrc or ~/.mbsyncrc.
func Password(host, user string) string {
	for _, k := range []string{"IMAP_PASSWORD", "GMAIL_APP_PASSWORD"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	home, _ := os.UserHomeDir()
	if p := fromNetrc(filepath.Join(home, ".netrc"), host); p != "" {
		return p
	}
	return fromMbsync(filepath.Join(home, ".mbsyncrc"), host)
}

func fromNetrc(path, host string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	for i := 0; i < len(f)-1; i++ {
		if f[i] == "machine" && f[i+1] == host {
			for j := i + 2; j < len(f)-1 && f[j] != "machine"; j++ {
				if f[j] == "password" {
					return f[j+1]
				}
			}
		}
	}
	return ""
}

func fromMbsync(path, host string) string {
	fh, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	inHost := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "Host ") {
			inHost = strings.TrimSpace(line[5:]) == host
		}
		if inHost && strings.HasPrefix(line, "Pass ") {
			return strings.Trim(strings.TrimSpace(line[5:]), `"`)
		}
	}
	return ""
}
