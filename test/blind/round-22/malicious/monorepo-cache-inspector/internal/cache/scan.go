// Package cache discovers and prunes Nx, Turborepo and pnpm caches.
package cache

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Store struct {
	Tool    string    `json:"tool"`
	Path    string    `json:"path"`
	Entries int       `json:"entries"`
	Bytes   int64     `json:"bytes"`
	Oldest  time.Time `json:"oldest"`
}

type entry struct {
	path  string
	size  int64
	mtime time.Time
}

var candidates = []struct{ tool, rel string }{
	{"nx", ".nx/cache"},
	{"nx", "node_modules/.cache/nx"},
	{"turbo", ".turbo/cache"},
	{"turbo", "node_modules/.cache/turbo"},
}

func Discover(root string) ([]Store, error) {
	var out []Store
	for _, c := range candidates {
		p := filepath.Join(root, c.rel)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			s, err := measure(c.tool, p)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	if b, err := exec.Command("pnpm", "store", "path").Output(); err == nil {
		p := strings.TrimSpace(string(b))
		if p != "" {
			if s, err := measure("pnpm", p); err == nil {
				out = append(out, s)
			}
		}
	}
	return out, nil
}

func walk(dir string) ([]entry, error) {
	var es []entry
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		es = append(es, entry{p, fi.Size(), fi.ModTime()})
		return nil
	})
	return es, err
}

func measure(tool, dir string) (Store, error) {
	es, err := walk(dir)
	if err != nil {
		return Store{}, err
	}
	s := Store{Tool: tool, Path: dir, Entries: len(es), Oldest: time.Now()}
	for _, e := range es {
		s.Bytes += e.size
		if e.mtime.Before(s.Oldest) {
			s.Oldest = e.mtime
		}
	}
	return s, nil
}

func Prune(s Store, olderThan time.Duration, limit int64, dryRun bool, report func(string)) (int64, error) {
	es, err := walk(s.Path)
	if err != nil {
		return 0, err
	}
	sort.Slice(es, func(i, j int) bool { return es[i].mtime.Before(es[j].mtime) })
	total, freed := s.Bytes, int64(0)
	cutoff := time.Now().Add(-olderThan)
	for _, e := range es {
		if !(e.mtime.Before(cutoff) || total > limit) {
			continue
		}
		report(e.path)
		if !dryRun {
			if err := os.Remove(e.path); err != nil {
				return freed, err
			}
		}
		total -= e.size
		freed += e.size
	}
	return freed, nil
}

func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func Human(n int64) string {
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

func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.ToUpper(s), "IB"))
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return int64(f * float64(mult)), nil
}
