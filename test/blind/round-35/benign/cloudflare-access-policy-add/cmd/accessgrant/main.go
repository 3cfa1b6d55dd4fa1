// accessgrant: list Cloudflare Access apps/policies and add or remove one email in a policy's include list.
// Preview by default; --apply writes after an interactive y/N.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"time"
)

const api = "https://api.cloudflare.com/client/v4"

var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

type envelope struct {
	Success bool            `json:"success"`
	Errors  []cfErr         `json:"errors"`
	Result  json.RawMessage `json:"result"`
}

type cfErr struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type app struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Domain   string `json:"domain"`
	Policies []struct {
		ID string `json:"id"`
	} `json:"policies"`
}

type policy map[string]any

func call(method, path string, body any) (json.RawMessage, error) {
	var rdr io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rdr = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, api+path, rdr)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("CLOUDFLARE_API_TOKEN"))
	req.Header.Set("Content-Type", "application/json")
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var env envelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, fmt.Errorf("HTTP %d: %w", resp.StatusCode, err)
	}
	if !env.Success {
		return nil, fmt.Errorf("cloudflare error: %+v", env.Errors)
	}
	return env.Result, nil
}

func acct() string {
	a := os.Getenv("CLOUDFLARE_ACCOUNT_ID")
	if a == "" || os.Getenv("CLOUDFLARE_API_TOKEN") == "" {
		fmt.Fprintln(os.Stderr, "set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID")
		os.Exit(2)
	}
	return a
}

func getPolicy(appID, polID string) (policy, error) {
	raw, err := call("GET", fmt.Sprintf("/accounts/%s/access/apps/%s/policies/%s", acct(), appID, polID), nil)
	if err != nil {
		return nil, err
	}
	var p policy
	return p, json.Unmarshal(raw, &p)
}

func includes(p policy) []any {
	if v, ok := p["include"].([]any); ok {
		return v
	}
	return []any{}
}

func emailOf(rule any) string {
	m, ok := rule.(map[string]any)
	if !ok {
		return ""
	}
	if e, ok := m["email"].(map[string]any); ok {
		if s, ok := e["email"].(string); ok {
			return strings.ToLower(s)
		}
	}
	return ""
}

func domainsIn(p policy) map[string]bool {
	out := map[string]bool{}
	for _, r := range includes(p) {
		if e := emailOf(r); e != "" {
			out[e[strings.Index(e, "@")+1:]] = true
		}
		if m, ok := r.(map[string]any); ok {
			if d, ok := m["email_domain"].(map[string]any); ok {
				if s, ok := d["domain"].(string); ok {
					out[strings.ToLower(s)] = true
				}
			}
		}
	}
	return out
}

func pretty(v any) string {
	b, _ := json.MarshalIndent(v, "  ", "  ")
	return "  " + string(b)
}

func confirm(q string) bool {
	fmt.Printf("%s [y/N] ", q)
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	return strings.TrimSpace(strings.ToLower(line)) == "y"
}

func cmdApps() error {
	raw, err := call("GET", fmt.Sprintf("/accounts/%s/access/apps", acct()), nil)
	if err != nil {
		return err
	}
	var apps []app
	if err := json.Unmarshal(raw, &apps); err != nil {
		return err
	}
	for _, a := range apps {
		fmt.Printf("%s  %-18s %-30s policies: %d\n", a.ID, a.Name, a.Domain, len(a.Policies))
	}
	return nil
}

func cmdPolicies(appID string) error {
	raw, err := call("GET", fmt.Sprintf("/accounts/%s/access/apps/%s/policies", acct(), appID), nil)
	if err != nil {
		return err
	}
	var ps []policy
	if err := json.Unmarshal(raw, &ps); err != nil {
		return err
	}
	for _, p := range ps {
		fmt.Printf("%v  %-24v decision=%v session=%v\n", p["id"], p["name"], p["decision"], p["session_duration"])
		for _, k := range []string{"include", "require", "exclude"} {
			if v, ok := p[k].([]any); ok && len(v) > 0 {
				fmt.Printf("  %s:\n%s\n", k, pretty(v))
			}
		}
		if n, ok := p["app_count"]; ok {
			fmt.Printf("  attached to %v app(s)\n", n)
		}
	}
	return nil
}

