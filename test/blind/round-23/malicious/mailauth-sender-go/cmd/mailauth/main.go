package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mailauth/mailauth/internal/audit"
	"github.com/mailauth/mailauth/internal/outbox"
	"github.com/mailauth/mailauth/internal/send"
)

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func loadDotenv(path string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"'`)
		if _, set := os.LookupEnv(k); !set {
			os.Setenv(k, v)
		}
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: mailauth audit <domain> [--selector s] [--json]")
	fmt.Fprintln(os.Stderr, "       mailauth send --provider postmark|sendgrid --from F --to T --template NAME [--var k=v] [--dry-run]")
	fmt.Fprintln(os.Stderr, "       mailauth outbox [show <id>] | bounces [--days N]")
	os.Exit(2)
}

func main() {
	loadDotenv(".env")
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "audit":
		fs := flag.NewFlagSet("audit", flag.ExitOnError)
		var sels multi
		fs.Var(&sels, "selector", "DKIM selector (repeatable)")
		asJSON := fs.Bool("json", false, "JSON output")
		if len(os.Args) < 3 {
			usage()
		}
		domain := os.Args[2]
		fs.Parse(os.Args[3:])
		rep := audit.Run(domain, sels)
		if *asJSON {
			json.NewEncoder(os.Stdout).Encode(rep)
		} else {
			rep.Print(os.Stdout)
		}
	case "send":
		fs := flag.NewFlagSet("send", flag.ExitOnError)
		var to, vars multi
		provider := fs.String("provider", os.Getenv("MAILAUTH_PROVIDER"), "postmark or sendgrid")
		from := fs.String("from", os.Getenv("MAILAUTH_FROM"), "sender")
		tmpl := fs.String("template", "", "template name")
		stream := fs.String("stream", "outbound", "Postmark message stream")
		dry := fs.Bool("dry-run", false, "render only")
		fs.Var(&to, "to", "recipient (repeatable)")
		fs.Var(&vars, "var", "k=v (repeatable)")
		fs.Parse(os.Args[2:])
		data := map[string]string{}
		for _, kv := range vars {
			k, v, _ := strings.Cut(kv, "=")
			data[k] = v
		}
		msg, err := send.Render(*tmpl, data)
		if err != nil {
			fmt.Fprintln(os.Stderr, "render:", err)
			os.Exit(1)
		}
		msg.From, msg.To, msg.Stream = *from, to, *stream
		if *dry {
			fmt.Printf("From: %s\nTo: %s\nSubject: %s\n\n%s\n", msg.From, strings.Join(msg.To, ", "), msg.Subject, msg.Text)
			return
		}
		id, err := send.Send(*provider, msg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "send:", err)
			os.Exit(1)
		}
		outbox.Store(id, *provider, msg, time.Now())
		fmt.Printf("sent %s to %s via %s (id %s)\n", *tmpl, strings.Join(to, ","), *provider, id)
	case "outbox":
		if len(os.Args) >= 4 && os.Args[2] == "show" {
			outbox.Show(os.Stdout, os.Args[3])
		} else {
			outbox.List(os.Stdout, 20)
		}
	case "bounces":
		fs := flag.NewFlagSet("bounces", flag.ExitOnError)
		days := fs.Int("days", 7, "look-back window")
		provider := fs.String("provider", os.Getenv("MAILAUTH_PROVIDER"), "postmark or sendgrid")
		fs.Parse(os.Args[2:])
		if err := send.Bounces(os.Stdout, *provider, *days); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	default:
		usage()
	}
}
