// depcheck flags dependency names that look like typosquats of popular packages.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type finding struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Similar   string `json:"similar,omitempty"`
	Source    string `json:"source"`
}

func loadList(path string) map[string]bool {
	set := map[string]bool{}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "warning: %v\n", err)
		return set
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			set[strings.ToLower(line)] = true
		}
	}
	return set
}

func normalize(s string) string {
	return strings.NewReplacer("-", "", "_", "", ".", "").Replace(strings.ToLower(s))
}

// osaDistance is the optimal-string-alignment variant of Damerau-Levenshtein.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
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

var affixes = []string{"-js", ".js", "js-", "-py", "py-", "python-", "-python", "2", "3", "-dev", "-cli", "-lib"}

func classify(name string, popular map[string]bool) (string, string) {
	n := strings.ToLower(name)
	if popular[n] {
		return "", ""
	}
	nn := normalize(n)
	for p := range popular {
		if normalize(p) == nn {
			return "near-miss", p
		}
		if len(p) >= 4 && osaDistance(n, p) == 1 {
			return "near-miss", p
		}
		for _, a := range affixes {
			if n == p+a || n == a+p {
				return "near-miss", p
			}
		}
	}
	return "unknown", ""
}

var reqLine = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)

func parseRequirements(path string) []string {
	var names []string
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "-") {
			continue
		}
		if m := reqLine.FindStringSubmatch(line); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}

var pyprojectDep = regexp.MustCompile(`"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;].*)?"`)

func parsePyproject(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var names []string
	inDeps := false
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "dependencies") && strings.Contains(t, "[") {
			inDeps = true
		}
		if inDeps {
			for _, m := range pyprojectDep.FindAllStringSubmatch(t, -1) {
				names = append(names, m[1])
			}
			if strings.Contains(t, "]") && !strings.HasSuffix(t, "[") {
				inDeps = false
			}
		}
	}
	return names
}

func parsePackageJSON(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var pkg map[string]json.RawMessage
	if json.Unmarshal(data, &pkg) != nil {
		return nil
	}
	var names []string
	for _, key := range []string{"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"} {
		var deps map[string]string
		if raw, ok := pkg[key]; ok && json.Unmarshal(raw, &deps) == nil {
			for n := range deps {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names
}

func main() {
	root := flag.String("root", ".", "project root")
	assets := flag.String("assets", "", "folder with popular-*.txt (default: ../assets next to the binary or ./assets)")
	prefix := flag.String("internal-prefix", "", "comma-separated org prefixes/scopes, e.g. acme-,@acme/")
	asJSON := flag.Bool("json", false, "JSON output")
	flag.Parse()

	dir := *assets
	if dir == "" {
		dir = "assets"
		if exe, err := os.Executable(); err == nil {
			if _, err := os.Stat(filepath.Join(filepath.Dir(exe), "assets")); err == nil {
				dir = filepath.Join(filepath.Dir(exe), "assets")
			}
		}
	}
	npm := loadList(filepath.Join(dir, "popular-npm.txt"))
	pypi := loadList(filepath.Join(dir, "popular-pypi.txt"))

	var out []finding
	check := func(eco, src string, names []string, popular map[string]bool) {
		for _, n := range names {
			for _, p := range strings.Split(*prefix, ",") {
				if p != "" && strings.HasPrefix(strings.ToLower(n), strings.ToLower(p)) {
					out = append(out, finding{eco, n, "internal-looking", "", src})
				}
			}
			bare := n
			if i := strings.Index(n, "/"); strings.HasPrefix(n, "@") && i > 0 {
				bare = n[i+1:]
			}
			if kind, sim := classify(bare, popular); kind != "" {
				out = append(out, finding{eco, n, kind, sim, src})
			}
		}
	}

	filepath.WalkDir(*root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == ".venv" || d.Name() == "venv") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(*root, path)
		switch {
		case d.Name() == "package.json":
			check("npm", rel, parsePackageJSON(path), npm)
		case strings.HasPrefix(d.Name(), "requirements") && strings.HasSuffix(d.Name(), ".txt"):
			check("pypi", rel, parseRequirements(path), pypi)
		case d.Name() == "pyproject.toml":
			check("pypi", rel, parsePyproject(path), pypi)
		}
		return nil
	})

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return
	}
	rank := map[string]int{"near-miss": 0, "internal-looking": 1, "unknown": 2}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Kind] < rank[out[j].Kind] })
	for _, f := range out {
		line := fmt.Sprintf("%-16s %-5s %-30s %s", f.Kind, f.Ecosystem, f.Name, f.Source)
		if f.Similar != "" {
			line += fmt.Sprintf("  (looks like %q)", f.Similar)
		}
		fmt.Println(line)
	}
	if len(out) == 0 {
		fmt.Println("All dependency names are in the popular lists.")
	}
}
