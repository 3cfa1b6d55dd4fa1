// Command entrypoints lists state-changing external/public functions in Solidity sources.
//
// Usage:
//
//	entrypoints -root . [-exclude lib,node_modules,test] [-json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type EntryPoint struct {
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Contract   string   `json:"contract"`
	Function   string   `json:"function"`
	Visibility string   `json:"visibility"`
	Payable    bool     `json:"payable"`
	Modifiers  []string `json:"modifiers"`
	Inline     []string `json:"inline_checks"`
	Bucket     string   `json:"bucket"`
}

var (
	reContract  = regexp.MustCompile(`^\s*(abstract\s+)?(contract|library|interface)\s+(\w+)`)
	reFuncStart = regexp.MustCompile(`^\s*(function\s+(\w+)|receive|fallback)\s*\(`)
	reComment   = regexp.MustCompile(`//.*$`)
	reInline    = regexp.MustCompile(`(require\s*\(\s*msg\.sender\s*==[^;]*|_checkRole\([^)]*\)|_checkOwner\(\)|if\s*\(\s*msg\.sender\s*!=[^)]*\))`)
	keywords    = map[string]bool{
		"external": true, "public": true, "internal": true, "private": true, "view": true, "pure": true,
		"payable": true, "virtual": true, "override": true, "returns": true, "memory": true, "calldata": true,
	}
	sensitiveName = regexp.MustCompile(`^(set|update|withdraw|mint|burn|sweep|rescue|execute|upgrade|initialize|pause|unpause|transferOwnership|grant|revoke)`)
)

func main() {
	root := flag.String("root", ".", "directory to scan")
	exclude := flag.String("exclude", "lib,node_modules,test,tests,script,mocks", "comma-separated directory names to skip")
	asJSON := flag.Bool("json", false, "emit JSON instead of markdown")
	flag.Parse()

	skip := map[string]bool{}
	for _, d := range strings.Split(*exclude, ",") {
		if d = strings.TrimSpace(d); d != "" {
			skip[d] = true
		}
	}

	var eps []EntryPoint
	err := filepath.WalkDir(*root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skip[d.Name()] || strings.HasPrefix(d.Name(), ".") && path != *root {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".sol") && !strings.HasSuffix(path, ".t.sol") && !strings.HasSuffix(path, ".s.sol") {
			found, err := scanFile(path)
			if err != nil {
				fmt.Fprintf(os.Stderr, "warning: %s: %v\n", path, err)
				return nil
			}
			eps = append(eps, found...)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	sort.Slice(eps, func(i, j int) bool {
		if eps[i].Bucket != eps[j].Bucket {
			return bucketOrder(eps[i].Bucket) < bucketOrder(eps[j].Bucket)
		}
		if eps[i].Contract != eps[j].Contract {
			return eps[i].Contract < eps[j].Contract
		}
		return eps[i].Line < eps[j].Line
	})

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(eps)
		return
	}
	printMarkdown(eps)
}

func scanFile(path string) ([]EntryPoint, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	var out []EntryPoint
	contract, kind := "", ""
	inBlockComment := false

	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if inBlockComment {
			if strings.Contains(line, "*/") {
				inBlockComment = false
			}
			continue
		}
		if strings.Contains(line, "/*") && !strings.Contains(line, "*/") {
			inBlockComment = true
			continue
		}
		line = reComment.ReplaceAllString(line, "")

		if m := reContract.FindStringSubmatch(line); m != nil {
			contract, kind = m[3], m[2]
			continue
		}
		m := reFuncStart.FindStringSubmatch(line)
		if m == nil || kind == "interface" {
			continue
		}

		// Collect the signature up to the opening brace or semicolon.
		sig := line
		j := i
		for !strings.ContainsAny(sig, "{;") && j+1 < len(lines) {
			j++
			sig += " " + reComment.ReplaceAllString(lines[j], "")
		}
		if idx := strings.IndexAny(sig, "{;"); idx >= 0 {
			if sig[idx] == ';' {
				continue // declaration without body
			}
			sig = sig[:idx]
		}

		name := m[2]
		if name == "" {
			name = strings.TrimSpace(m[1])
		}
		vis, payable, mutability, mods := parseSignature(sig)
		if name == "receive" || name == "fallback" {
			vis = "external"
		}
		if vis != "external" && vis != "public" {
			continue
		}
		if mutability == "view" || mutability == "pure" {
			continue
		}

		body := collectBody(lines, j)
		inline := reInline.FindAllString(body, -1)
		for k := range inline {
			inline[k] = strings.Join(strings.Fields(inline[k]), " ")
		}

		ep := EntryPoint{
			File: path, Line: i + 1, Contract: contract, Function: name, Visibility: vis,
			Payable: payable, Modifiers: mods, Inline: inline,
		}
		ep.Bucket = classify(ep)
		out = append(out, ep)
	}
	return out, nil
}

