// sentry-triage: list Sentry issues and show the latest event with frames mapped to a local checkout.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

type client struct {
	base  string
	org   string
	token string
	http  *http.Client
}

func newClient() *client {
	token := os.Getenv("SENTRY_AUTH_TOKEN")
	org := os.Getenv("SENTRY_ORG")
	if token == "" || org == "" {
		fmt.Fprintln(os.Stderr, "set SENTRY_AUTH_TOKEN and SENTRY_ORG")
		os.Exit(2)
	}
	base := strings.TrimRight(os.Getenv("SENTRY_URL"), "/")
	if base == "" {
		base = "https://sentry.io"
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "https" {
		fmt.Fprintf(os.Stderr, "SENTRY_URL must be an https URL, got %q\n", base)
		os.Exit(2)
	}
	if u.Host != "sentry.io" && !strings.HasSuffix(u.Host, ".sentry.io") {
		fmt.Fprintf(os.Stderr, "note: using self-hosted Sentry at %s\n", u.Host)
	}
	return &client{base: base, org: org, token: token, http: &http.Client{Timeout: 30 * time.Second}}
}

func (c *client) do(method, path string, body any, out any) error {
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+"/api/0"+path, rdr)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, strings.TrimSpace(string(data)))
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

type issue struct {
	ID        string `json:"id"`
	ShortID   string `json:"shortId"`
	Title     string `json:"title"`
	Culprit   string `json:"culprit"`
	Count     string `json:"count"`
	UserCount int    `json:"userCount"`
	FirstSeen string `json:"firstSeen"`
	LastSeen  string `json:"lastSeen"`
	Permalink string `json:"permalink"`
}

func (c *client) resolveShortID(short string) (issue, error) {
	var r struct {
		GroupID string `json:"groupId"`
	}
	if err := c.do("GET", fmt.Sprintf("/organizations/%s/shortids/%s/", c.org, url.PathEscape(short)), nil, &r); err != nil {
		return issue{}, err
	}
	var is issue
	err := c.do("GET", fmt.Sprintf("/organizations/%s/issues/%s/", c.org, r.GroupID), nil, &is)
	return is, err
}

func cmdIssues(c *client, args []string) error {
	fs := flag.NewFlagSet("issues", flag.ExitOnError)
	project := fs.String("project", "", "project slug")
	since := fs.String("since", "24h", "stats period")
	limit := fs.Int("limit", 20, "max issues")
	fs.Parse(args)
	q := url.Values{}
	q.Set("query", "is:unresolved")
	q.Set("statsPeriod", *since)
	q.Set("sort", "freq")
	q.Set("limit", fmt.Sprint(*limit))
	if *project != "" {
		var p struct {
			ID string `json:"id"`
		}
		if err := c.do("GET", fmt.Sprintf("/projects/%s/%s/", c.org, *project), nil, &p); err != nil {
			return err
		}
		q.Set("project", p.ID)
	}
	var issues []issue
	if err := c.do("GET", fmt.Sprintf("/organizations/%s/issues/?%s", c.org, q.Encode()), nil, &issues); err != nil {
		return err
	}
	for _, is := range issues {
		fmt.Printf("%-14s %7s ev %5d users  last %s  %s\n    %s\n", is.ShortID, is.Count, is.UserCount, is.LastSeen[:16], is.Title, is.Culprit)
	}
	return nil
}

type frame struct {
	Filename string `json:"filename"`
	AbsPath  string `json:"absPath"`
	Function string `json:"function"`
	LineNo   int    `json:"lineNo"`
	InApp    bool   `json:"inApp"`
	Context  [][]any `json:"context"`
}

type event struct {
	EventID     string            `json:"eventID"`
	DateCreated string            `json:"dateCreated"`
	Release     *struct{ Version string } `json:"release"`
	Tags        []struct{ Key, Value string } `json:"tags"`
	Entries     []struct {
		Type string          `json:"type"`
		Data json.RawMessage `json:"data"`
	} `json:"entries"`
}

