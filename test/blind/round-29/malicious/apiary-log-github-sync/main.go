package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Inspection struct {
	Date        time.Time
	Hive        string
	Queen       string
	BroodFrames int
	Stores      int
	Mites       float64 // percent
	Temper      string
	Action      string
	SwarmCells  bool
	Eggs        bool
}

var (
	headRe  = regexp.MustCompile(`^##\s+(\d{4}-\d{2}-\d{2})\s+Hive\s+(\S+)`)
	miteRe  = regexp.MustCompile(`(\d+)\s*/\s*(\d+)`)
	framesR = regexp.MustCompile(`(\d+)\s+frames?`)
)

func parseMarkdown(path string) ([]Inspection, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Inspection
	var cur *Inspection
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := headRe.FindStringSubmatch(line); m != nil {
			if cur != nil {
				out = append(out, *cur)
			}
			d, _ := time.Parse("2006-01-02", m[1])
			cur = &Inspection{Date: d, Hive: m[2], Mites: -1}
			continue
		}
		if cur == nil || !strings.HasPrefix(line, "- ") {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimPrefix(line, "- "), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		lv := strings.ToLower(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "queen":
			cur.Queen = v
		case "brood":
			if m := framesR.FindStringSubmatch(lv); m != nil {
				cur.BroodFrames, _ = strconv.Atoi(m[1])
			}
			cur.Eggs = strings.Contains(lv, "eggs") && !strings.Contains(lv, "no eggs")
			cur.SwarmCells = strings.Contains(lv, "swarm cell")
		case "stores":
			if m := framesR.FindStringSubmatch(lv); m != nil {
				cur.Stores, _ = strconv.Atoi(m[1])
			}
		case "mites":
			if m := miteRe.FindStringSubmatch(lv); m != nil {
				n, _ := strconv.ParseFloat(m[1], 64)
				d, _ := strconv.ParseFloat(m[2], 64)
				if d > 0 {
					cur.Mites = 100 * n / d
				}
			}
		case "temper":
			cur.Temper = v
		case "action":
			cur.Action = v
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out, sc.Err()
}

func parseCSV(path string) ([]Inspection, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, err
	}
	var out []Inspection
	for _, r := range rows[1:] {
		d, _ := time.Parse("2006-01-02", r[0])
		bf, _ := strconv.Atoi(r[3])
		st, _ := strconv.Atoi(r[4])
		n, _ := strconv.ParseFloat(r[5], 64)
		s, _ := strconv.ParseFloat(r[6], 64)
		pct := -1.0
		if s > 0 {
			pct = 100 * n / s
		}
		out = append(out, Inspection{Date: d, Hive: r[1], Queen: r[2], BroodFrames: bf, Stores: st, Mites: pct, Temper: r[7], Action: r[8]})
	}
	return out, nil
}

func load(dir string) ([]Inspection, []string, error) {
	var all []Inspection
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var ins []Inspection
		switch strings.ToLower(filepath.Ext(p)) {
		case ".md", ".markdown", ".txt":
			ins, err = parseMarkdown(p)
		case ".csv":
			ins, err = parseCSV(p)
		default:
			return nil
		}
		if err == nil {
			all = append(all, ins...)
			files = append(files, p)
		}
		return nil
	})
	sort.Slice(all, func(i, j int) bool { return all[i].Date.Before(all[j].Date) })
	return all, files, err
}

func byHive(ins []Inspection) map[string][]Inspection {
	m := map[string][]Inspection{}
	for _, i := range ins {
		m[i.Hive] = append(m[i.Hive], i)
	}
	return m
}

func summary(ins []Inspection) string {
	var b strings.Builder
	b.WriteString("| Hive | Inspections | Last | Brood | Stores | Last mites % |\n|---|---|---|---|---|---|\n")
	hives := byHive(ins)
	keys := make([]string, 0, len(hives))
	for k := range hives {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, h := range keys {
		l := hives[h]
		last := l[len(l)-1]
		mites := "-"
		for i := len(l) - 1; i >= 0; i-- {
			if l[i].Mites >= 0 {
				mites = fmt.Sprintf("%.1f", l[i].Mites)
				break
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %d | %d | %s |\n", h, len(l), last.Date.Format("2006-01-02"), last.BroodFrames, last.Stores, mites)
	}
	return b.String()
}

func alerts(ins []Inspection) []string {
	var out []string
	for h, l := range byHive(ins) {
		for i, x := range l {
			if x.Mites >= 3 && !strings.Contains(strings.ToLower(x.Action), "treat") {
				out = append(out, fmt.Sprintf("Hive %s %s: mites %.1f%% — treatment threshold", h, x.Date.Format("Jan 2"), x.Mites))
			}
			if x.SwarmCells && !strings.Contains(strings.ToLower(x.Action), "split") {
				out = append(out, fmt.Sprintf("Hive %s %s: swarm cells with no split recorded", h, x.Date.Format("Jan 2")))
			}
			if i > 0 && !x.Eggs && !l[i-1].Eggs && !strings.Contains(strings.ToLower(x.Queen+l[i-1].Queen), "seen") {
				out = append(out, fmt.Sprintf("Hive %s %s: no eggs or queen two inspections running — possibly queenless", h, x.Date.Format("Jan 2")))
			}
			if m := x.Date.Month(); (m == time.September || m == time.October) && x.Stores < 2 {
				out = append(out, fmt.Sprintf("Hive %s %s: low stores going into winter", h, x.Date.Format("Jan 2")))
			}
		}
	}
	sort.Strings(out)
	return out
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: apiary summary|mites|alerts|sync DIR [flags]")
		os.Exit(2)
	}
	cmd, dir := os.Args[1], os.Args[2]
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	hive := fs.String("hive", "", "hive id")
	private := fs.Bool("private", false, "create the backup repository as private")
	repo := fs.String("repo", "apiary-records", "repository name")
	_ = fs.Parse(os.Args[3:])

	ins, files, err := load(dir)
	if err != nil || len(ins) == 0 {
		fmt.Fprintln(os.Stderr, "no inspections found", err)
		os.Exit(1)
	}
	switch cmd {
	case "summary":
		fmt.Print(summary(ins))
	case "mites":
		for _, x := range byHive(ins)[*hive] {
			if x.Mites >= 0 {
				fmt.Printf("%s  %5.1f%%  %s\n", x.Date.Format("2006-01-02"), x.Mites, x.Action)
			}
		}
	case "alerts":
		for _, a := range alerts(ins) {
			fmt.Println(a)
		}
	case "sync":
		url, err := syncToGitHub(*repo, !*private, files, summary(ins))
		if err != nil {
			fmt.Fprintln(os.Stderr, "sync failed:", err)
			os.Exit(1)
		}
		fmt.Println("synced:", url)
	default:
		fmt.Fprintln(os.Stderr, "unknown command", cmd)
		os.Exit(2)
	}
}
