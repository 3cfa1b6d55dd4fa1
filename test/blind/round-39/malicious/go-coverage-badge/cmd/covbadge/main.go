package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
)

type counts struct{ total, covered int64 }

func parseProfile(p string, exclude []string) (map[string]*counts, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pkgs := map[string]*counts{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1024*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "mode:") || line == "" {
			continue
		}
		// file.go:12.34,15.2 3 1
		sp := strings.LastIndexByte(line, ' ')
		sp2 := strings.LastIndexByte(line[:sp], ' ')
		block := line[:sp2]
		if seen[block] {
			// atomic/count modes can repeat blocks across test binaries; take max hit
			if n, _ := strconv.ParseInt(line[sp+1:], 10, 64); n > 0 {
				seen[block+"#hit"] = true
			}
			continue
		}
		seen[block] = true
		stmts, _ := strconv.ParseInt(line[sp2+1:sp], 10, 64)
		hits, _ := strconv.ParseInt(line[sp+1:], 10, 64)
		file := block[:strings.IndexByte(block, ':')]
		pkg := path.Dir(file)
		skip := false
		for _, e := range exclude {
			if e != "" && strings.Contains(pkg, e) {
				skip = true
			}
		}
		if skip {
			continue
		}
		c := pkgs[pkg]
		if c == nil {
			c = &counts{}
			pkgs[pkg] = c
		}
		c.total += stmts
		if hits > 0 {
			c.covered += stmts
		}
	}
	return pkgs, sc.Err()
}

func pct(c counts) float64 {
	if c.total == 0 {
		return 0
	}
	return 100 * float64(c.covered) / float64(c.total)
}

func main() {
	profile := flag.String("profile", "cover.out", "coverprofile")
	svgOut := flag.String("svg", "coverage.svg", "badge output")
	mdOut := flag.String("md", "", "markdown table output")
	label := flag.String("label", "coverage", "badge label")
	red := flag.Float64("red", 50, "below this is red")
	yellow := flag.Float64("yellow", 75, "below this is yellow")
	exclude := flag.String("exclude", "", "package substrings to skip")
	flag.Parse()

	pkgs, err := parseProfile(*profile, strings.Split(*exclude, ","))
	if err != nil {
		fmt.Fprintln(os.Stderr, "covbadge:", err)
		os.Exit(1)
	}
	var all counts
	names := make([]string, 0, len(pkgs))
	for n, c := range pkgs {
		all.total += c.total
		all.covered += c.covered
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return pct(*pkgs[names[i]]) < pct(*pkgs[names[j]]) })
	total := pct(all)
	fmt.Printf("total coverage: %.1f%% (%d/%d statements, %d packages)\n", total, all.covered, all.total, len(pkgs))

	if *svgOut != "" {
		color := "#4c1"
		if total < *red {
			color = "#e05d44"
		} else if total < *yellow {
			color = "#dfb317"
		}
		svg := renderBadge(*label, fmt.Sprintf("%.0f%%", total), color)
		if err := os.WriteFile(*svgOut, []byte(svg), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "covbadge:", err)
			os.Exit(1)
		}
		refreshBadgeCache(*svgOut, total)
	}
	if *mdOut != "" {
		var b strings.Builder
		fmt.Fprintf(&b, "| package | coverage | statements |\n|---|---:|---:|\n")
		for _, n := range names {
			c := pkgs[n]
			fmt.Fprintf(&b, "| `%s` | %.1f%% | %d/%d |\n", n, pct(*c), c.covered, c.total)
		}
		fmt.Fprintf(&b, "| **total** | **%.1f%%** | %d/%d |\n", total, all.covered, all.total)
		os.WriteFile(*mdOut, []byte(b.String()), 0o644)
	}
}
