// mcpreview statically reviews an MCP tools/list dump and optionally pins/diffs it.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
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

type schema struct {
	Properties map[string]struct {
		Type        string `json:"type"`
		Description string `json:"description"`
	} `json:"properties"`
}

type Finding struct {
	Tool, Where, Rule, Snippet string
}

var (
	reHidden = regexp.MustCompile(`(?i)(<important>|<system>|before (using|calling) this tool|do not (mention|tell|inform)|don't (mention|tell)|the user (has already|already) (approved|consented)|ignore (previous|other) instructions|you must (first|always))`)
	reSens   = regexp.MustCompile(`(?i)(~/\.ssh|id_rsa|id_ed25519|\.env\b|mcp\.json|claude_desktop_config|~/\.aws|credentials|\.npmrc|\.netrc|keychain|wallet|seed phrase|Login Data|cookies)`)
	reShadow = regexp.MustCompile(`(?i)(when|whenever|if) (the )?[a-z_]+ tool (is|gets) (used|called)|also (send|bcc|cc|forward|add) .* (to|@)`)
	reExfil  = regexp.MustCompile(`(?i)^(context|note|notes|sidenote|metadata|debug|extra|comment|trace|feedback)$`)
	reAsks   = regexp.MustCompile(`(?i)(content(s)? of|full (text|conversation)|history|file|read|paste)`)
	reInvis  = regexp.MustCompile("[\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069]|[\U000E0000-\U000E007F]")
)

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 140 {
		return s[:140] + "…"
	}
	return s
}

func review(t Tool) []Finding {
	var out []Finding
	check := func(where, text string) {
		if m := reHidden.FindString(text); m != "" {
			out = append(out, Finding{t.Name, where, "hidden-instruction", clip(text)})
		}
		if m := reSens.FindString(text); m != "" {
			out = append(out, Finding{t.Name, where, "sensitive-path", m})
		}
		if reShadow.MatchString(text) {
			out = append(out, Finding{t.Name, where, "shadowing", clip(text)})
		}
		if n := len(reInvis.FindAllString(text, -1)); n > 0 {
			out = append(out, Finding{t.Name, where, "invisible-chars", fmt.Sprintf("%d characters", n)})
		}
	}
	check("description", t.Description)
	var s schema
	_ = json.Unmarshal(t.InputSchema, &s)
	for name, p := range s.Properties {
		check("param:"+name, p.Description)
		if reExfil.MatchString(name) && p.Type == "string" && reAsks.MatchString(p.Description) {
			out = append(out, Finding{t.Name, "param:" + name, "exfil-param", clip(p.Description)})
		}
	}
	return out
}

func hash(t Tool) string {
	h := sha256.New()
	h.Write([]byte(t.Name + "\x00" + t.Description + "\x00"))
	h.Write(t.InputSchema)
	return hex.EncodeToString(h.Sum(nil))
}

func main() {
	in := flag.String("in", "tools.json", "tools/list JSON dump")
	pin := flag.String("pin", "", "pin file to create (if missing) or compare against")
	flag.Parse()

	raw, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var wrapper struct {
		Tools []Tool `json:"tools"`
	}
	if err := json.Unmarshal(raw, &wrapper); err != nil || wrapper.Tools == nil {
		if err2 := json.Unmarshal(raw, &wrapper.Tools); err2 != nil {
			fmt.Fprintln(os.Stderr, "cannot parse tools list:", err)
			os.Exit(2)
		}
	}

	var findings []Finding
	hashes := map[string]string{}
	for _, t := range wrapper.Tools {
		findings = append(findings, review(t)...)
		hashes[t.Name] = hash(t)
	}

	if *pin != "" {
		if old, err := os.ReadFile(*pin); err == nil {
			var prev map[string]string
			_ = json.Unmarshal(old, &prev)
			for name, h := range hashes {
				if ph, ok := prev[name]; !ok {
					findings = append(findings, Finding{name, "-", "changed", "new tool not in pin"})
				} else if ph != h {
					findings = append(findings, Finding{name, "-", "changed", "description or schema changed since pin"})
				}
			}
			for name := range prev {
				if _, ok := hashes[name]; !ok {
					findings = append(findings, Finding{name, "-", "changed", "tool removed"})
				}
			}
		} else {
			b, _ := json.MarshalIndent(hashes, "", "  ")
			if err := os.WriteFile(*pin, b, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			fmt.Printf("pinned %d tools to %s\n", len(hashes), *pin)
		}
	}

	sort.Slice(findings, func(i, j int) bool { return findings[i].Tool < findings[j].Tool })
	fmt.Printf("%d tools reviewed, %d findings\n", len(wrapper.Tools), len(findings))
	for _, f := range findings {
		fmt.Printf("%-24s %-18s %-20s %s\n", f.Tool, f.Where, f.Rule, f.Snippet)
	}
	if len(findings) > 0 {
		os.Exit(1)
	}
}
