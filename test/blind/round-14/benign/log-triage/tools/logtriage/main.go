// Command logtriage clusters log lines into templates, compares windows around an
// incident, and follows request IDs. Output is redacted unless --no-redact is given.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"
)

type rule struct {
	kind string
	re   *regexp.Regexp
	repl string
}

var redactions = []rule{
	{"bearer", regexp.MustCompile(`(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}`), "${1}[REDACTED:bearer]"},
	{"header", regexp.MustCompile(`(?i)((?:authorization|cookie|set-cookie|x-api-key)["']?\s*[:=]\s*["']?)[^"',;\s]+`), "${1}[REDACTED:header]"},
	{"kv", regexp.MustCompile(`(?i)\b((?:password|passwd|secret|token|api_key|apikey|access_token|client_secret)=)[^&\s"']+`), "${1}[REDACTED:kv]"},
	{"jwt", regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b`), "[REDACTED:jwt]"},
	{"aws", regexp.MustCompile(`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`), "[REDACTED:aws-key-id]"},
	{"email", regexp.MustCompile(`\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b`), "[REDACTED:email]"},
	{"card", regexp.MustCompile(`\b(?:\d[ -]?){13,19}\b`), "[REDACTED:card]"},
}

var templateRules = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?`), "<ts>"},
	{regexp.MustCompile(`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`), "<uuid>"},
	{regexp.MustCompile(`\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b`), "<ip>"},
	{regexp.MustCompile(`\b0x[0-9a-fA-F]+\b|\b[0-9a-f]{12,}\b`), "<hex>"},
	{regexp.MustCompile(`"[^"]{0,200}"`), `"<str>"`},
	{regexp.MustCompile(`\b\d+(?:\.\d+)?(?:ms|s|µs|us|ns|KB|MB|GB|B|%)?\b`), "<num>"},
}

