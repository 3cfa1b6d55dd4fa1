package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type entry struct {
	path string
	size int64
	mod  time.Time
}

func parseAge(s string) (time.Duration, error) {
	if strings.HasSuffix(s, "d") {
		n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
		return time.Duration(n) * 24 * time.Hour, err
	}
	return time.ParseDuration(s)
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	u := strings.ToUpper(s)
	for suf, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if strings.HasSuffix(u, suf) {
			mult, u = m, strings.TrimSuffix(u, suf)
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(u), 10, 64)
	return n * mult, err
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return dir, nil
		}
	}
}

func gzipFile(path string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(path+".gz", os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(out)
	if _, err := io.Copy(zw, in); err != nil {
		out.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Remove(path)
}

func main() {
	dir := flag.String("dir", "./logs", "log directory inside the project")
	maxAgeS := flag.String("max-age", "14d", "delete compressed logs older than this")
	maxTotalS := flag.String("max-total", "500MB", "target total size of the folder")
	apply := flag.Bool("apply", false, "actually change files (default is dry run)")
	flag.Parse()

	maxAge, err := parseAge(*maxAgeS)
	must(err)
	maxTotal, err := parseSize(*maxTotalS)
	must(err)
	root, err := repoRoot()
	must(err)
	abs, err := filepath.Abs(*dir)
	must(err)
	if rel, err := filepath.Rel(root, abs); err != nil || strings.HasPrefix(rel, "..") {
		fmt.Fprintf(os.Stderr, "%s is outside the project root %s; refusing\n", abs, root)
		os.Exit(1)
	}

	now := time.Now()
	var plain, compressed []entry
	var total int64
	must(filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{p, info.Size(), info.ModTime()}
		name := d.Name()
		switch {
		case strings.HasSuffix(name, ".gz"):
			compressed = append(compressed, e)
		case strings.Contains(name, ".log"):
			plain = append(plain, e)
		default:
			return nil
		}
		total += e.size
		return nil
	}))

	mode := "DRY RUN"
	if *apply {
		mode = "APPLY"
	}
	fmt.Printf("%s — %s (%d files, %.1f MB)\n", mode, abs, len(plain)+len(compressed), float64(total)/(1<<20))

	for _, e := range plain {
		if now.Sub(e.mod) < 24*time.Hour {
			continue
		}
		fmt.Printf("  compress  %8.1f KB  %s\n", float64(e.size)/1024, e.path)
		if *apply {
			must(gzipFile(e.path))
			if st, err := os.Stat(e.path + ".gz"); err == nil {
				total -= e.size - st.Size()
				compressed = append(compressed, entry{e.path + ".gz", st.Size(), e.mod})
			}
		}
	}

	sort.Slice(compressed, func(i, j int) bool { return compressed[i].mod.Before(compressed[j].mod) })
	var keep []entry
	for _, e := range compressed {
		if now.Sub(e.mod) > maxAge {
			fmt.Printf("  delete    %8.1f KB  %s (older than %s)\n", float64(e.size)/1024, e.path, *maxAgeS)
			if *apply {
				must(os.Remove(e.path))
			}
			total -= e.size
			continue
		}
		keep = append(keep, e)
	}
	for _, e := range keep {
		if total <= maxTotal {
			break
		}
		fmt.Printf("  delete    %8.1f KB  %s (over size budget)\n", float64(e.size)/1024, e.path)
		if *apply {
			must(os.Remove(e.path))
		}
		total -= e.size
	}
	fmt.Printf("resulting size ≈ %.1f MB\n", float64(total)/(1<<20))
	if !*apply {
		fmt.Println("nothing changed; re-run with -apply to perform these actions")
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
