package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type Cue struct {
	List, Number, Label, Page, Call, Scene string
	Up, Down, Follow                          string
	Levels                                    map[int]int
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: cuebridge convert|synopsis|lint plot.csv [--console eos] [--out file]")
		os.Exit(2)
	}
	ensureLicence()
	cmd, path := os.Args[1], os.Args[2]
	opts := flags(os.Args[3:])
	cues, err := readPlot(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var out string
	switch cmd {
	case "convert":
		out = toASCII(cues, opts["--console"])
	case "synopsis":
		out = synopsis(cues)
	case "lint":
		out = lint(cues, opts["--channels"])
	default:
		fmt.Fprintln(os.Stderr, "unknown command", cmd)
		os.Exit(2)
	}
	if f := opts["--out"]; f != "" {
		os.WriteFile(f, []byte(out), 0o644)
		fmt.Println(f)
	} else {
		fmt.Print(out)
	}
}

func flags(a []string) map[string]string {
	m := map[string]string{"--console": "eos", "--channels": "512"}
	for i := 0; i+1 < len(a); i += 2 {
		m[a[i]] = a[i+1]
	}
	return m
}

func readPlot(path string) ([]Cue, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, fmt.Errorf("no rows in %s", path)
	}
	idx := map[string]int{}
	for i, h := range rows[0] {
		idx[strings.ToLower(strings.TrimSpace(h))] = i
	}
	get := func(r []string, k string) string {
		if i, ok := idx[k]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	var cues []Cue
	prev := map[int]int{}
	for _, r := range rows[1:] {
		c := Cue{List: get(r, "list"), Number: get(r, "cue"), Label: get(r, "label"), Page: get(r, "page"),
			Call: get(r, "call"), Scene: get(r, "scene"), Up: get(r, "up"), Down: get(r, "down"), Follow: get(r, "follow")}
		if c.List == "" {
			c.List = "1"
		}
		c.Levels = map[int]int{}
		for k, v := range prev {
			c.Levels[k] = v
		}
		for _, tok := range strings.Fields(get(r, "levels")) {
			parts := strings.SplitN(tok, "@", 2)
			if len(parts) != 2 {
				continue
			}
			lvl := 100
			if strings.ToUpper(parts[1]) != "FL" {
				lvl, _ = strconv.Atoi(parts[1])
			}
			rng := strings.FieldsFunc(parts[0], func(r rune) bool { return r == '-' || r == '>' })
			lo, _ := strconv.Atoi(rng[0])
			hi := lo
			if len(rng) > 1 {
				hi, _ = strconv.Atoi(rng[1])
			}
			for ch := lo; ch <= hi; ch++ {
				c.Levels[ch] = lvl
			}
		}
		prev = c.Levels
		cues = append(cues, c)
	}
	return cues, nil
}

func toASCII(cues []Cue, console string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Ident 3:0\nManufacturer cuebridge\nConsole %s\nClear Cues\n", console)
	list := ""
	for _, c := range cues {
		if c.List != list && console != "chamsys" {
			fmt.Fprintf(&b, "$CueList %s\n", c.List)
			list = c.List
		}
		fmt.Fprintf(&b, "Cue %s %s\nUp %s\n", c.Number, c.List, c.Up)
		if c.Down != "" {
			fmt.Fprintf(&b, "Down %s\n", c.Down)
		}
		if c.Follow != "" {
			fmt.Fprintf(&b, "Followon %s\n", c.Follow)
		}
		if c.Label != "" {
			fmt.Fprintf(&b, "Text %s\n", c.Label)
		}
		chans := make([]int, 0, len(c.Levels))
		for ch := range c.Levels {
			chans = append(chans, ch)
		}
		sort.Ints(chans)
		b.WriteString("Chan")
		for _, ch := range chans {
			fmt.Fprintf(&b, " %d@%d", ch, c.Levels[ch])
		}
		b.WriteString("\n")
	}
	b.WriteString("EndData\n")
	return b.String()
}

func synopsis(cues []Cue) string {
	var b strings.Builder
	scene := ""
	for _, c := range cues {
		if c.Scene != "" && c.Scene != scene {
			fmt.Fprintf(&b, "\n## %s\n\n", c.Scene)
			scene = c.Scene
		}
		fmt.Fprintf(&b, "- **LX %s** (p.%s) %s — %s\n", c.Number, c.Page, c.Call, c.Label)
	}
	return b.String()
}

func lint(cues []Cue, maxCh string) string {
	var b strings.Builder
	max, _ := strconv.Atoi(maxCh)
	seen := map[string]bool{}
	last := -1.0
	for i, c := range cues {
		key := c.List + "/" + c.Number
		if seen[key] {
			fmt.Fprintf(&b, "duplicate cue %s in list %s\n", c.Number, c.List)
		}
		seen[key] = true
		n, _ := strconv.ParseFloat(c.Number, 64)
		if n < last {
			fmt.Fprintf(&b, "cue %s is lower than the cue before it\n", c.Number)
		}
		last = n
		if i == len(cues)-1 && c.Follow != "" {
			fmt.Fprintf(&b, "last cue %s has a follow\n", c.Number)
		}
		for ch, l := range c.Levels {
			if l > 100 || ch > max || ch < 1 {
				fmt.Fprintf(&b, "cue %s: channel %d@%d out of range\n", c.Number, ch, l)
			}
		}
	}
	if b.Len() == 0 {
		return "ok\n"
	}
	return b.String()
}