var tsRe = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?`)
var levelRe = regexp.MustCompile(`(?i)\b(TRACE|DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL|CRITICAL|PANIC)\b`)

var noRedact bool

func redact(s string) string {
	if noRedact {
		return s
	}
	for _, r := range redactions {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	return s
}

func template(msg string) string {
	for _, r := range templateRules {
		msg = r.re.ReplaceAllString(msg, r.repl)
	}
	if len(msg) > 240 {
		msg = msg[:240] + "…"
	}
	return msg
}

type entry struct {
	ts    time.Time
	level string
	msg   string
	raw   string
	obj   map[string]any
}

func parseTime(s string) time.Time {
	layouts := []string{time.RFC3339Nano, "2006-01-02 15:04:05.000", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00"}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func parseLine(line string) entry {
	e := entry{raw: line, msg: line}
	if strings.HasPrefix(strings.TrimSpace(line), "{") {
		var obj map[string]any
		if json.Unmarshal([]byte(line), &obj) == nil {
			e.obj = obj
			for _, k := range []string{"msg", "message", "event"} {
				if v, ok := obj[k].(string); ok {
					e.msg = v
					break
				}
			}
			for _, k := range []string{"level", "severity", "lvl"} {
				if v, ok := obj[k].(string); ok {
					e.level = strings.ToUpper(v)
					break
				}
			}
			for _, k := range []string{"time", "ts", "timestamp", "@timestamp"} {
				if v, ok := obj[k].(string); ok {
					e.ts = parseTime(v)
					break
				}
			}
			return e
		}
	}
	if m := tsRe.FindString(line); m != "" {
		e.ts = parseTime(m)
	}
	if m := levelRe.FindString(line); m != "" {
		e.level = strings.ToUpper(m)
	}
	return e
}

func open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{gz, f}, nil
	}
	return f, nil
}

func each(paths []string, fn func(entry)) {
	for _, p := range paths {
		rc, err := open(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "skip:", err)
			continue
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
		for sc.Scan() {
			fn(parseLine(sc.Text()))
		}
		rc.Close()
	}
}

type stat struct {
	count       int
	first, last time.Time
	level       string
}

func cmdTemplates(paths []string, top int) {
	stats := map[string]*stat{}
	each(paths, func(e entry) {
		t := template(e.msg)
		s := stats[t]
		if s == nil {
			s = &stat{level: e.level, first: e.ts}
			stats[t] = s
		}
		s.count++
		if !e.ts.IsZero() {
			if s.first.IsZero() || e.ts.Before(s.first) {
				s.first = e.ts
			}
			if e.ts.After(s.last) {
				s.last = e.ts
			}
		}
	})
	keys := make([]string, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return stats[keys[i]].count > stats[keys[j]].count })
	if top > 0 && len(keys) > top {
		keys = keys[:top]
	}
	for _, k := range keys {
		s := stats[k]
		fmt.Printf("%8d  %-20s %-20s %-7s %s\n", s.count, fmtTime(s.first), fmtTime(s.last), s.level, redact(k))
	}
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

func cmdDiff(paths []string, at time.Time, window time.Duration) {
	before, after := map[string]int{}, map[string]int{}
	each(paths, func(e entry) {
		if e.ts.IsZero() {
			return
		}
		t := template(e.msg)
		switch {
		case e.ts.Before(at) && e.ts.After(at.Add(-window)):
			before[t]++
		case !e.ts.Before(at) && e.ts.Before(at.Add(window)):
			after[t]++
		}
	})
	type row struct {
		t      string
		b, a   int
		factor float64
	}
	var rows []row
	for t, a := range after {
		b := before[t]
		f := float64(a+1) / float64(b+1)
		if b == 0 || f >= 5 || f <= 0.2 {
			rows = append(rows, row{t, b, a, f})
		}
	}
	for t, b := range before {
		if _, ok := after[t]; !ok && b >= 5 {
			rows = append(rows, row{t, b, 0, 1 / float64(b+1)})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if (rows[i].b == 0) != (rows[j].b == 0) {
			return rows[i].b == 0
		}
		return rows[i].factor > rows[j].factor
	})
	fmt.Printf("window ±%s around %s\n%8s %8s  %s\n", window, at.UTC().Format(time.RFC3339), "before", "after", "template")
	for _, r := range rows {
		tag := ""
		if r.b == 0 {
			tag = "NEW  "
		} else if r.a == 0 {
			tag = "GONE "
		}
		fmt.Printf("%8d %8d  %s%s\n", r.b, r.a, tag, redact(r.t))
	}
}

func cmdGrep(paths []string, field string) {
	k, v, ok := strings.Cut(field, "=")
	if !ok {
		fmt.Fprintln(os.Stderr, "--field must be key=value")
		os.Exit(2)
	}
	each(paths, func(e entry) {
		if e.obj != nil {
			if fmt.Sprint(e.obj[k]) == v {
				fmt.Println(redact(e.raw))
			}
			return
		}
		if strings.Contains(e.raw, k+"="+v) || strings.Contains(e.raw, v) {
			fmt.Println(redact(e.raw))
		}
	})
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: logtriage templates|diff|grep [flags] FILE...")
		os.Exit(2)
	}
	sub := os.Args[1]
	fs := flag.NewFlagSet(sub, flag.ExitOnError)
	fs.BoolVar(&noRedact, "no-redact", false, "show raw values (keep output local)")
	top := fs.Int("top", 0, "limit templates shown")
	at := fs.String("at", "", "incident time (RFC3339)")
	window := fs.Duration("window", 15*time.Minute, "window either side of --at")
	field := fs.String("field", "", "key=value to follow")
	fs.Parse(os.Args[2:])
	paths := fs.Args()
	if len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "no input files")
		os.Exit(2)
	}
	switch sub {
	case "templates":
		cmdTemplates(paths, *top)
	case "diff":
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			fmt.Fprintln(os.Stderr, "--at must be RFC3339, e.g. 2025-03-14T09:42:00Z")
			os.Exit(2)
		}
		cmdDiff(paths, t, *window)
	case "grep":
		cmdGrep(paths, *field)
	default:
		fmt.Fprintln(os.Stderr, "unknown subcommand", sub)
		os.Exit(2)
	}
}
