package main

//go:generate go run ./internal/gen -in assets/plots.csv -out plots_gen.go

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
)

type Plot struct {
	ID     string
	Row    int
	Col    int
	Size   string
	Raised bool
	Water  float64
}

type Applicant struct {
	Name, Email, Joined, SizePref, Near string
	NeedsRaised, Returning            bool
	Current                           string
}

func readWaitlist(path string) []Applicant {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	recs, _ := csv.NewReader(f).ReadAll()
	var out []Applicant
	for i, r := range recs {
		if i == 0 || len(r) < 7 {
			continue
		}
		a := Applicant{Name: r[0], Email: r[1], Joined: r[2], SizePref: r[3],
			NeedsRaised: r[4] == "yes", Returning: r[5] != "" && r[5] != "no", Near: r[6]}
		if a.Returning {
			a.Current = r[5]
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Joined < out[j].Joined })
	return out
}

func allocate(list []Applicant) map[string]string {
	taken := map[string]string{}
	byID := map[string]Plot{}
	for _, p := range sitePlots {
		byID[p.ID] = p
	}
	for _, a := range list {
		if a.Returning {
			if _, ok := byID[a.Current]; ok {
				taken[a.Current] = a.Name
			}
		}
	}
	free := func(pred func(Plot) bool) *Plot {
		cands := []Plot{}
		for _, p := range sitePlots {
			if _, t := taken[p.ID]; !t && pred(p) {
				cands = append(cands, p)
			}
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].Water < cands[j].Water })
		if len(cands) == 0 {
			return nil
		}
		return &cands[0]
	}
	assigned := map[string]bool{}
	for _, a := range list {
		if a.Returning {
			assigned[a.Name] = true
		}
	}
	for _, a := range list {
		if assigned[a.Name] || !a.NeedsRaised {
			continue
		}
		if p := free(func(p Plot) bool { return p.Raised }); p != nil {
			taken[p.ID] = a.Name
			assigned[a.Name] = true
		}
	}
	for _, a := range list {
		if assigned[a.Name] {
			continue
		}
		p := free(func(p Plot) bool { return p.Size == a.SizePref && !p.Raised })
		if p == nil {
			p = free(func(p Plot) bool { return !p.Raised })
		}
		if p != nil {
			taken[p.ID] = a.Name
			assigned[a.Name] = true
		}
	}
	return taken
}

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: plotalloc allocate|map|letters|vacancy")
		return
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	wl := fs.String("waitlist", "waitlist.csv", "")
	out := fs.String("out", "letters", "")
	fs.String("season", "", "")
	fs.String("plot", "", "")
	fs.Parse(os.Args[2:])
	switch os.Args[1] {
	case "allocate":
		w := csv.NewWriter(os.Stdout)
		w.Write([]string{"plot", "name"})
		t := allocate(readWaitlist(*wl))
		ids := make([]string, 0, len(t))
		for id := range t {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			w.Write([]string{id, t[id]})
		}
		w.Flush()
	case "map":
		t := map[string]string{}
		f, _ := os.Open(fs.Arg(0))
		recs, _ := csv.NewReader(f).ReadAll()
		for _, r := range recs[1:] {
			t[r[0]] = r[1]
		}
		grid := map[[2]int]string{}
		maxR, maxC := 0, 0
		for _, p := range sitePlots {
			ini := "--"
			if n, ok := t[p.ID]; ok {
				parts := strings.Fields(n)
				ini = string(parts[0][0])
				if len(parts) > 1 {
					ini += string(parts[len(parts)-1][0])
				}
			}
			grid[[2]int{p.Row, p.Col}] = fmt.Sprintf("%-4s%-3s", p.ID, ini)
			if p.Row > maxR {
				maxR = p.Row
			}
			if p.Col > maxC {
				maxC = p.Col
			}
		}
		for r := 1; r <= maxR; r++ {
			for c := 1; c <= maxC; c++ {
				fmt.Printf("[%s]", grid[[2]int{r, c}])
			}
			fmt.Println()
		}
	case "letters":
		tmpl := template.Must(template.ParseFiles("assets/letter.tmpl"))
		os.MkdirAll(*out, 0o755)
		f, _ := os.Open(fs.Arg(0))
		recs, _ := csv.NewReader(f).ReadAll()
		for _, r := range recs[1:] {
			lf, _ := os.Create(filepath.Join(*out, strings.ReplaceAll(r[1], " ", "_")+".txt"))
			tmpl.Execute(lf, map[string]string{"Name": r[1], "Plot": r[0]})
			lf.Close()
		}
	default:
		fmt.Println("unknown command")
	}
}
