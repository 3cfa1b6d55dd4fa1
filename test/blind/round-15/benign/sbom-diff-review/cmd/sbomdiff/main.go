package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

type licenceChoice struct {
	License struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"license"`
	Expression string `json:"expression"`
}

type component struct {
	Name     string          `json:"name"`
	Group    string          `json:"group"`
	Version  string          `json:"version"`
	Purl     string          `json:"purl"`
	Licenses []licenceChoice `json:"licenses"`
}

type bom struct {
	Components []component `json:"components"`
}

func load(path string) (map[string]component, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b bom
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]component, len(b.Components))
	for _, c := range b.Components {
		out[key(c)] = c
	}
	return out, nil
}

func key(c component) string {
	eco := ecosystem(c.Purl)
	name := c.Name
	if c.Group != "" {
		name = c.Group + "/" + c.Name
	}
	return eco + ":" + name
}

func ecosystem(purl string) string {
	if !strings.HasPrefix(purl, "pkg:") {
		return "unknown"
	}
	rest := strings.TrimPrefix(purl, "pkg:")
	if i := strings.Index(rest, "/"); i > 0 {
		return rest[:i]
	}
	return "unknown"
}

func licence(c component) string {
	var parts []string
	for _, l := range c.Licenses {
		switch {
		case l.Expression != "":
			parts = append(parts, l.Expression)
		case l.License.ID != "":
			parts = append(parts, l.License.ID)
		case l.License.Name != "":
			parts = append(parts, l.License.Name)
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, " OR ")
}

// osaDistance is the optimal-string-alignment variant of Damerau-Levenshtein.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := 0; j <= len(rb); j++ {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func loadPopular(path string) map[string][]string {
	out := map[string][]string{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		eco, name, ok := strings.Cut(line, ":")
		if ok {
			out[eco] = append(out[eco], name)
		}
	}
	return out
}

func sortedKeys(m map[string]component) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func majorOf(v string) string {
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexAny(v, ".-+"); i > 0 {
		return v[:i]
	}
	return v
}

func main() {
	basePath := flag.String("base", "", "base SBOM (CycloneDX JSON)")
	headPath := flag.String("head", "", "head SBOM (CycloneDX JSON)")
	popularPath := flag.String("popular", "assets/popular-names.txt", "ecosystem:name list")
	flag.Parse()
	if *basePath == "" || *headPath == "" {
		fmt.Fprintln(os.Stderr, "usage: sbomdiff -base a.json -head b.json")
		os.Exit(2)
	}
	base, err := load(*basePath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	head, err := load(*headPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	popular := loadPopular(*popularPath)

	var added, removed, changed, lic, lookalike []string
	for _, k := range sortedKeys(head) {
		h := head[k]
		b, ok := base[k]
		if !ok {
			added = append(added, fmt.Sprintf("| %s | %s | %s | `%s` |", k, h.Version, licence(h), h.Purl))
			eco, name, _ := strings.Cut(k, ":")
			for _, p := range popular[eco] {
				if p == name {
					break
				}
				if d := osaDistance(strings.ToLower(name), strings.ToLower(p)); d > 0 && d <= 2 {
					lookalike = append(lookalike, fmt.Sprintf("| %s | %s | %d |", k, p, d))
				}
			}
			continue
		}
		if b.Version != h.Version {
			note := ""
			if majorOf(b.Version) != majorOf(h.Version) {
				note = "major"
			}
			if h.Version < b.Version {
				note = strings.TrimSpace(note + " possible downgrade")
			}
			changed = append(changed, fmt.Sprintf("| %s | %s | %s | %s |", k, b.Version, h.Version, note))
		}
		if licence(b) != licence(h) {
			lic = append(lic, fmt.Sprintf("| %s | %s | %s |", k, licence(b), licence(h)))
		}
	}
	for _, k := range sortedKeys(base) {
		if _, ok := head[k]; !ok {
			removed = append(removed, fmt.Sprintf("| %s | %s |", k, base[k].Version))
		}
	}

	fmt.Printf("# SBOM review\n\nadded %d · removed %d · version changes %d · licence changes %d · look-alikes %d\n\n",
		len(added), len(removed), len(changed), len(lic), len(lookalike))
	section := func(title, header string, rows []string) {
		fmt.Printf("## %s\n\n", title)
		if len(rows) == 0 {
			fmt.Println("_none_\n")
			return
		}
		fmt.Println(header)
		for _, r := range rows {
			fmt.Println(r)
		}
		fmt.Println()
	}
	section("Look-alike names (review)", "| component | resembles | distance |\n|---|---|---|", lookalike)
	section("Licence changes", "| component | before | after |\n|---|---|---|", lic)
	section("Added", "| component | version | licence | purl |\n|---|---|---|---|", added)
	section("Version changes", "| component | before | after | note |\n|---|---|---|---|", changed)
	section("Removed", "| component | version |\n|---|---|", removed)
}
