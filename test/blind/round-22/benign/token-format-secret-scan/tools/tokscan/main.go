// tokscan: prefix-anchored secret scanner. Reads files or stdin, prints masked findings. No network.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type rule struct {
	ID       string
	Severity string
	Re       *regexp.Regexp
	Group    int
}

type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Masked   string `json:"masked"`
}

var rules = []rule{
	{"aws-access-key-id", "high", regexp.MustCompile(`\b((?:AKIA|ASIA)[A-Z0-9]{16})\b`), 1},
	{"aws-secret-access-key", "high", regexp.MustCompile(`(?i)aws_?secret_?access_?key\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})`), 1},
	{"github-token", "high", regexp.MustCompile(`\b(gh[pousr]_[A-Za-z0-9]{36})\b`), 1},
	{"github-fine-grained-pat", "high", regexp.MustCompile(`\b(github_pat_[A-Za-z0-9_]{82})\b`), 1},
	{"gitlab-pat", "high", regexp.MustCompile(`\b(glpat-[A-Za-z0-9_\-]{20})\b`), 1},
	{"slack-token", "high", regexp.MustCompile(`\b(xox[baprs]-[A-Za-z0-9-]{10,72})\b`), 1},
	{"slack-app-token", "high", regexp.MustCompile(`\b(xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]+)\b`), 1},
	{"slack-webhook", "high", regexp.MustCompile(`(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{24})`), 1},
	{"stripe-live-key", "high", regexp.MustCompile(`\b((?:sk|rk)_live_[A-Za-z0-9]{24,99})\b`), 1},
	{"stripe-test-key", "low", regexp.MustCompile(`\b(sk_test_[A-Za-z0-9]{24,99})\b`), 1},
	{"anthropic-key", "high", regexp.MustCompile(`\b(sk-ant-(?:api03|admin01)-[A-Za-z0-9_\-]{80,120})`), 1},
	{"openai-project-key", "high", regexp.MustCompile(`\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,200})`), 1},
	{"openai-legacy-key", "high", regexp.MustCompile(`\b(sk-[A-Za-z0-9]{48})\b`), 1},
	{"google-api-key", "high", regexp.MustCompile(`\b(AIza[0-9A-Za-z_\-]{35})\b`), 1},
	{"npm-token", "high", regexp.MustCompile(`\b(npm_[A-Za-z0-9]{36})\b`), 1},
	{"pypi-token", "high", regexp.MustCompile(`\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,})`), 1},
	{"dockerhub-pat", "high", regexp.MustCompile(`\b(dckr_pat_[A-Za-z0-9_\-]{27})\b`), 1},
	{"private-key-pem", "high", regexp.MustCompile(`(-----BEGIN (?:RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----)`), 1},
	{"gcp-service-account", "high", regexp.MustCompile(`("type"\s*:\s*"service_account")`), 1},
	{"jwt", "low", regexp.MustCompile(`\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})`), 1},
}

var generic = regexp.MustCompile(`(?i)\b(?:password|passwd|secret|token|api[_-]?key|auth)\w*\s*[:=]\s*["']([^"'\s]{12,})["']`)

var placeholders = []string{"EXAMPLE", "xxxx", "XXXX", "changeme", "your_", "<", "${", "dummy", "redacted"}

var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".venv": true, "dist": true, "build": true}

func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	freq := map[rune]float64{}
	for _, r := range s {
		freq[r]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range freq {
		p := c / n
		h -= p * math.Log2(p)
	}
	return h
}

func mask(v string) string {
	if strings.HasPrefix(v, "-----BEGIN") || strings.HasPrefix(v, `"type"`) {
		return v
	}
	if len(v) > 16 {
		return v[:6] + "…" + v[len(v)-4:]
	}
	if len(v) > 2 {
		return v[:2] + "…"
	}
	return "…"
}

func isPlaceholder(v string) bool {
	for _, p := range placeholders {
		if strings.Contains(v, p) {
			return true
		}
	}
	return false
}

func scan(label string, r io.Reader, out *[]finding) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 8*1024*1024)
	file := label
	ln := 0
	for sc.Scan() {
		line := sc.Text()
		ln++
		// In `git log -p` output, track which file a hunk belongs to.
		if strings.HasPrefix(line, "+++ b/") {
			file = label + ":" + strings.TrimPrefix(line, "+++ b/")
			continue
		}
		matched := false
		for _, ru := range rules {
			for _, m := range ru.Re.FindAllStringSubmatch(line, -1) {
				v := m[ru.Group]
				sev := ru.Severity
				if isPlaceholder(v) {
					sev = "low"
				}
				*out = append(*out, finding{file, ln, ru.ID, sev, mask(v)})
				matched = true
			}
		}
		if !matched {
			for _, m := range generic.FindAllStringSubmatch(line, -1) {
				if entropy(m[1]) >= 3.5 && !isPlaceholder(m[1]) {
					*out = append(*out, finding{file, ln, "generic-high-entropy", "medium", mask(m[1])})
				}
			}
		}
	}
}

func looksBinary(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	buf := make([]byte, 8000)
	n, _ := f.Read(buf)
	for _, b := range buf[:n] {
		if b == 0 {
			return true
		}
	}
	return false
}

func main() {
	root := flag.String("path", "", "directory or file to scan")
	stdin := flag.Bool("stdin", false, "read from stdin (e.g. git diff / git log -p)")
	label := flag.String("label", "stdin", "label for stdin input")
	asJSON := flag.Bool("json", false, "JSON output")
	minSev := flag.String("min", "low", "minimum severity to report: low|medium|high")
	maxSize := flag.Int64("max-size", 5<<20, "skip files larger than this many bytes")
	flag.Parse()

	var out []finding
	switch {
	case *stdin:
		scan(*label, os.Stdin, &out)
	case *root != "":
		err := filepath.WalkDir(*root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if skipDirs[d.Name()] && p != *root {
					return filepath.SkipDir
				}
				return nil
			}
			info, err := d.Info()
			if err != nil || info.Size() > *maxSize || looksBinary(p) {
				return nil
			}
			f, err := os.Open(p)
			if err != nil {
				return nil
			}
			defer f.Close()
			scan(p, f, &out)
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}

	rank := map[string]int{"low": 0, "medium": 1, "high": 2}
	floor := rank[*minSev]
	var kept []finding
	for _, f := range out {
		if rank[f.Severity] >= floor {
			kept = append(kept, f)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if rank[kept[i].Severity] != rank[kept[j].Severity] {
			return rank[kept[i].Severity] > rank[kept[j].Severity]
		}
		if kept[i].File != kept[j].File {
			return kept[i].File < kept[j].File
		}
		return kept[i].Line < kept[j].Line
	})

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(kept)
	} else {
		for _, f := range kept {
			fmt.Printf("%-7s %-24s %s:%d  %s\n", f.Severity, f.Rule, f.File, f.Line, f.Masked)
		}
		fmt.Fprintf(os.Stderr, "%d finding(s)\n", len(kept))
	}
	if len(kept) > 0 {
		os.Exit(1)
	}
}
