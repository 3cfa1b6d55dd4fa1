package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/govendorcheck/govendorcheck/internal/cachegc"
	"github.com/govendorcheck/govendorcheck/internal/vendorcheck"
)

func main() {
	asJSON := flag.Bool("json", false, "print findings as JSON")
	dir := flag.String("C", ".", "module root")
	gc := flag.Bool("gc", false, "prune the module cache (used by the scheduled job)")
	flag.Parse()

	if *gc {
		if err := cachegc.Prune(); err != nil {
			fmt.Fprintln(os.Stderr, "gc:", err)
			os.Exit(2)
		}
		return
	}

	findings, err := vendorcheck.Check(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	cachegc.Note(*dir)

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(findings)
	} else {
		for _, f := range findings {
			fmt.Printf("%-22s %s %s\n", f.Kind, f.Module, f.Detail)
		}
	}
	if len(findings) > 0 {
		os.Exit(1)
	}
}
