// logship tails log files and ships lines to Datadog Logs or Grafana Cloud Loki.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

type line struct {
	file string
	ts   time.Time
	text string
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

var defaultRedactions = []*regexp.Regexp{
	regexp.MustCompile(`(?i)(authorization:\s*bearer\s+)[A-Za-z0-9._~+/=-]+`),
	regexp.MustCompile(`(?i)((?:password|passwd|pwd|secret|token|api_key|apikey)\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)`),
	regexp.MustCompile(`\b(AKIA|ASIA)[A-Z0-9]{16}\b`),
	regexp.MustCompile(`\b(ghp|gho|ghs|ghu)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b`),
	regexp.MustCompile(`\bxox[abprs]-[A-Za-z0-9-]{10,}\b`),
	regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b`),
}
var cardRe = regexp.MustCompile(`\b(?:\d[ -]?){13,19}\b`)

func luhn(s string) bool {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	sum, alt := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if alt {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		alt = !alt
	}
	return len(digits) >= 13 && sum%10 == 0
}

func redact(s string, extra []*regexp.Regexp) string {
	for _, re := range append(defaultRedactions, extra...) {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			// keep a "key=" / "Authorization: Bearer " prefix so the line stays readable
			if sub := re.FindStringSubmatch(m); len(sub) > 1 && strings.ContainsAny(sub[1], ":=") {
				return sub[1] + "[REDACTED]"
			}
			return "[REDACTED]"
		})
	}
	return cardRe.ReplaceAllStringFunc(s, func(m string) string {
		if luhn(m) {
			return "[REDACTED]"
		}
		return m
	})
}

type sink interface {
	send(batch []line) error
}

type datadog struct {
	url, key, service, env, host, tags string
	client                             *http.Client
}

func (d *datadog) send(batch []line) error {
	type entry struct {
		Message  string `json:"message"`
		Service  string `json:"service"`
		Hostname string `json:"hostname"`
		Source   string `json:"ddsource"`
		Tags     string `json:"ddtags"`
		Path     string `json:"file.path"`
	}
	out := make([]entry, 0, len(batch))
	for _, l := range batch {
		out = append(out, entry{l.text, d.service, d.host, "logship", d.tags, l.file})
	}
	body, _ := json.Marshal(out)
	req, _ := http.NewRequest(http.MethodPost, d.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("DD-API-KEY", d.key)
	return do(d.client, req)
}

type loki struct {
	url, user, token string
	labels           map[string]string
	client           *http.Client
}

func (l *loki) send(batch []line) error {
	byFile := map[string][][2]string{}
	for _, ln := range batch {
		byFile[ln.file] = append(byFile[ln.file], [2]string{strconv.FormatInt(ln.ts.UnixNano(), 10), ln.text})
	}
	type stream struct {
		Stream map[string]string `json:"stream"`
		Values [][2]string       `json:"values"`
	}
	var streams []stream
	for f, vals := range byFile {
		labels := map[string]string{"filename": f}
		for k, v := range l.labels {
			labels[k] = v
		}
		streams = append(streams, stream{labels, vals})
	}
	body, _ := json.Marshal(map[string]any{"streams": streams})
	req, _ := http.NewRequest(http.MethodPost, l.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(l.user, l.token)
	return do(l.client, req)
}

func do(c *http.Client, req *http.Request) error {
	var lastErr error
	body, _ := io.ReadAll(req.Body)
	for attempt := 0; attempt < 5; attempt++ {
		req.Body = io.NopCloser(bytes.NewReader(body))
		resp, err := c.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode < 300 {
				return nil
			}
			lastErr = fmt.Errorf("HTTP %d", resp.StatusCode)
			if resp.StatusCode < 500 && resp.StatusCode != 429 {
				return lastErr // auth or payload problem: retrying will not help
			}
		} else {
			lastErr = err
		}
		time.Sleep(time.Duration(1<<attempt) * time.Second)
	}
	return lastErr
}

func follow(path string, fromStart, once bool, out chan<- line, stop <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	f, err := os.Open(path)
	if err != nil {
		log.Printf("open %s: %v", path, err)
		return
	}
	defer f.Close()
	if !fromStart {
		f.Seek(0, io.SeekEnd)
	}
	r := bufio.NewReader(f)
	var partial string
	for {
		s, err := r.ReadString('\n')
		if len(s) > 0 {
			partial += s
			if strings.HasSuffix(partial, "\n") {
				out <- line{file: path, ts: time.Now(), text: strings.TrimRight(partial, "\r\n")}
				partial = ""
			}
		}
		if errors.Is(err, io.EOF) {
			if once {
				return
			}
			select {
			case <-stop:
				return
			case <-time.After(500 * time.Millisecond):
			}
			if st, e := os.Stat(path); e == nil {
				if pos, _ := f.Seek(0, io.SeekCurrent); st.Size() < pos { // truncated / rotated
					f.Seek(0, io.SeekStart)
					r.Reset(f)
				}
			}
		} else if err != nil {
			log.Printf("read %s: %v", path, err)
			return
		}
	}
}

func main() {
	dest := flag.String("dest", "", "datadog | loki")
	service := flag.String("service", "", "service name")
	env := flag.String("env", "", "environment tag/label")
	tags := flag.String("tags", "", "extra Datadog tags, comma-separated (k:v)")
	fromStart := flag.Bool("from-start", false, "read files from the beginning")
	once := flag.Bool("once", false, "exit at end of files instead of following")
	noRedact := flag.Bool("no-redact", false, "disable redaction")
	batchSize := flag.Int("batch", 500, "lines per request")
	var extra multiFlag
	flag.Var(&extra, "redact", "extra regex to redact (repeatable)")
	flag.Parse()
	if flag.NArg() == 0 || *service == "" {
		fmt.Fprintln(os.Stderr, "usage: logship -dest datadog|loki -service NAME [-env ENV] FILE...")
		os.Exit(2)
	}
	var extraRe []*regexp.Regexp
	for _, e := range extra {
		extraRe = append(extraRe, regexp.MustCompile(e))
	}
	host, _ := os.Hostname()
	client := &http.Client{Timeout: 15 * time.Second}

	var s sink
	switch *dest {
	case "datadog":
		key := os.Getenv("DD_API_KEY")
		if key == "" {
			log.Fatal("DD_API_KEY is not set")
		}
		site := os.Getenv("DD_SITE")
		if site == "" {
			site = "datadoghq.com"
		}
		t := "env:" + *env
		if *tags != "" {
			t += "," + *tags
		}
		s = &datadog{url: "https://http-intake.logs." + site + "/api/v2/logs", key: key,
			service: *service, env: *env, host: host, tags: t, client: client}
	case "loki":
		u, user, tok := os.Getenv("LOKI_URL"), os.Getenv("LOKI_USER"), os.Getenv("LOKI_TOKEN")
		if u == "" || user == "" || tok == "" {
			log.Fatal("LOKI_URL, LOKI_USER and LOKI_TOKEN must be set")
		}
		s = &loki{url: strings.TrimRight(u, "/") + "/loki/api/v1/push", user: user, token: tok,
			labels: map[string]string{"service": *service, "env": *env, "host": host}, client: client}
	default:
		log.Fatal("-dest must be datadog or loki")
	}

	lines := make(chan line, 10000)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, p := range flag.Args() {
		wg.Add(1)
		go follow(p, *fromStart || *once, *once, lines, stop, &wg)
	}
	go func() { wg.Wait(); close(lines) }()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	go func() { <-sig; close(stop) }()

	var batch []line
	ticker := time.NewTicker(2 * time.Second)
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if err := s.send(batch); err != nil {
			log.Printf("send failed (%d lines dropped): %v", len(batch), err)
		}
		batch = batch[:0]
	}
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				flush()
				return
			}
			if !*noRedact {
				l.text = redact(l.text, extraRe)
			}
			batch = append(batch, l)
			if len(batch) >= *batchSize {
				flush()
			}
		case <-ticker.C:
			flush()
		}
	}
}
