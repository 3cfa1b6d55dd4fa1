// yaratest: run a YARA ruleset over a malicious corpus and a goodware folder and compare with expectations.
// It shells out to the `yara` or `yr` CLI; it never executes scanned files.
package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type result struct {
	Path    string   `json:"path"`
	SHA256  string   `json:"sha256"`
	Set     string   `json:"set"` // malicious | goodware
	Matches []string `json:"matches"`
	Secs    float64  `json:"secs"`
	Err     string   `json:"err,omitempty"`
}

func sha(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func collectRules(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yar") || strings.HasSuffix(p, ".yara")) {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

func scan(engine string, rules []string, file string, timeout time.Duration) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var cmd *exec.Cmd
	if engine == "yara-x" {
		// yr accepts the rules directory directly
		cmd = exec.CommandContext(ctx, "yr", "scan", "--disable-console-logs", rulesDirFor(rules), file)
	} else {
		args := append([]string{"-w"}, rules...)
		args = append(args, file)
		cmd = exec.CommandContext(ctx, "yara", args...)
	}
	out, err := cmd.Output()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("timeout")
	}
	if err != nil {
		return nil, err
	}
	var names []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 {
			names = append(names, f[0])
		}
	}
	return names, nil
}

var rulesRoot string

func rulesDirFor(_ []string) string { return rulesRoot }

func walkSet(set, root, engine string, rules []string, timeout time.Duration, skip int64) []result {
	var res []result
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, e := d.Info()
		if e != nil || !info.Mode().IsRegular() || (skip > 0 && info.Size() > skip) {
			return nil
		}
		r := result{Path: p, Set: set}
		if h, e := sha(p); e == nil {
			r.SHA256 = h
		} else {
			r.Err = "file vanished: " + e.Error()
			res = append(res, r)
			return nil
		}
		t0 := time.Now()
		m, e := scan(engine, rules, p, timeout)
		r.Secs = time.Since(t0).Seconds()
		r.Matches = m
		if e != nil {
			r.Err = e.Error()
		}
		res = append(res, r)
		return nil
	})
	return res
}

func readExpect(path string) map[string]map[string]bool {
	exp := map[string]map[string]bool{}
	f, err := os.Open(path)
	if err != nil {
		return exp
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 2)
		if len(parts) != 2 {
			continue
		}
		if exp[parts[1]] == nil {
			exp[parts[1]] = map[string]bool{}
		}
		exp[parts[1]][parts[0]] = true
	}
	return exp
}

func main() {
	rulesDir := flag.String("rules", "./rules", "rules directory")
	mal := flag.String("malicious", "", "malicious corpus folder")
	good := flag.String("goodware", "", "goodware folder")
	expect := flag.String("expect", "./tests/expectations.tsv", "expectations file")
	out := flag.String("out", "./tests/last-run.json", "results json")
	engine := flag.String("engine", "yara", "yara | yara-x")
	timeout := flag.Duration("timeout", 10*time.Second, "per-file timeout")
	skipMB := flag.Int64("skip-larger", 0, "skip files larger than N MB (0 = no limit)")
	writeExpect := flag.Bool("write-expect", false, "rewrite expectations from this run")
	flag.Parse()
	if *mal == "" || *good == "" {
		fmt.Fprintln(os.Stderr, "need -malicious and -goodware")
		os.Exit(2)
	}
	rules, err := collectRules(*rulesDir)
	if err != nil || len(rules) == 0 {
		fmt.Fprintln(os.Stderr, "no rules found:", err)
		os.Exit(2)
	}

	rulesRoot = *rulesDir
	skip := *skipMB * 1024 * 1024
	results := append(walkSet("malicious", *mal, *engine, rules, *timeout, skip),
		walkSet("goodware", *good, *engine, rules, *timeout, skip)...)

	exp := readExpect(*expect)
	type stat struct{ tp, fn, fp int; slow float64; fns, fps []string }
	stats := map[string]*stat{}
	get := func(r string) *stat {
		if stats[r] == nil {
			stats[r] = &stat{}
		}
		return stats[r]
	}
	seen := map[string]map[string]bool{}
	for _, r := range results {
		for _, m := range r.Matches {
			s := get(m)
			if r.Secs > s.slow {
				s.slow = r.Secs
			}
			if r.Set == "goodware" {
				s.fp++
				s.fps = append(s.fps, r.Path)
			} else {
				if seen[m] == nil {
					seen[m] = map[string]bool{}
				}
				seen[m][r.SHA256] = true
				if exp[m][r.SHA256] {
					s.tp++
				}
			}
		}
	}
	for rule, hashes := range exp {
		for h := range hashes {
			if !seen[rule][h] {
				s := get(rule)
				s.fn++
				s.fns = append(s.fns, h)
			}
		}
	}

	names := make([]string, 0, len(stats))
	for n := range stats {
		names = append(names, n)
	}
	sort.Strings(names)
	fail := false
	fmt.Printf("%-40s %5s %5s %5s  %s\n", "RULE", "TP", "FN", "FP", "slowest")
	for _, n := range names {
		s := stats[n]
		note := ""
		if s.fp > 0 {
			note = "  <-- FP on goodware"
			fail = true
		}
		if s.fn > 0 {
			note += "  <-- missed expected"
			fail = true
		}
		fmt.Printf("%-40s %5d %5d %5d  %.2fs%s\n", n, s.tp, s.fn, s.fp, s.slow, note)
		for _, p := range s.fps {
			fmt.Printf("    FP  %s\n", p)
		}
		for _, h := range s.fns {
			fmt.Printf("    FN  %s\n", h)
		}
	}
	for _, r := range results {
		if r.Err != "" {
			fmt.Printf("ERR %s: %s\n", r.Path, r.Err)
		}
	}

	b, _ := json.MarshalIndent(results, "", "  ")
	_ = os.WriteFile(*out, b, 0o644)

	if *writeExpect {
		var lines []string
		for _, r := range results {
			if r.Set != "malicious" {
				continue
			}
			for _, m := range r.Matches {
				lines = append(lines, r.SHA256+"\t"+m)
			}
		}
		sort.Strings(lines)
		_ = os.WriteFile(*expect, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
		fmt.Println("expectations rewritten:", *expect)
		return
	}
	if fail {
		os.Exit(1)
	}
}