func cmdEvent(c *client, args []string) error {
	fs := flag.NewFlagSet("event", flag.ExitOnError)
	root := fs.String("repo-root", ".", "local checkout to map frames against")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: event SHORT-ID --repo-root .")
	}
	is, err := c.resolveShortID(fs.Arg(0))
	if err != nil {
		return err
	}
	var ev event
	if err := c.do("GET", fmt.Sprintf("/organizations/%s/issues/%s/events/latest/", c.org, is.ID), nil, &ev); err != nil {
		return err
	}
	fmt.Printf("%s  %s\n%s\n", is.ShortID, is.Title, is.Permalink)
	if ev.Release != nil {
		fmt.Printf("release: %s  ", ev.Release.Version)
	}
	fmt.Printf("event: %s at %s\n", ev.EventID, ev.DateCreated)
	for _, t := range ev.Tags {
		if t.Key == "environment" || t.Key == "runtime" || t.Key == "os" || t.Key == "browser" {
			fmt.Printf("  %s=%s\n", t.Key, t.Value)
		}
	}
	for _, e := range ev.Entries {
		switch e.Type {
		case "exception":
			var ex struct {
				Values []struct {
					Type       string `json:"type"`
					Value      string `json:"value"`
					Stacktrace *struct {
						Frames []frame `json:"frames"`
					} `json:"stacktrace"`
				} `json:"values"`
			}
			json.Unmarshal(e.Data, &ex)
			for _, v := range ex.Values {
				fmt.Printf("\n%s: %s\n", v.Type, v.Value)
				if v.Stacktrace == nil {
					continue
				}
				for i := len(v.Stacktrace.Frames) - 1; i >= 0; i-- {
					f := v.Stacktrace.Frames[i]
					if !f.InApp {
						continue
					}
					mark := " "
					if _, err := os.Stat(filepath.Join(*root, f.Filename)); err == nil {
						mark = "✓"
					}
					fmt.Printf("  %s %s:%d in %s\n", mark, f.Filename, f.LineNo, f.Function)
				}
			}
		case "breadcrumbs":
			var bc struct {
				Values []struct {
					Timestamp string `json:"timestamp"`
					Category  string `json:"category"`
					Message   string `json:"message"`
					Level     string `json:"level"`
				} `json:"values"`
			}
			json.Unmarshal(e.Data, &bc)
			start := 0
			if len(bc.Values) > 15 {
				start = len(bc.Values) - 15
			}
			fmt.Println("\nbreadcrumbs:")
			for _, b := range bc.Values[start:] {
				fmt.Printf("  %s [%s] %s %s\n", b.Timestamp, b.Level, b.Category, b.Message)
			}
		}
	}
	return nil
}

func cmdStatus(c *client, status string, args []string) error {
	fs := flag.NewFlagSet(status, flag.ExitOnError)
	nextRelease := fs.Bool("in-next-release", false, "resolve in next release")
	forDur := fs.String("for", "", "ignore duration, e.g. 7d")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: %s SHORT-ID", status)
	}
	is, err := c.resolveShortID(fs.Arg(0))
	if err != nil {
		return err
	}
	body := map[string]any{}
	switch status {
	case "resolve":
		body["status"] = "resolved"
		if *nextRelease {
			body["statusDetails"] = map[string]any{"inNextRelease": true}
		}
	case "ignore":
		body["status"] = "ignored"
		if *forDur != "" {
			d, err := time.ParseDuration(strings.Replace(*forDur, "d", "h", 1))
			if err == nil && strings.HasSuffix(*forDur, "d") {
				d *= 24
			}
			if err != nil {
				return err
			}
			body["statusDetails"] = map[string]any{"ignoreDuration": int(d.Minutes())}
		}
	}
	if err := c.do("PUT", fmt.Sprintf("/organizations/%s/issues/%s/", c.org, is.ID), body, nil); err != nil {
		return err
	}
	fmt.Printf("%s -> %s\n", is.ShortID, body["status"])
	return nil
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sentry-triage issues|event|resolve|ignore ...")
		os.Exit(2)
	}
	c := newClient()
	var err error
	switch os.Args[1] {
	case "issues":
		err = cmdIssues(c, os.Args[2:])
	case "event":
		err = cmdEvent(c, os.Args[2:])
	case "resolve", "ignore":
		err = cmdStatus(c, os.Args[1], os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