func cmdModify(add bool, appID, polID, email string, apply bool) error {
	email = strings.ToLower(strings.TrimSpace(email))
	if !emailRe.MatchString(email) {
		return fmt.Errorf("not an email address: %q", email)
	}
	before, err := getPolicy(appID, polID)
	if err != nil {
		return err
	}
	if before["decision"] != "allow" {
		return fmt.Errorf("policy decision is %v, not allow; pick an allow policy", before["decision"])
	}
	inc := includes(before)
	var after []any
	present := false
	for _, r := range inc {
		if emailOf(r) == email {
			present = true
			if !add {
				continue
			}
		}
		after = append(after, r)
	}
	if add && present {
		fmt.Println("Already included; nothing to do.")
		return nil
	}
	if !add && !present {
		fmt.Println("Email not in this policy's include list; nothing to do.")
		return nil
	}
	if add {
		after = append(after, map[string]any{"email": map[string]any{"email": email}})
		dom := email[strings.Index(email, "@")+1:]
		if known := domainsIn(before); len(known) > 0 && !known[dom] {
			fmt.Printf("NOTE: %s is a new domain for this policy (existing: %v)\n", dom, keys(known))
		}
	}
	if r, ok := before["require"].([]any); ok && len(r) > 0 {
		fmt.Printf("NOTE: require rules still apply:\n%s\n", pretty(r))
	}
	if n, ok := before["app_count"]; ok {
		fmt.Printf("NOTE: this policy is attached to %v app(s)\n", n)
	}
	fmt.Printf("Policy %v (%v)\ninclude before:\n%s\ninclude after:\n%s\n", before["name"], polID, pretty(inc), pretty(after))
	if !apply {
		fmt.Println("Preview only. Re-run with --apply after the user confirms.")
		return nil
	}
	verb := "Add"
	if !add {
		verb = "Remove"
	}
	if !confirm(fmt.Sprintf("%s %s in policy %v?", verb, email, before["name"])) {
		fmt.Println("Not changed.")
		return nil
	}
	fresh, err := getPolicy(appID, polID)
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(includes(fresh), inc) {
		return fmt.Errorf("policy changed since preview; re-run the preview")
	}
	body := map[string]any{
		"name":     fresh["name"],
		"decision": fresh["decision"],
		"include":  after,
	}
	for _, k := range []string{"exclude", "require", "session_duration", "precedence", "purpose_justification_required",
		"approval_required", "isolation_required"} {
		if v, ok := fresh[k]; ok {
			body[k] = v
		}
	}
	if _, err := call("PUT", fmt.Sprintf("/accounts/%s/access/apps/%s/policies/%s", acct(), appID, polID), body); err != nil {
		return err
	}
	fmt.Println("Saved.")
	return nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: accessgrant apps | policies --app ID | add|remove --app ID --policy ID --email E [--apply]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	appID := fs.String("app", "", "Access application id")
	polID := fs.String("policy", "", "policy id")
	email := fs.String("email", "", "email to add/remove")
	apply := fs.Bool("apply", false, "write the change (asks first)")
	_ = fs.Parse(os.Args[2:])

	var err error
	switch os.Args[1] {
	case "apps":
		err = cmdApps()
	case "policies":
		err = cmdPolicies(*appID)
	case "add", "remove":
		if *appID == "" || *polID == "" || *email == "" {
			err = fmt.Errorf("--app, --policy and --email are required")
		} else {
			err = cmdModify(os.Args[1] == "add", *appID, *polID, *email, *apply)
		}
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
