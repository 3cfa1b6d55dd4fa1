// histsearch: search local shell history files. Read-only, no network.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

type entry struct {
	when time.Time
	cmd  string
	src  string
	seq  int
}

type maskRule struct {
	re   *regexp.Regexp
	repl string
}

var secretPatterns = []maskRule{
	{regexp.MustCompile(`(?i)(--?(?:password|passwd|pass|token|secret|api-?key)[= ])\S+`), "${1}****"},
	{regexp.MustCompile(`(?i)(authorization:\s*(?:bearer|basic|token)\s+)\S+`), "${1}****"},
	{regexp.MustCompile(`(?i)\b([A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|API_KEY)[A-Z0-9_]*=)\S+`), "${1}****"},
	{regexp.MustCompile(`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`), "****"},
	{regexp.MustCompile(`\b(?:ghp|gho|ghs|github_pat)_[A-Za-z0-9_]{20,}`), "****"},
	{regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20}`), "****"},
	{regexp.MustCompile(`\bxox[abpr]-[A-Za-z0-9-]{10,}`), "****"},
	{regexp.MustCompile(`\bsk-[A-Za-z0-9_-]{20,}`), "****"},
	{regexp.MustCompile(`(\bmysql\b.*\s-p)\S+`), "${1}****"},
	{regexp.MustCompile(`(://[^/\s:@]+:)[^@\s]+(@)`), "${1}****${2}"},
}

func mask(s string) string {
	for _, r := range secretPatterns {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	return s
}

func home(p string) string {
	h, _ := os.UserHomeDir()
	return filepath.Join(h, p)
}

func readBash(path string, out *[]entry) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var ts time.Time
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if v, err := strconv.ParseInt(line[1:], 10, 64); err == nil {
				ts = time.Unix(v, 0)
				continue
			}
		}
		n++
		*out = append(*out, entry{ts, line, "bash", n})
		ts = time.Time{}
	}
}

// zsh extended history: ": 1717000000:0;command" ; multi-line commands end lines with "\"
func readZsh(path string, out *[]entry) {
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	n := 0
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		for strings.HasSuffix(line, "\\") && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, "\\") + "\n" + lines[i]
		}
		if line == "" {
			continue
		}
		var ts time.Time
		if strings.HasPrefix(line, ": ") {
			if semi := strings.Index(line, ";"); semi > 0 {
				parts := strings.SplitN(line[2:semi], ":", 2)
				if v, err := strconv.ParseInt(parts[0], 10, 64); err == nil {
					ts = time.Unix(v, 0)
				}
				line = line[semi+1:]
			}
		}
		n++
		*out = append(*out, entry{ts, line, "zsh", n})
	}
}

// fish: "- cmd: ...\n  when: 1717000000"
func readFish(path string, out *[]entry) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "- cmd: ") {
			n++
			*out = append(*out, entry{cmd: strings.ReplaceAll(line[7:], `\n`, "\n"), src: "fish", seq: n})
		} else if strings.HasPrefix(line, "  when: ") && len(*out) > 0 {
			if v, err := strconv.ParseInt(strings.TrimSpace(line[8:]), 10, 64); err == nil {
				(*out)[len(*out)-1].when = time.Unix(v, 0)
			}
		}
	}
}

func parseSince(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if strings.HasSuffix(s, "d") {
		d, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
		if err != nil {
			return time.Time{}, err
		}
		return time.Now().AddDate(0, 0, -d), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return time.Time{}, err
	}
	return time.Now().Add(-d), nil
}

func main() {
	re := flag.String("re", "", "regular expression instead of terms")
	limit := flag.Int("n", 30, "max results")
	since := flag.String("since", "", "only entries newer than e.g. 7d, 12h (needs timestamps)")
	noMask := flag.Bool("no-mask", false, "do not mask secret-looking values")
	flag.Parse()

	var entries []entry
	seen := map[string]bool{}
	for _, p := range []string{os.Getenv("HISTFILE"), home(".bash_history"), home(".zsh_history"), home(".zhistory")} {
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		if strings.Contains(filepath.Base(p), "zsh") || strings.Contains(filepath.Base(p), "zhist") {
			readZsh(p, &entries)
		} else {
			readBash(p, &entries)
		}
	}
	readFish(home(".local/share/fish/fish_history"), &entries)

	cutoff, err := parseSince(*since)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad -since:", err)
		os.Exit(2)
	}

	var match func(string) bool
	if *re != "" {
		rx, err := regexp.Compile("(?i)" + *re)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad -re:", err)
			os.Exit(2)
		}
		match = rx.MatchString
	} else {
		terms := flag.Args()
		if len(terms) == 0 {
			fmt.Fprintln(os.Stderr, "usage: histsearch [-since 7d] [-n 30] TERM... | -re REGEX")
			os.Exit(2)
		}
		match = func(s string) bool {
			ls := strings.ToLower(s)
			for _, t := range terms {
				if !strings.Contains(ls, strings.ToLower(t)) {
					return false
				}
			}
			return true
		}
	}

	sort.SliceStable(entries, func(i, j int) bool {
		if !entries[i].when.Equal(entries[j].when) {
			return entries[i].when.After(entries[j].when)
		}
		return entries[i].seq > entries[j].seq
	})

	printed := map[string]bool{}
	count := 0
	for _, e := range entries {
		if count >= *limit {
			break
		}
		if !cutoff.IsZero() && (e.when.IsZero() || e.when.Before(cutoff)) {
			continue
		}
		if !match(e.cmd) || printed[e.cmd] {
			continue
		}
		printed[e.cmd] = true
		count++
		out := e.cmd
		if !*noMask {
			out = mask(out)
		}
		when := "                "
		if !e.when.IsZero() {
			when = e.when.Format("2006-01-02 15:04")
		}
		fmt.Printf("%s  %-4s  %s\n", when, e.src, out)
	}
	if count == 0 {
		fmt.Println("no matches")
	}
}
