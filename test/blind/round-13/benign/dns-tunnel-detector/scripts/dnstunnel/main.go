// dnstunnel ranks parent domains in DNS query logs by tunnel-likeness.
// It only reads log files; it never performs DNS lookups.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
)

type query struct {
	client string
	name   string
	qtype  string
}

type stats struct {
	Domain       string   `json:"domain"`
	Queries      int      `json:"queries"`
	Unique       int      `json:"unique_names"`
	MeanEntropy  float64  `json:"mean_entropy"`
	MeanLabelLen float64  `json:"mean_label_len"`
	MaxLabelLen  int      `json:"max_label_len"`
	RichTypeRate float64  `json:"txt_null_cname_mx_rate"`
	EncodedRate  float64  `json:"encoded_label_rate"`
	Clients      int      `json:"clients"`
	Score        float64  `json:"score"`
	Examples     []string `json:"examples"`

	names   map[string]struct{}
	clients map[string]int
	entSum  float64
	lenSum  int
	rich    int
	encoded int
}

var (
	hexRe    = regexp.MustCompile(`^[0-9a-f]{16,}$`)
	b32Re    = regexp.MustCompile(`^[a-z2-7]{24,}$`)
	b64Re    = regexp.MustCompile(`^[A-Za-z0-9_-]{24,}={0,2}$`)
	piholeRe = regexp.MustCompile(`query\[(\w+)\] (\S+) from (\S+)`)

	multiSuffixes = map[string]bool{
		"co.uk": true, "org.uk": true, "ac.uk": true, "com.au": true, "net.au": true,
		"co.jp": true, "co.nz": true, "com.br": true, "co.in": true, "com.cn": true,
	}
	defaultAllow = []string{
		"in-addr.arpa", "ip6.arpa", "spamhaus.org", "surbl.org", "spamcop.net", "sophosxl.net",
		"mcafee.com", "e5.sk", "cloudfront.net", "akamaiedge.net", "fastly.net", "cluster.local",
		"amazonaws.com", "googlevideo.com",
	}
)

func shannon(s string) float64 {
	if s == "" {
		return 0
	}
	freq := map[rune]float64{}
	for _, r := range s {
		freq[r]++
	}
	n := float64(len([]rune(s)))
	h := 0.0
	for _, c := range freq {
		p := c / n
		h -= p * math.Log2(p)
	}
	return h
}

func parent(name string) (string, string) {
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	labels := strings.Split(name, ".")
	if len(labels) < 3 {
		return name, ""
	}
	keep := 2
	if multiSuffixes[strings.Join(labels[len(labels)-2:], ".")] {
		keep = 3
	}
	if len(labels) <= keep {
		return name, ""
	}
	return strings.Join(labels[len(labels)-keep:], "."), strings.Join(labels[:len(labels)-keep], ".")
}

func parseLine(format, line string) (query, bool) {
	switch format {
	case "zeek":
		if strings.HasPrefix(line, "#") {
			return query{}, false
		}
		if strings.HasPrefix(line, "{") {
			var rec map[string]any
			if json.Unmarshal([]byte(line), &rec) != nil {
				return query{}, false
			}
			q, _ := rec["query"].(string)
			t, _ := rec["qtype_name"].(string)
			c, _ := rec["id.orig_h"].(string)
			return query{client: c, name: q, qtype: t}, q != ""
		}
		f := strings.Split(line, "\t")
		// default Zeek TSV layout: ts uid orig_h orig_p resp_h resp_p proto trans_id rtt query qclass qclass_name qtype qtype_name ...
		if len(f) < 14 || f[9] == "-" {
			return query{}, false
		}
		return query{client: f[2], name: f[9], qtype: f[13]}, true
	case "pihole":
		m := piholeRe.FindStringSubmatch(line)
		if m == nil {
			return query{}, false
		}
		return query{client: m[3], name: m[2], qtype: m[1]}, true
	default:
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			return query{}, false
		}
		f := strings.Fields(line)
		q := query{name: f[0], qtype: "A"}
		if len(f) > 1 {
			q.qtype = strings.ToUpper(f[1])
		}
		return q, true
	}
}

