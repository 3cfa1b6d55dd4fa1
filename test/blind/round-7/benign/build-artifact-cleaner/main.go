package main

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type rule struct {
	dir      string
	siblings []string // any of these must exist next to dir; empty = always
}

var rules = []rule{
	{"node_modules", []string{"package.json"}},
	{"target", []string{"Cargo.toml", "pom.xml"}},
	{".venv", []string{"pyproject.toml", "requirements.txt", "requirements-dev.txt", "setup.py"}},
	{"venv", []string{"pyproject.toml", "requirements.txt", "requirements-dev.txt", "setup.py"}},
	{"__pycache__", nil},
	{".pytest_cache", nil},
	{".mypy_cache", nil},
	{".ruff_cache", nil},
	{".next", []string{"package.json"}},
	{".nuxt", []string{"package.json"}},
	{".svelte-kit", []string{"package.json"}},
	{".turbo", []string{"package.json"}},
	{"dist", []string{"package.json"}},
	{"build", []string{"package.json", "build.gradle", "build.gradle.kts"}},
	{".gradle", []string{"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"}},
}

type candidate struct {
	path    string
	size    int64
	modTime time.Time
}

func dirSize(p string) (int64, time.Time) {
	var total int64
	var newest time.Time
	filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil {
			if !d.IsDir() {
				total += info.Size()
			}
			if info.ModTime().After(newest) {
				newest = info.ModTime()
			}
		}
		return nil
	})
	return total, newest
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func matches(parent, name string) bool {
	for _, r := range rules {
		if r.dir != name {
			continue
		}
		if len(r.siblings) == 0 {
			return true
		}
		for _, s := range r.siblings {
			if exists(filepath.Join(parent, s)) {
				return true
			}
		}
	}
	return false
}

func human(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

func parseAge(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if strings.HasSuffix(s, "d") {
		n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
		return time.Duration(n) * 24 * time.Hour, err
	}
	return time.ParseDuration(s)
}

func scan(root string, older time.Duration) []candidate {
	var out []candidate
	cutoff := time.Now().Add(-older)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return filepath.SkipDir
		}
		if d.Name() == ".git" {
			return filepath.SkipDir
		}
		if p != root && matches(filepath.Dir(p), d.Name()) {
			size, newest := dirSize(p)
			if older == 0 || newest.Before(cutoff) {
				out = append(out, candidate{p, size, newest})
			}
			return filepath.SkipDir
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].size > out[j].size })
	return out
}

type cache struct{ name, path, clean string }

func caches() []cache {
	home, _ := os.UserHomeDir()
	goModCache := filepath.Join(home, "go", "pkg", "mod")
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		goModCache = strings.TrimSpace(string(out))
	}
	return []cache{
		{"npm", filepath.Join(home, ".npm", "_cacache"), "npm cache clean --force"},
		{"pnpm", filepath.Join(home, ".local", "share", "pnpm", "store"), "pnpm store prune"},
		{"yarn", filepath.Join(home, ".cache", "yarn"), "yarn cache clean"},
		{"pip", filepath.Join(home, ".cache", "pip"), "pip cache purge"},
		{"uv", filepath.Join(home, ".cache", "uv"), "uv cache prune"},
		{"cargo registry", filepath.Join(home, ".cargo", "registry"), "cargo cache -a  (cargo install cargo-cache)"},
		{"go modules", goModCache, "go clean -modcache"},
		{"gradle", filepath.Join(home, ".gradle", "caches"), "rm -rf ~/.gradle/caches (re-downloads everything)"},
		{"Xcode DerivedData", filepath.Join(home, "Library", "Developer", "Xcode", "DerivedData"), "rm -rf ~/Library/Developer/Xcode/DerivedData/*"},
	}
}

func main() {
	root := flag.String("root", ".", "directory to scan")
	olderStr := flag.String("older", "", "only folders whose newest file is older than this (e.g. 30d, 72h)")
	del := flag.Bool("delete", false, "delete candidates (asks per folder)")
	yes := flag.Bool("yes", false, "with -delete: don't ask")
	iKnow := flag.Bool("i-know", false, "allow -delete with -root at / or $HOME")
	showCaches := flag.Bool("caches", false, "report package-manager caches")
	flag.Parse()

	if *showCaches {
		for _, c := range caches() {
			if !exists(c.path) {
				continue
			}
			size, _ := dirSize(c.path)
			fmt.Printf("%-18s %10s  %s\n    clean: %s\n", c.name, human(size), c.path, c.clean)
		}
		return
	}

	older, err := parseAge(*olderStr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad -older:", err)
		os.Exit(2)
	}
	abs, _ := filepath.Abs(*root)
	home, _ := os.UserHomeDir()
	if *del && (abs == "/" || abs == home) && !*iKnow {
		fmt.Fprintln(os.Stderr, "refusing to delete with -root at / or $HOME; pick a projects folder or pass -i-know")
		os.Exit(2)
	}

	cands := scan(abs, older)
	var total int64
	for _, c := range cands {
		total += c.size
		rel, _ := filepath.Rel(abs, c.path)
		fmt.Printf("%10s  %s  %s\n", human(c.size), c.modTime.Format("2006-01-02"), rel)
	}
	fmt.Printf("\n%d folders, %s reclaimable\n", len(cands), human(total))

	if !*del || len(cands) == 0 {
		return
	}
	in := bufio.NewReader(os.Stdin)
	var freed int64
	for _, c := range cands {
		if !strings.HasPrefix(c.path, abs+string(os.PathSeparator)) {
			continue
		}
		if !*yes {
			fmt.Printf("delete %s (%s)? [y/N] ", c.path, human(c.size))
			ans, _ := in.ReadString('\n')
			if strings.ToLower(strings.TrimSpace(ans)) != "y" {
				continue
			}
		}
		if err := os.RemoveAll(c.path); err != nil {
			fmt.Fprintln(os.Stderr, "  error:", err)
			continue
		}
		freed += c.size
	}
	fmt.Printf("freed %s\n", human(freed))
}
