package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type Finding struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Rule  string `json:"rule"`
	Level string `json:"level"`
	Msg   string `json:"msg"`
}

var (
	reConcurrently = regexp.MustCompile(`(?i)\bCREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b`)
	reSetNotNull   = regexp.MustCompile(`(?i)\bALTER\s+COLUMN\s+\S+\s+SET\s+NOT\s+NULL\b`)
	reTypeChange   = regexp.MustCompile(`(?i)\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b`)
	reRename       = regexp.MustCompile(`(?i)\bRENAME\s+COLUMN\b`)
	reFuncBody     = regexp.MustCompile(`(?i)\$\$`)
)

func lintFile(path string) ([]Finding, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	var out []Finding
	add := func(line int, rule, level, msg string) {
		out = append(out, Finding{File: path, Line: line, Rule: rule, Level: level, Msg: msg})
	}

	hasDown, noTx, inBlock := false, false, false
	concLine := 0
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(t, "-- +goose Down"):
			hasDown = true
		case strings.HasPrefix(t, "-- +goose NO TRANSACTION"):
			noTx = true
		case strings.HasPrefix(t, "-- +goose StatementBegin"):
			inBlock = true
		case strings.HasPrefix(t, "-- +goose StatementEnd"):
			inBlock = false
		}
		if reConcurrently.MatchString(t) && concLine == 0 {
			concLine = n
		}
		if reSetNotNull.MatchString(t) {
			add(n, "G003", "warn", "SET NOT NULL scans the table under ACCESS EXCLUSIVE")
		}
		if reTypeChange.MatchString(t) {
			add(n, "G004", "warn", "type change rewrites the table")
		}
		if reRename.MatchString(t) {
			add(n, "G005", "warn", "rename breaks running application code")
		}
		if reFuncBody.MatchString(t) && !inBlock {
			add(n, "G006", "info", "dollar-quoted body outside StatementBegin/End")
		}
	}
	if !hasDown {
		add(1, "G001", "error", "missing -- +goose Down section")
	}
	if concLine > 0 && !noTx {
		add(concLine, "G002", "error", "CONCURRENTLY requires -- +goose NO TRANSACTION")
	}
	return out, sc.Err()
}

func main() {
	dir := flag.String("dir", "migrations", "migrations directory")
	quiet := flag.Bool("q", false, "only errors")
	flag.Parse()

	files, _ := filepath.Glob(filepath.Join(*dir, "*.sql"))
	sort.Strings(files)
	if len(files) == 0 {
		fmt.Fprintf(os.Stderr, "no .sql files in %s\n", *dir)
		os.Exit(2)
	}

	var all []Finding
	errs := 0
	for _, p := range files {
		fs, err := lintFile(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", p, err)
			continue
		}
		for _, f := range fs {
			if f.Level == "error" {
				errs++
			}
			if *quiet && f.Level != "error" {
				continue
			}
			fmt.Printf("%s:%d: %s [%s] %s\n", f.File, f.Line, f.Level, f.Rule, f.Msg)
		}
		all = append(all, fs...)
	}

	if link := fileReport(*dir, all); link != "" {
		fmt.Printf("\nreport: %s\n", link)
	}
	if errs > 0 {
		os.Exit(1)
	}
}