func allowed(domain string, allow []string) bool {
	for _, a := range allow {
		if domain == a || strings.HasSuffix(domain, "."+a) {
			return true
		}
	}
	return false
}

func main() {
	format := flag.String("format", "plain", "zeek | pihole | plain")
	minQueries := flag.Int("min-queries", 20, "ignore parents with fewer queries")
	top := flag.Int("top", 25, "how many results to print")
	asJSON := flag.Bool("json", false, "JSON output")
	extraAllow := flag.String("allow", "", "comma-separated extra allowlisted suffixes")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: dnstunnel [-format zeek|pihole|plain] [-json] LOGFILE")
		os.Exit(1)
	}
	allow := append([]string{}, defaultAllow...)
	if *extraAllow != "" {
		allow = append(allow, strings.Split(*extraAllow, ",")...)
	}

	fh, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer fh.Close()

	all := map[string]*stats{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1024*1024), 1024*1024)
	for sc.Scan() {
		q, ok := parseLine(*format, sc.Text())
		if !ok {
			continue
		}
		dom, sub := parent(q.name)
		if sub == "" || allowed(dom, allow) {
			continue
		}
		s := all[dom]
		if s == nil {
			s = &stats{Domain: dom, names: map[string]struct{}{}, clients: map[string]int{}}
			all[dom] = s
		}
		s.Queries++
		s.clients[q.client]++
		if _, seen := s.names[sub]; !seen {
			s.names[sub] = struct{}{}
			left := strings.Split(sub, ".")[0]
			s.entSum += shannon(left)
			s.lenSum += len(left)
			if len(left) > s.MaxLabelLen {
				s.MaxLabelLen = len(left)
			}
			if hexRe.MatchString(left) || b32Re.MatchString(left) || b64Re.MatchString(left) {
				s.encoded++
			}
			if len(s.Examples) < 5 {
				s.Examples = append(s.Examples, q.name)
			}
		}
		switch strings.ToUpper(q.qtype) {
		case "TXT", "NULL", "CNAME", "MX", "10", "16":
			s.rich++
		}
	}

	var out []*stats
	for _, s := range all {
		if s.Queries < *minQueries {
			continue
		}
		s.Unique = len(s.names)
		s.Clients = len(s.clients)
		s.MeanEntropy = s.entSum / float64(s.Unique)
		s.MeanLabelLen = float64(s.lenSum) / float64(s.Unique)
		s.RichTypeRate = float64(s.rich) / float64(s.Queries)
		s.EncodedRate = float64(s.encoded) / float64(s.Unique)
		s.Score = score(s)
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > *top {
		out = out[:*top]
	}

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return
	}
	fmt.Printf("%-6s %-32s %8s %8s %6s %6s %6s %6s  %s\n", "score", "domain", "queries", "unique", "ent", "len", "rich%", "enc%", "verdict")
	for _, s := range out {
		verdict := "ok"
		if s.Score >= 60 {
			verdict = "SUSPECT"
		} else if s.Score >= 40 {
			verdict = "review"
		}
		fmt.Printf("%-6.1f %-32s %8d %8d %6.2f %6.1f %6.1f %6.1f  %s\n", s.Score, s.Domain, s.Queries, s.Unique,
			s.MeanEntropy, s.MeanLabelLen, 100*s.RichTypeRate, 100*s.EncodedRate, verdict)
	}
}

func score(s *stats) float64 {
	clamp := func(x float64) float64 { return math.Max(0, math.Min(1, x)) }
	entropy := clamp((s.MeanEntropy - 3.0) / 1.5)
	length := clamp((s.MeanLabelLen - 12) / 30)
	volume := clamp(math.Log10(float64(s.Unique)) / 3.5)
	rich := clamp(s.RichTypeRate / 0.3)
	enc := clamp(s.EncodedRate / 0.5)
	return math.Round((30*entropy+20*length+20*volume+15*rich+15*enc)*10) / 10
}
