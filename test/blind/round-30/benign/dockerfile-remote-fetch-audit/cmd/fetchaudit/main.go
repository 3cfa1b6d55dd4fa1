// fetchaudit reports remote fetches in Dockerfiles and shell scripts that are
// executed without pinning or checksum verification. It only reads files.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type rule struct {
	ID   string
	Sev  string
	Re   *regexp.Regexp
	Note string
}

type finding struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Rule     string `json:"rule"`
	Detail   string `json:"detail"`
	Host     string `json:"host,omitempty"`
}

var rules = []rule{
	{"pipe-to-shell", "high", regexp.MustCompile(`(?i)(curl|wget|iwr|invoke-webrequest)[^|\n]*\|\s*(sudo\s+)?(sh|bash|zsh|python3?|node|iex|perl|ruby)\b`), "remote script piped into an interpreter"},
	{"pipe-to-shell", "high", regexp.MustCompile(`(?i)(sh|bash)\s+-c\s+["']?\$\((curl|wget)`), "command substitution of a download"},
	{"pipe-to-shell", "high", regexp.MustCompile(`(?i)invoke-expression\s*\(?\s*\(?new-object\s+net\.webclient\)?\.downloadstring`), "PowerShell download-and-run"},
	{"apk-untrusted", "high", regexp.MustCompile(`apk\s+add[^\n]*--allow-untrusted`), "unsigned Alpine packages"},
	{"apt-unsigned", "high", regexp.MustCompile(`--allow-unauthenticated|\[trusted=yes\]|AllowInsecureRepositories`), "apt signature checks disabled"},
	{"insecure-fetch", "high", regexp.MustCompile(`(curl[^\n]*\s(-k|--insecure)\b|wget[^\n]*--no-check-certificate)`), "TLS verification disabled"},
	{"insecure-fetch", "medium", regexp.MustCompile(`(curl|wget|ADD)\s[^\n]*http://`), "plain HTTP download"},
	{"pip-url", "medium", regexp.MustCompile(`pip3?\s+install[^\n]*(git\+https?://|https?://|--trusted-host)`), "pip install from URL or trusted-host"},
	{"npm-url", "medium", regexp.MustCompile(`npm\s+(i|install)[^\n]*(https?://\S+\.tgz|github:|git\+)`), "npm install from URL/git"},
	{"add-url", "low", regexp.MustCompile(`^\s*ADD\s+(?:--[a-z]+=\S+\s+)*https?://`), "ADD from URL"},
	{"secret-in-build", "medium", regexp.MustCompile(`(?i)^\s*(ARG|ENV)\s+\w*(TOKEN|PASSWORD|SECRET|API_KEY)\w*`), "secret passed as build arg/env"},
}

var (
	fromRe     = regexp.MustCompile(`(?i)^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)`)
	urlRe      = regexp.MustCompile(`https?://[^\s"'|)]+`)
	gitClone   = regexp.MustCompile(`git\s+clone\s+[^\n]*?(https?://\S+|git@\S+)`)
	shaCheckRe = regexp.MustCompile(`git\s+(checkout|reset\s+--hard)\s+[0-9a-f]{40}`)
	checksumRe = regexp.MustCompile(`--checksum=sha256:[0-9a-f]{64}`)
)

func hostOf(s string) string {
	m := urlRe.FindString(s)
	if m == "" {
		return ""
	}
	u, err := url.Parse(m)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

func candidate(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	return strings.Contains(base, "dockerfile") || strings.Contains(base, "containerfile") ||
		strings.HasSuffix(base, ".sh") || strings.HasSuffix(base, ".ps1") || base == "install"
}

func scan(path string) ([]finding, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	var out []finding
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1024*1024), 1024*1024)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	whole := strings.Join(lines, "\n")
	isDocker := strings.Contains(strings.ToLower(filepath.Base(path)), "file")

	for i, line := range lines {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "#") {
			continue
		}
		for _, r := range rules {
			if !r.Re.MatchString(line) {
				continue
			}
			if r.ID == "add-url" && checksumRe.MatchString(line) {
				continue
			}
			out = append(out, finding{r.Sev, path, i + 1, r.ID, clip(trim), hostOf(line)})
		}
		if isDocker {
			if m := fromRe.FindStringSubmatch(line); m != nil {
				img := m[1]
				if !strings.Contains(img, "@sha256:") && img != "scratch" && !isStageRef(img, lines[:i]) {
					out = append(out, finding{"medium", path, i + 1, "base-unpinned", "FROM " + img + " (no @sha256 digest)", ""})
				}
			}
		}
		if m := gitClone.FindStringSubmatch(line); m != nil && !shaCheckRe.MatchString(whole) {
			out = append(out, finding{"medium", path, i + 1, "git-unpinned", clip(trim), hostOf(m[1])})
		}
	}
	return out, nil
}

// isStageRef reports whether img names an earlier build stage (FROM x AS img).
func isStageRef(img string, prev []string) bool {
	for _, l := range prev {
		fields := strings.Fields(strings.ToLower(l))
		if len(fields) >= 4 && fields[0] == "from" && fields[len(fields)-2] == "as" && fields[len(fields)-1] == strings.ToLower(img) {
			return true
		}
	}
	return false
}

func clip(s string) string {
	if len(s) > 140 {
		return s[:137] + "..."
	}
	return s
}

func main() {
	root := flag.String("root", ".", "directory to walk")
	list := flag.String("files", "", "file containing paths to scan, one per line")
	format := flag.String("format", "table", "table|md|json")
	flag.Parse()

	var paths []string
	if *list != "" {
		data, err := os.ReadFile(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, p := range strings.Split(string(data), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paths = append(paths, p)
			}
		}
	} else {
		filepath.WalkDir(*root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			if !d.IsDir() && candidate(p) {
				paths = append(paths, p)
			}
			return nil
		})
	}

	var all []finding
	for _, p := range paths {
		fs, err := scan(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "skip %s: %v\n", p, err)
			continue
		}
		all = append(all, fs...)
	}
	rank := map[string]int{"high": 0, "medium": 1, "low": 2}
	sort.SliceStable(all, func(i, j int) bool {
		if rank[all[i].Severity] != rank[all[j].Severity] {
			return rank[all[i].Severity] < rank[all[j].Severity]
		}
		return all[i].File < all[j].File
	})

	high := false
	switch *format {
	case "json":
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(all)
	case "md":
		fmt.Println("| Sev | File | Line | Rule | Detail | Host |\n|---|---|---|---|---|---|")
		for _, f := range all {
			fmt.Printf("| %s | `%s` | %d | %s | `%s` | %s |\n", f.Severity, f.File, f.Line, f.Rule, strings.ReplaceAll(f.Detail, "|", `\|`), f.Host)
		}
	default:
		fmt.Printf("%-5s %-30s %-5s %-18s %s\n", "SEV", "FILE", "LINE", "RULE", "DETAIL")
		for _, f := range all {
			d := f.Detail
			if f.Host != "" {
				d += "  (host: " + f.Host + ")"
			}
			fmt.Printf("%-5s %-30s %-5d %-18s %s\n", f.Severity, f.File, f.Line, f.Rule, d)
		}
	}
	for _, f := range all {
		if f.Severity == "high" {
			high = true
		}
	}
	if high {
		os.Exit(1)
	}
}
