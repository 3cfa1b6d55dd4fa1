// bkstatus: show Buildkite builds, failed job logs, and retry jobs via the REST API.
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
	"strings"
	"time"
)

const api = "https://api.buildkite.com/v2"

type Job struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Name       string `json:"name"`
	State      string `json:"state"`
	ExitStatus *int   `json:"exit_status"`
	WebURL     string `json:"web_url"`
}

type Build struct {
	Number    int       `json:"number"`
	State     string    `json:"state"`
	Branch    string    `json:"branch"`
	Commit    string    `json:"commit"`
	Message   string    `json:"message"`
	WebURL    string    `json:"web_url"`
	CreatedAt time.Time `json:"created_at"`
	Creator   struct {
		Name string `json:"name"`
	} `json:"creator"`
	Jobs []Job `json:"jobs"`
}

var client = &http.Client{Timeout: 30 * time.Second}

func do(method, path string, body any, out any) error {
	token := os.Getenv("BUILDKITE_API_TOKEN")
	if token == "" {
		return fmt.Errorf("BUILDKITE_API_TOKEN is not set")
	}
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, api+path, rdr)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, strings.TrimSpace(string(msg)))
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func main() {
	org := flag.String("org", "", "organization slug")
	pipeline := flag.String("pipeline", "", "pipeline slug")
	branch := flag.String("branch", "", "branch filter for listing")
	build := flag.Int("build", 0, "build number")
	failed := flag.Bool("failed", false, "show failed jobs with log tail")
	lines := flag.Int("lines", 60, "log lines to show per failed job")
	retry := flag.String("retry", "", "job id to retry")
	rebuild := flag.Bool("rebuild", false, "rebuild the whole build")
	limit := flag.Int("n", 5, "builds to list")
	flag.Parse()

	if *org == "" || *pipeline == "" {
		fmt.Fprintln(os.Stderr, "usage: bkstatus -org ORG -pipeline PIPELINE [-branch B] [-build N -failed|-retry JOB|-rebuild]")
		os.Exit(2)
	}
	base := fmt.Sprintf("/organizations/%s/pipelines/%s/builds", url.PathEscape(*org), url.PathEscape(*pipeline))

	if *build == 0 {
		q := url.Values{"per_page": {fmt.Sprint(*limit)}}
		if *branch != "" {
			q.Set("branch", *branch)
		}
		var builds []Build
		if err := do("GET", base+"?"+q.Encode(), nil, &builds); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, b := range builds {
			msg := strings.SplitN(b.Message, "\n", 2)[0]
			fmt.Printf("#%-6d %-9s %-20s %.8s  %s  %s\n", b.Number, b.State, b.Branch, b.Commit, b.CreatedAt.Format("2006-01-02 15:04"), msg)
		}
		return
	}

	bpath := fmt.Sprintf("%s/%d", base, *build)
	switch {
	case *retry != "":
		var j Job
		if err := do("PUT", bpath+"/jobs/"+url.PathEscape(*retry)+"/retry", nil, &j); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("retried: new job %s (%s) %s\n", j.ID, j.Name, j.State)
	case *rebuild:
		var b Build
		if err := do("PUT", bpath+"/rebuild", nil, &b); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("rebuild started: #%d %s\n", b.Number, b.WebURL)
	default:
		var b Build
		if err := do("GET", bpath, nil, &b); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("#%d %s on %s (%.8s) by %s\n%s\n\n", b.Number, b.State, b.Branch, b.Commit, b.Creator.Name, b.WebURL)
		for _, j := range b.Jobs {
			if j.Type != "script" {
				continue
			}
			code := "-"
			if j.ExitStatus != nil {
				code = fmt.Sprint(*j.ExitStatus)
			}
			fmt.Printf("  %-10s exit=%-3s %s  [%s]\n", j.State, code, j.Name, j.ID)
			if *failed && (j.State == "failed" || j.State == "timed_out") {
				var log struct {
					Content string `json:"content"`
				}
				if err := do("GET", bpath+"/jobs/"+j.ID+"/log", nil, &log); err == nil {
					fmt.Println(indent(tail(log.Content, *lines), "      | "))
				} else {
					fmt.Println("      (log unavailable:", err, ")")
				}
			}
		}
	}
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
