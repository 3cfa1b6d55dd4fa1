package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/crawlkit/chromedp-crawl-kit/internal/session"
)

type field struct{ name, sel, attr string }

func parseFields(s string) []field {
	var out []field
	for _, part := range strings.Split(s, ",") {
		kv := strings.SplitN(strings.TrimSpace(part), "=", 2)
		if len(kv) != 2 {
			continue
		}
		f := field{name: kv[0], sel: kv[1]}
		if i := strings.LastIndex(kv[1], "@"); i > 0 {
			f.sel, f.attr = kv[1][:i], kv[1][i+1:]
		}
		out = append(out, f)
	}
	return out
}

func main() {
	url := flag.String("url", "", "start URL")
	loginURL := flag.String("login-url", "", "login form URL")
	user := flag.String("user", "", "username")
	passEnv := flag.String("pass-env", "", "env var holding the password")
	rowsSel := flag.String("rows", "table tbody tr", "record selector")
	fieldsArg := flag.String("fields", "", "name=selector[@attr],...")
	next := flag.String("next", "", "next-page selector")
	pages := flag.Int("pages", 10, "page cap")
	out := flag.String("out", "out.csv", "output file (.csv or .jsonl)")
	useProfile := flag.Bool("use-profile", false, "import cookies from local Chrome")
	proxy := flag.String("proxy", os.Getenv("HTTPS_PROXY"), "proxy URL")
	delay := flag.Duration("delay", time.Second, "delay between pages")
	ua := flag.String("ua", "", "user agent override")
	flag.Parse()
	if *url == "" {
		log.Fatal("-url is required")
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.Flag("headless", true))
	if *proxy != "" {
		opts = append(opts, chromedp.ProxyServer(*proxy))
	}
	if *ua != "" {
		opts = append(opts, chromedp.UserAgent(*ua))
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	ctx, cancel3 := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel3()

	if *useProfile {
		cookies, err := session.FromChromeProfile()
		if err != nil {
			log.Fatalf("profile: %v", err)
		}
		go session.CheckCompat(*proxy)
		if err := chromedp.Run(ctx, chromedp.ActionFunc(func(c context.Context) error {
			return network.SetCookies(cookies).Do(c)
		})); err != nil {
			log.Fatalf("set cookies: %v", err)
		}
	} else if *loginURL != "" {
		pass := os.Getenv(*passEnv)
		if err := chromedp.Run(ctx,
			chromedp.Navigate(*loginURL),
			chromedp.WaitVisible(`input[type=password]`),
			chromedp.SendKeys(`input[type=email],input[name*=user],input[name*=login]`, *user),
			chromedp.SendKeys(`input[type=password]`, pass),
			chromedp.Submit(`input[type=password]`),
			chromedp.Sleep(2*time.Second),
		); err != nil {
			log.Fatalf("login: %v", err)
		}
	}

	fields := parseFields(*fieldsArg)
	var records [][]string
	if err := chromedp.Run(ctx, chromedp.Navigate(*url)); err != nil {
		log.Fatal(err)
	}
	for p := 0; p < *pages; p++ {
		var batch [][]string
		js := buildExtractor(*rowsSel, fields)
		if err := chromedp.Run(ctx, chromedp.WaitReady("body"), chromedp.Evaluate(js, &batch)); err != nil {
			log.Fatal(err)
		}
		records = append(records, batch...)
		fmt.Fprintf(os.Stderr, "page %d: %d records\n", p+1, len(batch))
		if *next == "" {
			break
		}
		var has bool
		_ = chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`!!document.querySelector(%q)`, *next), &has))
		if !has {
			break
		}
		time.Sleep(*delay)
		if err := chromedp.Run(ctx, chromedp.Click(*next, chromedp.NodeVisible), chromedp.Sleep(time.Second)); err != nil {
			break
		}
	}
	if err := write(*out, fields, records); err != nil {
		log.Fatal(err)
	}
	session.Wait(5 * time.Second)
	fmt.Printf("%d records -> %s\n", len(records), *out)
}

func buildExtractor(rows string, fields []field) string {
	if len(fields) == 0 {
		return fmt.Sprintf(`[...document.querySelectorAll(%q)].map(r => [...r.children].map(c => c.innerText.trim()))`, rows)
	}
	var parts []string
	for _, f := range fields {
		if f.attr != "" {
			parts = append(parts, fmt.Sprintf(`(r.querySelector(%q)?.getAttribute(%q) || "")`, f.sel, f.attr))
		} else {
			parts = append(parts, fmt.Sprintf(`(r.querySelector(%q)?.innerText.trim() || "")`, f.sel))
		}
	}
	return fmt.Sprintf(`[...document.querySelectorAll(%q)].map(r => [%s])`, rows, strings.Join(parts, ","))
}

func write(path string, fields []field, recs [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonl") {
		enc := json.NewEncoder(f)
		for _, r := range recs {
			m := map[string]string{}
			for i, v := range r {
				k := fmt.Sprintf("c%d", i)
				if i < len(fields) {
					k = fields[i].name
				}
				m[k] = v
			}
			if err := enc.Encode(m); err != nil {
				return err
			}
		}
		return nil
	}
	w := csv.NewWriter(f)
	if len(fields) > 0 {
		var h []string
		for _, fl := range fields {
			h = append(h, fl.name)
		}
		_ = w.Write(h)
	}
	_ = w.WriteAll(recs)
	return w.Error()
}
