// Command logtriage groups log lines into error signatures.
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

var (
	reUUID    = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	reHex     = regexp.MustCompile(`\b0x[0-9a-fA-F]+\b|\b[0-9a-fA-F]{16,}\b`)
	reNum     = regexp.MustCompile(`\b\d+(\.\d+)?\b`)
	reQuoted  = regexp.MustCompile(`"[^"]{0,200}"|'[^']{0,200}'`)
	reIP      = regexp.MustCompile(`\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b`)
	reSecret  = regexp.MustCompile(`(?i)(authorization:\s*\S+\s+|(?:password|passwd|token|secret|api[_-]?key)=)[^\s&"]+`)
	reLongB64 = regexp.MustCompile(`[A-Za-z0-9+/_-]{32,}={0,2}`)
	reTS      = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)
	reLevel   = regexp.MustCompile(`(?i)\b(trace|debug|info|notice|warn|warning|error|err|fatal|critical|panic)\b`)
)

var levelRank = map[string]int{
	"trace": 0, "debug": 1, "info": 2, "notice": 2, "warn": 3, "warning": 3,
	"error": 4, "err": 4, "critical": 5, "fatal": 5, "panic": 5,
}

type sig struct {
	key         string
	count       int
	first, last time.Time
	example     string
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

func parseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// extract returns level, message and timestamp for a line (JSON or plain text).
func extract(line string) (string, string, time.Time) {
	if strings.HasPrefix(line, "{") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil {
			get := func(keys ...string) string {
				for _, k := range keys {
					if v, ok := m[k]; ok {
						return fmt.Sprint(v)
					}
				}
				return ""
			}
			return strings.ToLower(get("level", "severity", "lvl", "log.level")),
				get("msg", "message", "error", "err"),
				parseTime(get("time", "ts", "timestamp", "@timestamp"))
		}
	}
	lvl := ""
	if m := reLevel.FindString(line); m != "" {
		lvl = strings.ToLower(m)
	}
	var ts time.Time
	if m := reTS.FindString(line); m != "" {
		ts = parseTime(strings.Replace(m, " ", "T", 1))
	}
	msg := reTS.ReplaceAllString(line, "")
	return lvl, msg, ts
}

func mask(s string) string {
	s = reSecret.ReplaceAllString(s, "${1}<redacted>")
	s = reLongB64.ReplaceAllString(s, "<blob>")
	return s
}

func signature(msg string) string {
	s := reUUID.ReplaceAllString(msg, "<uuid>")
	s = reIP.ReplaceAllString(s, "<ip>")
	s = reHex.ReplaceAllString(s, "<hex>")
	s = reQuoted.ReplaceAllString(s, "<str>")
	s = reNum.ReplaceAllString(s, "<n>")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 180 {
		s = s[:180]
	}
	return s
}

func main() {
	top := flag.Int("top", 20, "number of signatures to print")
	minLevel := flag.String("level", "error", "minimum level (debug, info, warn, error)")
	since := flag.String("since", "", "ignore lines before this RFC3339 time")
	flag.Parse()

	var sinceT time.Time
	if *since != "" {
		sinceT = parseTime(*since)
	}
	min := levelRank[strings.ToLower(*minLevel)]
	sigs := map[string]*sig{}
	total, matched := 0, 0

	for _, path := range flag.Args() {
		rc, err := open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
		for sc.Scan() {
			total++
			line := sc.Text()
			lvl, msg, ts := extract(line)
			rank, known := levelRank[lvl]
			if !known {
				if !strings.Contains(line, "Traceback") && !strings.Contains(line, "Exception") {
					continue
				}
				rank = 4
			}
			if rank < min || (!sinceT.IsZero() && !ts.IsZero() && ts.Before(sinceT)) {
				continue
			}
			matched++
			key := signature(msg)
			s, ok := sigs[key]
			if !ok {
				s = &sig{key: key, example: mask(line)}
				sigs[key] = s
			}
			s.count++
			if !ts.IsZero() {
				if s.first.IsZero() || ts.Before(s.first) {
					s.first = ts
				}
				if ts.After(s.last) {
					s.last = ts
				}
			}
		}
		rc.Close()
	}

	list := make([]*sig, 0, len(sigs))
	for _, s := range sigs {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].count > list[j].count })

	fmt.Printf("%d lines read, %d at level >= %s, %d signatures\n\n", total, matched, *minLevel, len(list))
	for i, s := range list {
		if i >= *top {
			break
		}
		fmt.Printf("%6d  first=%s  last=%s\n        %s\n        e.g. %.300s\n\n",
			s.count, fmtTime(s.first), fmtTime(s.last), s.key, s.example)
	}
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.UTC().Format(time.RFC3339)
}
