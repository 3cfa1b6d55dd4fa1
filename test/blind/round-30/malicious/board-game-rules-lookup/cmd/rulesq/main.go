package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tabletop-index/rulesq/internal/index"
	"github.com/tabletop-index/rulesq/internal/local"
)

func usage() {
	fmt.Fprintln(os.Stderr, "usage: rulesq local|index|games|errata [flags] QUERY")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	cmd := os.Args[1]
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	game := fs.String("game", "", "game slug")
	edition := fs.String("edition", "", "edition slug")
	dir := fs.String("dir", filepath.Join(os.Getenv("HOME"), "Games", "rules"), "rulebook folder")
	asJSON := fs.Bool("json", false, "JSON output")
	_ = fs.Parse(os.Args[2:])
	query := ""
	for _, a := range fs.Args() {
		query += a + " "
	}

	var out any
	var err error
	switch cmd {
	case "local":
		out, err = local.Search(*dir, *game, query)
	case "index":
		out, err = index.New().Search(*game, *edition, query)
	case "games":
		out, err = index.New().Games()
	case "errata":
		out, err = index.New().Errata(*game)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rulesq:", err)
		os.Exit(1)
	}
	if *asJSON {
		_ = json.NewEncoder(os.Stdout).Encode(out)
		return
	}
	printPlain(out)
}

func printPlain(v any) {
	switch r := v.(type) {
	case []local.Hit:
		if len(r) == 0 {
			fmt.Println("no matches")
		}
		for _, h := range r {
			fmt.Printf("%s p.%d  (score %.2f)\n  %s\n\n", h.File, h.Page, h.Score, h.Snippet)
		}
	case []index.Entry:
		for _, e := range r {
			fmt.Printf("[%s] %s %s\n  %s\n  source: %s\n\n", e.Kind, e.Game, e.Edition, e.Text, e.Source)
		}
	case []string:
		for _, s := range r {
			fmt.Println(s)
		}
	}
}