func parseSignature(sig string) (vis string, payable bool, mutability string, mods []string) {
	// Drop the parameter list: everything up to the matching ')'.
	depth, start := 0, strings.Index(sig, "(")
	end := len(sig)
	for k := start; k >= 0 && k < len(sig); k++ {
		switch sig[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				end = k + 1
				k = len(sig)
			}
		}
	}
	rest := sig[end:]
	if r := strings.Index(rest, "returns"); r >= 0 {
		rest = rest[:r]
	}
	// Tokenise modifiers, keeping calls like onlyRole(ADMIN) together.
	tok := regexp.MustCompile(`\w+(\([^)]*\))?`)
	for _, t := range tok.FindAllString(rest, -1) {
		base := t
		if p := strings.Index(t, "("); p >= 0 {
			base = t[:p]
		}
		switch base {
		case "external", "public", "internal", "private":
			vis = base
		case "payable":
			payable = true
		case "view", "pure":
			mutability = base
		default:
			if !keywords[base] {
				mods = append(mods, t)
			}
		}
	}
	return
}

func collectBody(lines []string, from int) string {
	var b strings.Builder
	depth := 0
	started := false
	for k := from; k < len(lines) && k < from+400; k++ {
		l := lines[k]
		b.WriteString(l)
		b.WriteByte('\n')
		depth += strings.Count(l, "{") - strings.Count(l, "}")
		if strings.Contains(l, "{") {
			started = true
		}
		if started && depth <= 0 {
			break
		}
	}
	return b.String()
}

func classify(ep EntryPoint) string {
	all := strings.ToLower(strings.Join(ep.Modifiers, " ") + " " + strings.Join(ep.Inline, " "))
	switch {
	case strings.Contains(all, "initializer"):
		return "initialiser"
	case strings.Contains(ep.Function, "upgrade") || ep.Function == "_authorizeUpgrade":
		return "upgrade"
	case strings.Contains(all, "onlyrole") || strings.Contains(all, "onlyowner") || strings.Contains(all, "_checkrole") ||
		strings.Contains(all, "_checkowner") || strings.Contains(all, "onlyadmin") || strings.Contains(all, "onlygov"):
		return "role-restricted"
	case strings.Contains(all, "msg.sender =="), strings.Contains(all, "msg.sender !="):
		return "contract-only"
	case onlyGeneric(ep.Modifiers) && len(ep.Inline) == 0:
		return "public"
	default:
		return "unclear"
	}
}

func onlyGeneric(mods []string) bool {
	for _, m := range mods {
		switch strings.ToLower(strings.SplitN(m, "(", 2)[0]) {
		case "nonreentrant", "whennotpaused", "whenpaused", "override", "virtual":
		default:
			return false
		}
	}
	return true
}

func bucketOrder(b string) int {
	return map[string]int{"public": 0, "unclear": 1, "contract-only": 2, "initialiser": 3, "upgrade": 4, "role-restricted": 5}[b]
}

func printMarkdown(eps []EntryPoint) {
	counts := map[string]int{}
	for _, e := range eps {
		counts[e.Bucket]++
	}
	fmt.Println("# Entry points")
	fmt.Println()
	fmt.Printf("Total state-changing entry points: %d\n\n", len(eps))
	for _, b := range []string{"public", "unclear", "contract-only", "initialiser", "upgrade", "role-restricted"} {
		fmt.Printf("- %s: %d\n", b, counts[b])
	}
	current := ""
	for _, e := range eps {
		if e.Bucket != current {
			current = e.Bucket
			fmt.Printf("\n## %s\n\n| Contract | Function | Guards | Payable | Location | Flag |\n|---|---|---|---|---|---|\n", current)
		}
		guards := strings.Join(append(append([]string{}, e.Modifiers...), e.Inline...), "; ")
		if guards == "" {
			guards = "—"
		}
		flag := ""
		if e.Bucket == "public" && sensitiveName.MatchString(e.Function) {
			flag = "⚠ sensitive name, no guard"
		}
		if e.Function == "initialize" && e.Bucket != "initialiser" {
			flag = "⚠ initialize without initializer modifier"
		}
		pay := ""
		if e.Payable {
			pay = "yes"
		}
		fmt.Printf("| %s | %s | %s | %s | %s:%d | %s |\n", e.Contract, e.Function, guards, pay, e.File, e.Line, flag)
	}
}
