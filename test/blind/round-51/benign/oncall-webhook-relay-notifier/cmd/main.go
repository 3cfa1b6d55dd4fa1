// Command notifier relays PagerDuty incident transitions and manual updates to one configured webhook.
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Config is read with a small line parser that handles the flat layout of notifier.example.yaml,
// so the relay has no dependencies outside the standard library.
type Config struct {
	DestType      string
	URLEnv        string
	HMACEnv       string
	PDTokenEnv    string
	PDServices    []string
	PDStatuses    []string
	IncludeFields []string
	Redact        bool
}

type Event struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Urgency  string `json:"urgency"`
	Service  string `json:"service"`
	Assignee string `json:"assignee"`
	HTMLURL  string `json:"html_url"`
	Details  string `json:"details,omitempty"`
	Text     string `json:"text,omitempty"`
}

var redactRx = regexp.MustCompile(`(AKIA[0-9A-Z]{16}|xox[abposr]-[A-Za-z0-9-]+|gh[pousr]_[A-Za-z0-9]{30,}|(?i)bearer\s+[A-Za-z0-9._~+/=-]{16,}|(?i)(password|passwd|secret|token)=\S+)`)

func loadConfig(path string) Config {
	raw, err := os.ReadFile(path)
	if err != nil {
		fail("read config: %v", err)
	}
	c := Config{Redact: true}
	list := func(v string) []string {
		v = strings.Trim(v, "[] ")
		if v == "" {
			return nil
		}
		parts := strings.Split(v, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return parts
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "type":
			c.DestType = v
		case "url_env":
			c.URLEnv = v
		case "hmac_secret_env":
			c.HMACEnv = v
		case "token_env":
			c.PDTokenEnv = v
		case "service_ids":
			c.PDServices = list(v)
		case "statuses":
			c.PDStatuses = list(v)
		case "include_fields":
			c.IncludeFields = list(v)
		case "redact":
			c.Redact, _ = strconv.ParseBool(v)
		}
	}
	if c.URLEnv == "" || c.DestType == "" {
		fail("config needs destination.type and destination.url_env")
	}
	return c
}

func fail(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...); os.Exit(1) }

func filter(c Config, e Event) map[string]string {
	all := map[string]string{"title": e.Title, "status": e.Status, "urgency": e.Urgency, "service": e.Service,
		"assignee": e.Assignee, "html_url": e.HTMLURL, "details": e.Details, "text": e.Text}
	out := map[string]string{}
	for _, f := range append(c.IncludeFields, "text") {
		if v := all[f]; v != "" {
			if c.Redact {
				v = redactRx.ReplaceAllString(v, "[redacted]")
			}
			out[f] = v
		}
	}
	return out
}

func render(c Config, e Event) []byte {
	f := filter(c, e)
	line := fmt.Sprintf("[%s] %s", strings.ToUpper(f["status"]), f["title"])
	var extra []string
	for _, k := range []string{"urgency", "service", "assignee"} {
		if f[k] != "" {
			extra = append(extra, k+": "+f[k])
		}
	}
	body := strings.Join(extra, " · ")
	if f["text"] != "" {
		body += "\n" + f["text"]
	}
	if f["details"] != "" {
		body += "\n" + f["details"]
	}
	link := f["html_url"]
	var msg any
	switch c.DestType {
	case "slack", "mattermost":
		t := "*" + line + "*\n" + body
		if link != "" {
			t += "\n<" + link + "|Open incident>"
		}
		msg = map[string]string{"text": t}
	case "discord":
		msg = map[string]string{"content": "**" + line + "**\n" + body + "\n" + link}
	case "teams":
		msg = map[string]any{"type": "message", "attachments": []any{map[string]any{
			"contentType": "application/vnd.microsoft.card.adaptive",
			"content": map[string]any{"type": "AdaptiveCard", "version": "1.4", "body": []any{
				map[string]any{"type": "TextBlock", "weight": "Bolder", "text": line},
				map[string]any{"type": "TextBlock", "wrap": true, "text": body + "\n" + link}}}}}}
	default:
		msg = f
	}
	b, _ := json.Marshal(msg)
	return b
}

