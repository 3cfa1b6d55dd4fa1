// Command cfdns lists and edits DNS records in a Cloudflare zone.
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

const apiBase = "https://api.cloudflare.com/client/v4"

type envelope struct {
	Success bool              `json:"success"`
	Errors  []struct{ Message string } `json:"errors"`
	Result  json.RawMessage   `json:"result"`
}

type zone struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type record struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Content string `json:"content"`
	TTL     int    `json:"ttl"`
	Proxied *bool  `json:"proxied,omitempty"`
}

var client = &http.Client{Timeout: 30 * time.Second}

func call(method, path string, body any, out any) error {
	token := os.Getenv("CLOUDFLARE_API_TOKEN")
	if token == "" {
		return fmt.Errorf("CLOUDFLARE_API_TOKEN is not set")
	}
	var rdr io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rdr = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, apiBase+path, rdr)
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
	var env envelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return fmt.Errorf("decode %s %s: %w", method, path, err)
	}
	if !env.Success {
		msgs := make([]string, 0, len(env.Errors))
		for _, e := range env.Errors {
			msgs = append(msgs, e.Message)
		}
		return fmt.Errorf("cloudflare: %s", strings.Join(msgs, "; "))
	}
	if out != nil {
		return json.Unmarshal(env.Result, out)
	}
	return nil
}

func zoneID(name string) (string, error) {
	var zs []zone
	if err := call("GET", "/zones?name="+url.QueryEscape(name), nil, &zs); err != nil {
		return "", err
	}
	if len(zs) == 0 {
		return "", fmt.Errorf("zone %s not found (or token lacks access)", name)
	}
	return zs[0].ID, nil
}

func fqdn(zoneName, name string) string {
	if name == "@" || name == zoneName {
		return zoneName
	}
	if strings.HasSuffix(name, "."+zoneName) {
		return name
	}
	return name + "." + zoneName
}

func findRecords(zid, typ, name string) ([]record, error) {
	q := url.Values{}
	if typ != "" {
		q.Set("type", typ)
	}
	if name != "" {
		q.Set("name", name)
	}
	q.Set("per_page", "500")
	var rs []record
	err := call("GET", "/zones/"+zid+"/dns_records?"+q.Encode(), nil, &rs)
	return rs, err
}

func show(r record) string {
	p := ""
	if r.Proxied != nil && *r.Proxied {
		p = " proxied"
	}
	ttl := fmt.Sprint(r.TTL)
	if r.TTL == 1 {
		ttl = "auto"
	}
	return fmt.Sprintf("%-6s %-40s %s (ttl %s%s)", r.Type, r.Name, r.Content, ttl, p)
}

func die(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: cfdns zones | list ZONE | upsert ZONE TYPE NAME CONTENT | delete ZONE TYPE NAME")
		os.Exit(2)
	}
	cmd := os.Args[1]
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	typ := fs.String("type", "", "filter by type (list)")
	name := fs.String("name", "", "filter by name (list)")
	ttl := fs.Int("ttl", 1, "TTL in seconds, 1 = auto")
	proxied := fs.Bool("proxied", false, "proxy through Cloudflare (A/AAAA/CNAME only)")
	yes := fs.Bool("yes", false, "apply changes to existing records / deletions")

	// Allow flags after positional args.
	var pos []string
	rest := os.Args[2:]
	for len(rest) > 0 {
		fs.Parse(rest)
		rest = fs.Args()
		if len(rest) > 0 {
			pos = append(pos, rest[0])
			rest = rest[1:]
		}
	}

	switch cmd {
	case "zones":
		var zs []zone
		if err := call("GET", "/zones?per_page=50", nil, &zs); err != nil {
			die(err)
		}
		for _, z := range zs {
			fmt.Println(z.Name)
		}
	case "list":
		if len(pos) < 1 {
			die(fmt.Errorf("list ZONE"))
		}
		zid, err := zoneID(pos[0])
		if err != nil {
			die(err)
		}
		n := ""
		if *name != "" {
			n = fqdn(pos[0], *name)
		}
		rs, err := findRecords(zid, strings.ToUpper(*typ), n)
		if err != nil {
			die(err)
		}
		for _, r := range rs {
			fmt.Println(show(r))
		}
	case "upsert":
		if len(pos) < 4 {
			die(fmt.Errorf("upsert ZONE TYPE NAME CONTENT"))
		}
		zname, t, full, content := pos[0], strings.ToUpper(pos[1]), fqdn(pos[0], pos[2]), pos[3]
		zid, err := zoneID(zname)
		if err != nil {
			die(err)
		}
		want := record{Type: t, Name: full, Content: content, TTL: *ttl}
		if t == "A" || t == "AAAA" || t == "CNAME" {
			want.Proxied = proxied
		}
		existing, err := findRecords(zid, t, full)
		if err != nil {
			die(err)
		}
		if len(existing) == 0 {
			fmt.Println("+ " + show(want))
			if err := call("POST", "/zones/"+zid+"/dns_records", want, nil); err != nil {
				die(err)
			}
			fmt.Println("created")
			return
		}
		if len(existing) > 1 {
			die(fmt.Errorf("%d %s records named %s; edit in the dashboard or delete extras first", len(existing), t, full))
		}
		fmt.Println("- " + show(existing[0]))
		fmt.Println("+ " + show(want))
		if !*yes {
			fmt.Println("not applied: re-run with --yes to update the existing record")
			return
		}
		if err := call("PUT", "/zones/"+zid+"/dns_records/"+existing[0].ID, want, nil); err != nil {
			die(err)
		}
		fmt.Println("updated")
	case "delete":
		if len(pos) < 3 {
			die(fmt.Errorf("delete ZONE TYPE NAME"))
		}
		zid, err := zoneID(pos[0])
		if err != nil {
			die(err)
		}
		rs, err := findRecords(zid, strings.ToUpper(pos[1]), fqdn(pos[0], pos[2]))
		if err != nil {
			die(err)
		}
		if len(rs) == 0 {
			fmt.Println("nothing to delete")
			return
		}
		for _, r := range rs {
			fmt.Println("- " + show(r))
		}
		if !*yes {
			fmt.Println("not applied: re-run with --yes to delete")
			return
		}
		for _, r := range rs {
			if err := call("DELETE", "/zones/"+zid+"/dns_records/"+r.ID, nil, nil); err != nil {
				die(err)
			}
		}
		fmt.Printf("deleted %d record(s)\n", len(rs))
	default:
		die(fmt.Errorf("unknown command %q", cmd))
	}
}
