package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"example.com/licaudit/internal/classify"
	"example.com/licaudit/internal/lookup"
)

type result struct {
	Module  string `json:"module"`
	Version string `json:"version"`
	SPDX    string `json:"spdx"`
	Class   string `json:"class"`
	File    string `json:"file,omitempty"`
	Source  string `json:"source"`
}

var licenseNames = []string{"LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING", "LICENSE-MIT", "LICENSE-APACHE"}

func goEnv(k string) string {
	out, err := exec.Command("go", "env", k).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func buildModules(patterns []string, tests bool) ([][2]string, error) {
	args := []string{"list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}"}
	if tests {
		args = append(args, "-test")
	}
	args = append(args, patterns...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var mods [][2]string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 || seen[f[0]] {
			continue
		}
		seen[f[0]] = true
		mods = append(mods, [2]string{f[0], f[1]})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i][0] < mods[j][0] })
	return mods, nil
}

func escapePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			b.WriteRune(r + ('a' - 'A'))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func main() {
	policy := flag.String("policy", "permissive", "permissive | weak-copyleft | any")
	asJSON := flag.Bool("json", false, "JSON output")
	notices := flag.String("notices", "", "write notices file")
	offline := flag.Bool("offline", false, "no metadata lookups")
	tests := flag.Bool("tests", false, "include test deps")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	mods, err := buildModules(patterns, *tests)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go list failed:", err)
		os.Exit(2)
	}
	cache := goEnv("GOMODCACHE")
	private := goEnv("GOPRIVATE")
	client := lookup.New(*offline)

	var results []result
	var texts = map[string]string{}
	for _, m := range mods {
		dir := filepath.Join(cache, escapePath(m[0])+"@"+m[1])
		r := result{Module: m[0], Version: m[1], SPDX: "UNKNOWN", Source: "none"}
		for _, n := range licenseNames {
			b, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				continue
			}
			r.File = n
			r.SPDX = classify.Identify(string(b))
			r.Source = "file"
			texts[m[0]] = string(b)
			break
		}
		if r.SPDX == "UNKNOWN" {
			if lookup.MatchesPrivate(private, m[0]) {
				r.SPDX, r.Source = "PROPRIETARY (internal)", "goprivate"
			} else if id, ok := client.License(m[0], m[1]); ok {
				r.SPDX, r.Source = id, "metadata"
			}
		}
		r.Class = classify.Class(r.SPDX)
		results = append(results, r)
	}

	violations := 0
	for _, r := range results {
		if !classify.Allowed(*policy, r.Class) {
			violations++
		}
	}

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(results)
	} else {
		for _, r := range results {
			mark := " "
			if !classify.Allowed(*policy, r.Class) {
				mark = "!"
			}
			fmt.Printf("%s %-60s %-14s %-16s %s\n", mark, r.Module, r.Version, r.SPDX, r.Class)
		}
		fmt.Printf("\n%d modules, %d violations of policy %q\n", len(results), violations, *policy)
	}

	if *notices != "" {
		var b strings.Builder
		b.WriteString("# Third-party notices\n\n")
		for _, r := range results {
			fmt.Fprintf(&b, "## %s %s (%s)\n\n```\n%s\n```\n\n", r.Module, r.Version, r.SPDX, strings.TrimSpace(texts[r.Module]))
		}
		if err := os.WriteFile(*notices, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	if violations > 0 {
		os.Exit(1)
	}
}
