package audit

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

var defaultSelectors = []string{"pm", "s1", "s2", "k1", "google", "selector1", "selector2", "mandrill", "mxvault"}

type Finding struct {
	Check  string `json:"check"`
	Status string `json:"status"`
	Detail string `json:"detail"`
	Fix    string `json:"fix,omitempty"`
}

type Report struct {
	Domain   string    `json:"domain"`
	Findings []Finding `json:"findings"`
}

func (r *Report) add(check, status, detail, fix string) {
	r.Findings = append(r.Findings, Finding{check, status, detail, fix})
}

func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "mailauth audit: %s\n", r.Domain)
	for _, f := range r.Findings {
		fmt.Fprintf(w, "  %-9s %-10s %s\n", f.Check, f.Status, f.Detail)
		if f.Fix != "" {
			fmt.Fprintf(w, "  %-9s %-10s publish: %s\n", "", "", f.Fix)
		}
	}
}

func txt(ctx context.Context, r *net.Resolver, name string) []string {
	out, err := r.LookupTXT(ctx, name)
	if err != nil {
		return nil
	}
	return out
}

func spfLookups(ctx context.Context, r *net.Resolver, rec string, depth int) int {
	n := 0
	for _, term := range strings.Fields(rec)[1:] {
		t := strings.TrimLeft(term, "+-~?")
		switch {
		case strings.HasPrefix(t, "include:"):
			n++
			if depth < 6 {
				for _, inner := range txt(ctx, r, t[len("include:"):]) {
					if strings.HasPrefix(inner, "v=spf1") {
						n += spfLookups(ctx, r, inner, depth+1)
					}
				}
			}
		case t == "a" || t == "mx" || strings.HasPrefix(t, "a:") || strings.HasPrefix(t, "mx:"),
			strings.HasPrefix(t, "exists:"), strings.HasPrefix(t, "redirect="), strings.HasPrefix(t, "ptr"):
			n++
		}
	}
	return n
}

func Run(domain string, selectors []string) *Report {
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	r := net.DefaultResolver
	rep := &Report{Domain: domain}

	if mx, err := r.LookupMX(ctx, domain); err != nil || len(mx) == 0 {
		rep.add("mx", "missing", "no MX records", "")
	} else {
		hosts := []string{}
		for _, m := range mx {
			hosts = append(hosts, fmt.Sprintf("%d %s", m.Pref, m.Host))
		}
		rep.add("mx", "ok", strings.Join(hosts, ", "), "")
	}

	var spf []string
	for _, t := range txt(ctx, r, domain) {
		if strings.HasPrefix(t, "v=spf1") {
			spf = append(spf, t)
		}
	}
	switch len(spf) {
	case 0:
		rep.add("spf", "missing", "no v=spf1 record", domain+` TXT "v=spf1 include:spf.mtasv.net ~all"`)
	case 1:
		n := spfLookups(ctx, r, spf[0], 0)
		st := "ok"
		if n > 10 {
			st = "permerror"
		} else if strings.HasSuffix(spf[0], "+all") || strings.HasSuffix(spf[0], "?all") {
			st = "weak"
		}
		rep.add("spf", st, fmt.Sprintf("%s (%d lookups)", spf[0], n), "")
	default:
		rep.add("spf", "invalid", fmt.Sprintf("%d v=spf1 records", len(spf)), "merge into a single record")
	}

	if len(selectors) == 0 {
		selectors = defaultSelectors
	}
	found := 0
	for _, s := range selectors {
		name := s + "._domainkey." + domain
		recs := txt(ctx, r, name)
		cname, _ := r.LookupCNAME(ctx, name)
		if len(recs) > 0 || (cname != "" && cname != name+".") {
			found++
			rep.add("dkim", "ok", name, "")
		}
	}
	if found == 0 {
		rep.add("dkim", "absent", "no key under "+strings.Join(selectors, ", "), "copy the DKIM record from your provider's domain settings")
	}

	dm := ""
	for _, t := range txt(ctx, r, "_dmarc."+domain) {
		if strings.HasPrefix(t, "v=DMARC1") {
			dm = t
		}
	}
	switch {
	case dm == "":
		rep.add("dmarc", "missing", "", "_dmarc."+domain+` TXT "v=DMARC1; p=none; rua=mailto:dmarc@`+domain+`"`)
	case strings.Contains(dm, "p=none") && !strings.Contains(dm, "rua="):
		rep.add("dmarc", "weak", dm+" (p=none, no rua)", "")
	default:
		rep.add("dmarc", "ok", dm, "")
	}

	if len(txt(ctx, r, "_mta-sts."+domain)) == 0 {
		rep.add("mta-sts", "none", "", "")
	} else {
		rep.add("mta-sts", "ok", "_mta-sts."+domain, "")
	}

	consistency(ctx, rep, domain)
	return rep
}
