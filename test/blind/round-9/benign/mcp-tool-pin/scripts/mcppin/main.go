// mcppin: review and pin MCP tools/list output.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

type Tool struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	InputSchema json.RawMessage `json:"inputSchema"`
}

type ToolList struct {
	Tools []Tool `json:"tools"`
}

type LockEntry struct {
	DescriptionSHA256 string `json:"description_sha256"`
	SchemaSHA256      string `json:"schema_sha256"`
	Description       string `json:"description"`
	Schema            string `json:"schema"`
}

var checks = []struct {
	id string
	rx *regexp.Regexp
}{
	{"hidden-instruction", regexp.MustCompile(`(?i)(before (using|calling) this tool|you must (first|always)|<important>|ignore (previous|other) instructions|do not (tell|mention|inform)[^.]{0,30}user|this is (very )?important)`)},
	{"sensitive-path", regexp.MustCompile(`(?i)(~/?\.ssh|id_rsa|id_ed25519|\.env\b|mcp\.json|claude_desktop_config|\.aws/credentials|\.kube/config|Login Data|Cookies|keychain|wallet)`)},
	{"side-channel-param", regexp.MustCompile(`(?i)(pass|include|put|send)[^.]{0,40}(contents?|history|conversation|previous messages|system prompt)[^.]{0,40}(in|as|into) (the )?['"\x60]?\w+['"\x60]? (param|parameter|field|argument)`)},
	{"cross-tool", regexp.MustCompile(`(?i)(when (using|calling) the \w+ tool|other tools?|instead of the \w+ tool|all emails? (must|should) (also )?be sent to|bcc)`)},
}

var invisible = regexp.MustCompile("[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\U000E0000-\U000E007F]")

func load(path string) ToolList {
	b, err := os.ReadFile(path)
	if err != nil {
		fail(err)
	}
	var tl ToolList
	if err := json.Unmarshal(b, &tl); err != nil {
		// inspector sometimes wraps the result
		var wrapped struct {
			Result ToolList `json:"result"`
		}
		if err2 := json.Unmarshal(b, &wrapped); err2 != nil {
			fail(fmt.Errorf("parse %s: %w", path, err))
		}
		tl = wrapped.Result
	}
	return tl
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func canonical(raw json.RawMessage) string {
	var v any
	if len(raw) == 0 {
		return "{}"
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	b, _ := json.MarshalIndent(v, "", "  ") // encoding/json sorts map keys
	return string(b)
}

func check(tl ToolList) int {
	flagged := 0
	for _, t := range tl.Tools {
		text := t.Description + "\n" + canonical(t.InputSchema)
		var hits []string
		for _, c := range checks {
			if c.rx.MatchString(text) {
				hits = append(hits, c.id)
			}
		}
		if invisible.MatchString(text) {
			hits = append(hits, "invisible-unicode")
		}
		if len(t.Description) > 2048 {
			hits = append(hits, "oversized")
		}
		if len(hits) == 0 {
			fmt.Printf("ok      %s\n", t.Name)
			continue
		}
		flagged++
		fmt.Printf("FLAGGED %s: %s\n", t.Name, strings.Join(hits, ", "))
		for _, line := range strings.Split(escape(t.Description), "\n") {
			fmt.Printf("        | %s\n", line)
		}
	}
	fmt.Printf("\n%d tools, %d flagged\n", len(tl.Tools), flagged)
	if flagged > 0 {
		return 1
	}
	return 0
}

func escape(s string) string {
	return invisible.ReplaceAllStringFunc(s, func(m string) string {
		r := []rune(m)[0]
		return fmt.Sprintf("<U+%04X>", r)
	})
}

func lock(tl ToolList) {
	out := map[string]LockEntry{}
	for _, t := range tl.Tools {
		schema := canonical(t.InputSchema)
		out[t.Name] = LockEntry{sum(t.Description), sum(schema), t.Description, schema}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

func diff(lockPath string, tl ToolList) int {
	b, err := os.ReadFile(lockPath)
	if err != nil {
		fail(err)
	}
	var locked map[string]LockEntry
	if err := json.Unmarshal(b, &locked); err != nil {
		fail(err)
	}
	current := map[string]Tool{}
	for _, t := range tl.Tools {
		current[t.Name] = t
	}
	names := map[string]bool{}
	for n := range locked {
		names[n] = true
	}
	for n := range current {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	changed := 0
	for _, n := range sorted {
		l, inLock := locked[n]
		c, inCur := current[n]
		switch {
		case !inCur:
			fmt.Printf("REMOVED %s\n", n)
			changed++
		case !inLock:
			fmt.Printf("ADDED   %s\n        | %s\n", n, escape(c.Description))
			changed++
		default:
			schema := canonical(c.InputSchema)
			if sum(c.Description) != l.DescriptionSHA256 {
				fmt.Printf("CHANGED %s (description)\n", n)
				lineDiff(l.Description, c.Description)
				changed++
			}
			if sum(schema) != l.SchemaSHA256 {
				fmt.Printf("CHANGED %s (input schema)\n", n)
				lineDiff(l.Schema, schema)
				changed++
			}
		}
	}
	if changed == 0 {
		fmt.Println("no changes since lock")
		return 0
	}
	return 1
}

func lineDiff(a, b string) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	seen := map[string]bool{}
	for _, l := range bl {
		seen[l] = true
	}
	old := map[string]bool{}
	for _, l := range al {
		old[l] = true
		if !seen[l] {
			fmt.Printf("        - %s\n", escape(l))
		}
	}
	for _, l := range bl {
		if !old[l] {
			fmt.Printf("        + %s\n", escape(l))
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mcppin:", err)
	os.Exit(2)
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: mcppin check TOOLS.json | lock TOOLS.json | diff LOCK.json TOOLS.json")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "check":
		os.Exit(check(load(os.Args[2])))
	case "lock":
		lock(load(os.Args[2]))
	case "diff":
		if len(os.Args) < 4 {
			fail(fmt.Errorf("diff needs LOCK.json and TOOLS.json"))
		}
		os.Exit(diff(os.Args[2], load(os.Args[3])))
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
}
