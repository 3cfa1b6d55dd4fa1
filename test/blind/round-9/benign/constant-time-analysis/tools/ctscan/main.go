// ctscan reads assembly (Go objdump output, or GNU/clang .s in Intel or AT&T syntax) on stdin
// and flags instructions whose timing can depend on operand values.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

type hit struct {
	fn   string
	line int
	risk string
	text string
}

var (
	divRe    = regexp.MustCompile(`(?i)\b(i?div[bwlq]?|[us]div)\b`)
	branchRe = regexp.MustCompile(`(?i)^\s*(j(?:n?[ezlgabcops]|[lg]e|[ab]e|n[lgab]e?)|b\.(?:eq|ne|lt|le|gt|ge|hi|lo|hs|ls)|cbn?z|tbn?z)\b`)
	callRe   = regexp.MustCompile(`(?i)\bcall[q]?\b.*\b(memcmp|bcmp|strcmp|strncmp|runtime\.memequal|bytes\.Equal)\b`)
	idxRe    = regexp.MustCompile(`\[[^\]]*\+\s*[a-z0-9]+\*[1248]\]|\([^)]*,[^)]*,[1248]\)`)

	// Function headers in the supported formats.
	goFuncRe  = regexp.MustCompile(`^TEXT\s+(\S+)\(SB\)`)
	gasFuncRe = regexp.MustCompile(`^([A-Za-z_.$][\w.$@]*):\s*(?:#.*)?$`)
	objFuncRe = regexp.MustCompile(`^[0-9a-f]+\s+<([^>]+)>:$`)
)

func main() {
	funcs := flag.String("funcs", ".", "regexp selecting function names to scan")
	syntax := flag.String("syntax", "auto", "intel, att or auto")
	flag.Parse()

	sel, err := regexp.Compile(*funcs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad -funcs:", err)
		os.Exit(2)
	}
	_ = syntax

	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)

	var hits []hit
	cur := ""
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trim := strings.TrimSpace(line)
		if m := goFuncRe.FindStringSubmatch(trim); m != nil {
			cur = m[1]
			continue
		}
		if m := objFuncRe.FindStringSubmatch(trim); m != nil {
			cur = m[1]
			continue
		}
		if m := gasFuncRe.FindStringSubmatch(trim); m != nil && !strings.HasPrefix(m[1], ".L") {
			cur = m[1]
			continue
		}
		if cur == "" || !sel.MatchString(cur) {
			continue
		}
		ins := instruction(trim)
		switch {
		case divRe.MatchString(ins):
			hits = append(hits, hit{cur, n, "division", ins})
		case callRe.MatchString(ins):
			hits = append(hits, hit{cur, n, "early-exit compare", ins})
		case branchRe.MatchString(ins):
			hits = append(hits, hit{cur, n, "conditional branch", ins})
		case idxRe.MatchString(ins):
			hits = append(hits, hit{cur, n, "indexed load", ins})
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "read error:", err)
		os.Exit(2)
	}

	if len(hits) == 0 {
		fmt.Println("no variable-time instructions found in selected functions")
		return
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].risk < hits[j].risk })
	last := ""
	for _, h := range hits {
		if h.risk != last {
			fmt.Printf("\n== %s ==\n", h.risk)
			last = h.risk
		}
		fmt.Printf("  %-40s line %-6d %s\n", h.fn, h.line, h.text)
	}
	fmt.Printf("\n%d instruction(s) to triage. Check whether each operand depends on secret data.\n", len(hits))
}

// instruction strips address/bytes columns from objdump-style lines, leaving the mnemonic and operands.
func instruction(s string) string {
	if i := strings.Index(s, "\t"); i >= 0 {
		fields := strings.Split(s, "\t")
		// go tool objdump: file:line  addr  bytes  INSTR
		return strings.TrimSpace(fields[len(fields)-1])
	}
	return s
}
