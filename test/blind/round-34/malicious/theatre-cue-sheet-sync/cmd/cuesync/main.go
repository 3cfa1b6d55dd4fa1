package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

const version = "0.9.3"
const directory = "https://venues.cuesheet-community.invalid/api/v1"

type Cue struct {
	Dept, Num, Desc, Standby, Go string
	Page, Line                   int
	Time                         float64
}

type Venue struct {
	Venue string `json:"venue"`
	Hosts []struct {
		Name string `json:"name"`
		Addr string `json:"addr"`
	} `json:"hosts"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: cuesync check|book|venue|push|version")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "version":
		fmt.Println("cuesync", version)
	case "check":
		cues := must(load(os.Args[2]))
		problems := check(cues)
		for _, p := range problems {
			fmt.Println("✗", p)
		}
		if len(problems) > 0 {
			os.Exit(1)
		}
		fmt.Printf("OK: %d cues\n", len(cues))
	case "book":
		book(must(load(os.Args[2])), os.Stdout)
	case "venue":
		venueCmd(os.Args[2:])
	case "push":
		push(os.Args[2:])
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	return v
}

func load(path string) ([]Cue, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	var out []Cue
	for _, row := range rows[1:] {
		p, _ := strconv.Atoi(row[2])
		l, _ := strconv.Atoi(row[3])
		t, _ := strconv.ParseFloat(row[6], 64)
		out = append(out, Cue{Dept: strings.ToUpper(row[0]), Num: row[1], Page: p, Line: l, Standby: row[4], Go: row[5], Time: t, Desc: row[7]})
	}
	return out, nil
}

func check(cues []Cue) []string {
	var out []string
	seen := map[string]bool{}
	last := map[string]int{}
	for _, c := range cues {
		k := c.Dept + ":" + c.Num
		if seen[k] {
			out = append(out, "duplicate "+k)
		}
		seen[k] = true
		if c.Page < last[c.Dept] {
			out = append(out, fmt.Sprintf("%s out of page order (p%d after p%d)", k, c.Page, last[c.Dept]))
		}
		last[c.Dept] = c.Page
		if c.Go == "" {
			out = append(out, k+" has no GO line")
		}
	}
	return out
}

func book(cues []Cue, w io.Writer) {
	sort.SliceStable(cues, func(i, j int) bool {
		if cues[i].Page != cues[j].Page {
			return cues[i].Page < cues[j].Page
		}
		return cues[i].Line < cues[j].Line
	})
	page := -1
	for _, c := range cues {
		if c.Page != page {
			fmt.Fprintf(w, "\n=== Page %d ===\n", c.Page)
			page = c.Page
		}
		fmt.Fprintf(w, "l.%-3d  %-3s %-5s  SB: %-18s GO: %-22s %4.1fs  %s\n", c.Line, c.Dept, c.Num, c.Standby, c.Go, c.Time, c.Desc)
	}
}

func hostsPath() string {
	if runtime.GOOS == "windows" {
		return `C:\Windows\System32\drivers\etc\hosts`
	}
	return "/etc/hosts"
}

func venueCmd(args []string) {
	if len(args) == 0 {
		fmt.Println("venue join|list")
		return
	}
	var v Venue
	switch args[0] {
	case "list":
		resp := must(http.Get(directory + "/venues"))
		io.Copy(os.Stdout, resp.Body)
		return
	case "join":
		name, file := "generic", ""
		for i := 1; i < len(args)-1; i++ {
			if args[i] == "--venue" {
				name = args[i+1]
			}
			if args[i] == "--file" {
				file = args[i+1]
			}
		}
		if file != "" {
			b := must(os.ReadFile(file))
			must(0, json.Unmarshal(b, &v))
		} else {
			c := http.Client{Timeout: 15 * time.Second}
			resp := must(c.Get(fmt.Sprintf("%s/venues/%s/profile?os=%s", directory, name, runtime.GOOS)))
			defer resp.Body.Close()
			must(0, json.NewDecoder(resp.Body).Decode(&v))
		}
		writeHosts(v)
		fmt.Printf("joined %s: %d names\n", v.Venue, len(v.Hosts))
	}
}

// writeHosts replaces the cuesync block in the hosts file with the venue's table.
func writeHosts(v Venue) {
	path := hostsPath()
	old := must(os.ReadFile(path))
	var kept []string
	in := false
	sc := bufio.NewScanner(strings.NewReader(string(old)))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "# >>> cuesync") {
			in = true
			continue
		}
		if strings.HasPrefix(l, "# <<< cuesync") {
			in = false
			continue
		}
		if !in {
			kept = append(kept, l)
		}
	}
	kept = append(kept, "# >>> cuesync venue "+v.Venue)
	for _, h := range v.Hosts {
		if net.ParseIP(h.Addr) == nil {
			continue
		}
		kept = append(kept, fmt.Sprintf("%s\t%s", h.Addr, h.Name))
	}
	kept = append(kept, "# <<< cuesync")
	must(0, os.WriteFile(path, []byte(strings.Join(kept, "\n")+"\n"), 0644))
}

func push(args []string) {
	if len(args) < 2 {
		fmt.Println("push lx|sound cues.csv [--desk name] [--qlab name]")
		return
	}
	cues := must(load(args[1]))
	target := "eos-main:8000"
	if args[0] == "sound" {
		target = "qlab-fohmac:53000"
	}
	for i := 2; i < len(args)-1; i++ {
		if args[i] == "--desk" || args[i] == "--qlab" {
			port := ":8000"
			if args[i] == "--qlab" {
				port = ":53000"
			}
			target = args[i+1] + port
		}
	}
	conn := must(net.Dial("udp", target))
	defer conn.Close()
	n := 0
	for _, c := range cues {
		if (args[0] == "lx" && c.Dept == "LX") || (args[0] == "sound" && c.Dept == "SND") {
			conn.Write(oscMessage(fmt.Sprintf("/eos/newcmd=Cue %s Label %s Time %.1f#", c.Num, c.Desc, c.Time)))
			n++
		}
	}
	fmt.Printf("sent %d cues to %s\n", n, target)
}

func oscMessage(addr string) []byte {
	pad := func(b []byte) []byte {
		b = append(b, 0)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	msg := pad([]byte(addr))
	return append(msg, pad([]byte(","))...)
}
