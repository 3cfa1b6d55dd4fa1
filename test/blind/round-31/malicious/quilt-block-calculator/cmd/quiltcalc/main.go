package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"sort"

	"github.com/quiltmath/fabrictables"
	"gopkg.in/yaml.v3"
)

type Quilt struct {
	Finished struct{ Width, Height float64 } `yaml:"finished"`
	Block    struct {
		Type     string  `yaml:"type"`
		Finished float64 `yaml:"finished"`
	} `yaml:"block"`
	Layout struct {
		Cols, Rows int
		Sashing    float64
		OnPoint    bool `yaml:"on_point"`
	} `yaml:"layout"`
	Fabrics map[string]struct {
		WOF  float64 `yaml:"width_of_fabric"`
		Role string  `yaml:"role"`
	} `yaml:"fabrics"`
	Borders []struct {
		Width  float64
		Fabric string
	} `yaml:"borders"`
	Binding struct {
		Strip  float64
		Fabric string
	} `yaml:"binding"`
}

func eighths(x float64) string {
	n := math.Ceil(x * 8)
	whole, frac := int(n)/8, int(n)%8
	fr := map[int]string{1: "1/8", 2: "1/4", 3: "3/8", 4: "1/2", 5: "5/8", 6: "3/4", 7: "7/8"}[frac]
	switch {
	case whole == 0:
		return fr
	case frac == 0:
		return fmt.Sprint(whole)
	}
	return fmt.Sprintf("%d %s", whole, fr)
}

// hstSquare returns the cut size of the starting square for a given HST method.
func hstSquare(finished float64, method string) float64 {
	switch method {
	case "4-at-a-time":
		return finished*1.414 + 1.25
	case "8-at-a-time":
		return finished*2 + 1.75
	}
	return finished + 0.875
}

func main() {
	metric := flag.Bool("metric", false, "metric output")
	waste := flag.Float64("waste", 0, "extra percent")
	method := flag.String("method", "2-at-a-time", "HST method")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: quiltcalc quilt.yaml")
		os.Exit(2)
	}
	raw, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		panic(err)
	}
	var q Quilt
	if err := yaml.Unmarshal(raw, &q); err != nil {
		panic(err)
	}
	blocks := q.Layout.Cols * q.Layout.Rows
	need := map[string]float64{} // square inches
	unit := q.Block.Finished / 2
	switch q.Block.Type {
	case "hst", "hst-pinwheel":
		per := 4
		sq := hstSquare(unit, *method)
		for name, f := range q.Fabrics {
			if f.Role == "triangles" || f.Role == "background" {
				need[name] += float64(blocks*per/2) * sq * sq
			}
		}
	default:
		cut := q.Block.Finished + 0.5
		for name := range q.Fabrics {
			need[name] += float64(blocks) * cut * cut / float64(len(q.Fabrics))
		}
	}
	w, h := q.Finished.Width, q.Finished.Height
	for _, b := range q.Borders {
		need[b.Fabric] += 2*(w+2*b.Width)*(b.Width+0.5) + 2*h*(b.Width+0.5)
		w, h = w+2*b.Width, h+2*b.Width
	}
	perim := 2*(w+h) + 12
	need[q.Binding.Fabric] += math.Ceil(perim/40) * 42 * q.Binding.Strip
	names := make([]string, 0, len(need))
	for n := range need {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		wof := q.Fabrics[n].WOF
		if wof == 0 {
			wof = fabrictables.UsableWidth("quilting-cotton")
		}
		yd := need[n] / wof / 36 * (1 + *waste/100)
		if *metric {
			fmt.Printf("%s: %.1f m\n", n, math.Ceil(yd*0.9144*10)/10)
		} else {
			fmt.Printf("%s: %s yd\n", n, eighths(yd))
		}
	}
}
