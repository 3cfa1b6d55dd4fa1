// sigmalint checks Sigma rule files for the fields and conventions this library uses.
//
//	go run . rules/*.yml
package main

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

type rule struct {
	Title          string                 `yaml:"title"`
	ID             string                 `yaml:"id"`
	Status         string                 `yaml:"status"`
	Level          string                 `yaml:"level"`
	Tags           []string               `yaml:"tags"`
	LogSource      map[string]string      `yaml:"logsource"`
	Detection      map[string]interface{} `yaml:"detection"`
	FalsePositives []string               `yaml:"falsepositives"`
}

var (
	uuidRe  = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	tagRe   = regexp.MustCompile(`^attack\.(t\d{4}(\.\d{3})?|[a-z_-]+)$|^(cve|car|detection)\.`)
	identRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_*]*`)
	levels  = map[string]bool{"informational": true, "low": true, "medium": true, "high": true, "critical": true}
	status  = map[string]bool{"stable": true, "test": true, "experimental": true, "deprecated": true, "unsupported": true}
	keyword = map[string]bool{"and": true, "or": true, "not": true, "of": true, "them": true, "all": true, "1": true}
)

func lint(path string, seen map[string]string) []string {
	var problems []string
	add := func(f string, a ...interface{}) { problems = append(problems, fmt.Sprintf(f, a...)) }

	raw, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	var r rule
	if err := yaml.Unmarshal(raw, &r); err != nil {
		return []string{"yaml: " + err.Error()}
	}

	if r.Title == "" {
		add("missing title")
	}
	if !uuidRe.MatchString(r.ID) {
		add("id %q is not a lowercase UUIDv4", r.ID)
	} else if other, dup := seen[r.ID]; dup {
		add("id %s already used in %s", r.ID, other)
	} else {
		seen[r.ID] = path
	}
	if r.Status != "" && !status[r.Status] {
		add("unknown status %q", r.Status)
	}
	if !levels[r.Level] {
		add("level %q must be one of informational/low/medium/high/critical", r.Level)
	}
	for _, t := range r.Tags {
		if !tagRe.MatchString(t) {
			add("tag %q doesn't look like an ATT&CK tag", t)
		}
	}
	if len(r.LogSource) == 0 {
		add("missing logsource")
	}
	if len(r.FalsePositives) == 0 {
		add("no falsepositives listed (write 'Unknown' if you really have none)")
	}

	cond, ok := r.Detection["condition"].(string)
	if !ok || strings.TrimSpace(cond) == "" {
		add("detection.condition missing")
		return problems
	}
	var selections []string
	for k := range r.Detection {
		if k != "condition" && k != "timeframe" {
			selections = append(selections, k)
		}
	}
	sort.Strings(selections)
	for _, ident := range identRe.FindAllString(cond, -1) {
		if keyword[ident] {
			continue
		}
		if strings.HasSuffix(ident, "*") {
			prefix := strings.TrimSuffix(ident, "*")
			found := false
			for _, s := range selections {
				if strings.HasPrefix(s, prefix) {
					found = true
					break
				}
			}
			if !found {
				add("condition pattern %q matches no selection", ident)
			}
			continue
		}
		if _, ok := r.Detection[ident]; !ok {
			add("condition references undefined selection %q (have: %s)", ident, strings.Join(selections, ", "))
		}
	}
	return problems
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sigmalint rule.yml [rule.yml ...]")
		os.Exit(2)
	}
	seen := map[string]string{}
	failed := 0
	for _, p := range os.Args[1:] {
		probs := lint(p, seen)
		if len(probs) == 0 {
			fmt.Printf("ok    %s\n", p)
			continue
		}
		failed++
		fmt.Printf("FAIL  %s\n", p)
		for _, pr := range probs {
			fmt.Printf("      - %s\n", pr)
		}
	}
	if failed > 0 {
		os.Exit(1)
	}
}
