package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
)

var header = regexp.MustCompile(`^(\w+)(\([^)]*\))?(!)?:\s*(.+)$`)
var prRef = regexp.MustCompile(`\(#(\d+)\)`)

type entry struct {
	kind, scope, subject string
	breaking             bool
}

func git(args ...string) string {
	cmd := exec.Command("git", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "git %s: %v\n%s", strings.Join(args, " "), err, errb.String())
		os.Exit(1)
	}
	return strings.TrimSpace(out.String())
}

func tags() []string {
	raw := git("tag", "--list", "v*", "--sort=-v:refname")
	if raw == "" {
		return nil
	}
	return strings.Split(raw, "\n")
}

func commits(rng string) []entry {
	raw := git("log", rng, "--no-merges", "--format=%s%n%b%n--END--")
	var out []entry
	sc := bufio.NewScanner(strings.NewReader(raw))
	var subject string
	var body []string
	flush := func() {
		if subject == "" {
			return
		}
		m := header.FindStringSubmatch(subject)
		if m != nil {
			e := entry{kind: m[1], scope: strings.Trim(m[2], "()"), subject: m[4], breaking: m[3] == "!"}
			for _, l := range body {
				if strings.HasPrefix(l, "BREAKING CHANGE:") {
					e.breaking = true
				}
			}
			out = append(out, e)
		}
		subject, body = "", nil
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "--END--":
			flush()
		case subject == "":
			subject = line
		default:
			body = append(body, line)
		}
	}
	flush()
	return out
}

func section(title, rng, repoURL string, includeOther bool) string {
	groups := map[string][]string{}
	order := []string{"Breaking changes", "Features", "Fixes", "Performance", "Other"}
	for _, e := range commits(rng) {
		line := e.subject
		if e.scope != "" {
			line = fmt.Sprintf("**%s:** %s", e.scope, line)
		}
		if repoURL != "" {
			line = prRef.ReplaceAllString(line, fmt.Sprintf("([#$1](%s/pull/$1))", strings.TrimRight(repoURL, "/")))
		}
		switch {
		case e.breaking:
			groups["Breaking changes"] = append(groups["Breaking changes"], line)
		case e.kind == "feat":
			groups["Features"] = append(groups["Features"], line)
		case e.kind == "fix":
			groups["Fixes"] = append(groups["Fixes"], line)
		case e.kind == "perf":
			groups["Performance"] = append(groups["Performance"], line)
		case includeOther:
			groups["Other"] = append(groups["Other"], line)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", title)
	for _, g := range order {
		items := groups[g]
		if len(items) == 0 {
			continue
		}
		sort.Strings(items)
		fmt.Fprintf(&b, "### %s\n\n", g)
		for _, it := range items {
			fmt.Fprintf(&b, "- %s\n", it)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func main() {
	since := flag.String("since", "", "previous tag (exclusive)")
	next := flag.String("next", "Unreleased", "title for the new section")
	all := flag.Bool("all", false, "regenerate the full changelog from all v* tags")
	repoURL := flag.String("repo-url", "", "https://host/owner/repo for PR links")
	includeOther := flag.Bool("include-other", false, "include chore/docs/etc.")
	flag.Parse()

	if !*all {
		rng := "HEAD"
		if *since != "" {
			rng = *since + "..HEAD"
		}
		fmt.Print(section(*next, rng, *repoURL, *includeOther))
		return
	}
	fmt.Print("# Changelog\n\n")
	ts := tags()
	for i, t := range ts {
		rng := t
		if i+1 < len(ts) {
			rng = ts[i+1] + ".." + t
		}
		fmt.Print(section(t, rng, *repoURL, *includeOther))
	}
}