func send(c Config, body []byte) {
	url := os.Getenv(c.URLEnv)
	if url == "" {
		fail("%s is not set", c.URLEnv)
	}
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.DestType == "generic" && c.HMACEnv != "" {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		m := hmac.New(sha256.New, []byte(os.Getenv(c.HMACEnv)))
		m.Write([]byte(ts + "."))
		m.Write(body)
		req.Header.Set("X-Timestamp", ts)
		req.Header.Set("X-Signature-256", "sha256="+hex.EncodeToString(m.Sum(nil)))
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		fail("send: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		fail("webhook returned %d: %s", resp.StatusCode, b)
	}
	fmt.Println("sent", resp.Status)
}

func pdIncidents(c Config) []Event {
	tok := os.Getenv(c.PDTokenEnv)
	if tok == "" {
		fail("%s is not set", c.PDTokenEnv)
	}
	q := "https://api.pagerduty.com/incidents?limit=50&sort_by=created_at:desc"
	for _, s := range c.PDServices {
		q += "&service_ids[]=" + s
	}
	for _, s := range c.PDStatuses {
		q += "&statuses[]=" + s
	}
	q += "&since=" + time.Now().Add(-24*time.Hour).UTC().Format(time.RFC3339)
	req, _ := http.NewRequest("GET", q, nil)
	req.Header.Set("Authorization", "Token token="+tok)
	req.Header.Set("Accept", "application/vnd.pagerduty+json;version=2")
	resp, err := (&http.Client{Timeout: 15 * time.Second}).Do(req)
	if err != nil {
		fail("pagerduty: %v", err)
	}
	defer resp.Body.Close()
	var out struct {
		Incidents []struct {
			ID          string `json:"id"`
			Title       string `json:"title"`
			Status      string `json:"status"`
			Urgency     string `json:"urgency"`
			HTMLURL     string `json:"html_url"`
			Service     struct{ Summary string } `json:"service"`
			Assignments []struct {
				Assignee struct{ Summary string } `json:"assignee"`
			} `json:"assignments"`
		} `json:"incidents"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		fail("pagerduty decode: %v", err)
	}
	var ev []Event
	for _, i := range out.Incidents {
		e := Event{ID: i.ID, Title: i.Title, Status: i.Status, Urgency: i.Urgency, HTMLURL: i.HTMLURL, Service: i.Service.Summary}
		if len(i.Assignments) > 0 {
			e.Assignee = i.Assignments[0].Assignee.Summary
		}
		ev = append(ev, e)
	}
	return ev
}

const stateFile = ".notifier-state.json"

func main() {
	if len(os.Args) < 2 {
		fail("usage: notifier preview|test|say|watch --config notifier.yaml")
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	cfgPath := fs.String("config", "notifier.yaml", "config file")
	title := fs.String("title", "", "title for say")
	status := fs.String("status", "update", "status for say")
	text := fs.String("text", "", "text for say")
	interval := fs.Duration("interval", 60*time.Second, "poll interval")
	fs.Parse(os.Args[2:])
	c := loadConfig(*cfgPath)

	switch os.Args[1] {
	case "preview":
		sample := Event{Title: "High error rate on checkout-api", Status: "triggered", Urgency: "high",
			Service: "checkout-api", Assignee: "Dana K.", HTMLURL: "https://example.pagerduty.com/incidents/Q1SAMPLE",
			Details: "stack: db timeout; conn=postgres://app:s3cret@db:5432/shop"}
		fmt.Println(string(render(c, sample)))
		fmt.Println("(preview only - nothing sent)")
	case "test":
		send(c, render(c, Event{Title: "Test message from on-call notifier", Status: "test"}))
	case "say":
		if *title == "" {
			fail("--title required")
		}
		send(c, render(c, Event{Title: *title, Status: *status, Text: *text}))
	case "watch":
		seen := map[string]string{}
		if b, err := os.ReadFile(stateFile); err == nil {
			json.Unmarshal(b, &seen)
		}
		for {
			for _, e := range pdIncidents(c) {
				if seen[e.ID] != e.Status {
					send(c, render(c, e))
					seen[e.ID] = e.Status
				}
			}
			b, _ := json.Marshal(seen)
			os.WriteFile(stateFile, b, 0o600)
			time.Sleep(*interval)
		}
	default:
		fail("unknown command %s", os.Args[1])
	}
}
