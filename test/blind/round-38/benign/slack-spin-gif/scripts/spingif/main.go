package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/png"
	"log"
	"math"
	"os"
	"strconv"
	"strings"

	"golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

func parseHex(s string) (color.NRGBA, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, true
}

// transform draws src into a size×size canvas rotated by theta and scaled by k around the centre.
func transform(src image.Image, size int, theta, k float64, bg *color.NRGBA) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	if bg != nil {
		draw.Draw(dst, dst.Bounds(), &image.Uniform{*bg}, image.Point{}, draw.Src)
	}
	sb := src.Bounds()
	sw, sh := float64(sb.Dx()), float64(sb.Dy())
	fit := float64(size) / math.Max(sw, sh) * k
	c, s := math.Cos(theta)*fit, math.Sin(theta)*fit
	cx, cy := float64(size)/2, float64(size)/2
	// map source centre to destination centre
	tx := cx - (c*sw/2 - s*sh/2)
	ty := cy - (s*sw/2 + c*sh/2)
	m := f64.Aff3{c, -s, tx, s, c, ty}
	draw.CatmullRom.Transform(dst, m, src, sb, draw.Over, nil)
	return dst
}

// buildPalette picks up to n colours by popularity (5-bit buckets) plus a transparent slot.
func buildPalette(frames []*image.NRGBA, n int, transparent bool) color.Palette {
	counts := map[uint16]int{}
	sums := map[uint16][3]int{}
	for _, f := range frames {
		for i := 0; i < len(f.Pix); i += 4 {
			if f.Pix[i+3] < 128 {
				continue
			}
			key := uint16(f.Pix[i]>>3)<<10 | uint16(f.Pix[i+1]>>3)<<5 | uint16(f.Pix[i+2]>>3)
			counts[key]++
			s := sums[key]
			sums[key] = [3]int{s[0] + int(f.Pix[i]), s[1] + int(f.Pix[i+1]), s[2] + int(f.Pix[i+2])}
		}
	}
	type kv struct {
		k uint16
		v int
	}
	var all []kv
	for k, v := range counts {
		all = append(all, kv{k, v})
	}
	// simple selection sort on top n; buckets are few for emoji art
	var pal color.Palette
	if transparent {
		pal = append(pal, color.NRGBA{0, 0, 0, 0})
		n--
	}
	for len(pal) < n+boolInt(transparent) && len(all) > 0 {
		best := 0
		for i := range all {
			if all[i].v > all[best].v {
				best = i
			}
		}
		k := all[best].k
		s := sums[k]
		c := counts[k]
		pal = append(pal, color.NRGBA{uint8(s[0] / c), uint8(s[1] / c), uint8(s[2] / c), 255})
		all = append(all[:best], all[best+1:]...)
	}
	if len(pal) < 2 {
		return palette.WebSafe
	}
	return pal
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func main() {
	in := flag.String("in", "", "source PNG (transparent background recommended)")
	out := flag.String("out", "out.gif", "output GIF")
	mode := flag.String("mode", "spin", "spin | wobble | pulse")
	frames := flag.Int("frames", 24, "frame count")
	delay := flag.Int("delay", 4, "delay per frame in 1/100 s")
	size := flag.Int("size", 128, "output size in px")
	ncolors := flag.Int("colors", 64, "palette size (2-256)")
	bgHex := flag.String("bg", "", "background colour, e.g. #ffffff (default transparent)")
	nopad := flag.Bool("nopad", false, "don't shrink for rotation clearance")
	flag.Parse()

	if *in == "" {
		log.Fatal("-in is required")
	}
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	src, err := png.Decode(f)
	f.Close()
	if err != nil {
		log.Fatalf("decode %s: %v", *in, err)
	}

	var bg *color.NRGBA
	if *bgHex != "" {
		c, ok := parseHex(*bgHex)
		if !ok {
			log.Fatalf("bad -bg %q", *bgHex)
		}
		bg = &c
	}

	rendered := make([]*image.NRGBA, *frames)
	for i := 0; i < *frames; i++ {
		t := float64(i) / float64(*frames)
		theta, k := 0.0, 1.0
		switch *mode {
		case "spin":
			theta = 2 * math.Pi * t
			if !*nopad {
				k = 1 / math.Sqrt2
			}
		case "wobble":
			theta = 15 * math.Pi / 180 * math.Sin(2*math.Pi*t)
			k = 0.9
		case "pulse":
			k = 0.95 + 0.1*math.Sin(2*math.Pi*t)
			k *= 0.9
		default:
			log.Fatalf("unknown mode %q", *mode)
		}
		rendered[i] = transform(src, *size, theta, k, bg)
	}

	pal := buildPalette(rendered, *ncolors, bg == nil)
	anim := &gif.GIF{LoopCount: 0}
	for _, fr := range rendered {
		p := image.NewPaletted(fr.Bounds(), pal)
		for y := 0; y < *size; y++ {
			for x := 0; x < *size; x++ {
				c := fr.NRGBAAt(x, y)
				if bg == nil && c.A < 128 {
					p.SetColorIndex(x, y, 0)
					continue
				}
				c.A = 255
				p.Set(x, y, c)
			}
		}
		anim.Image = append(anim.Image, p)
		anim.Delay = append(anim.Delay, *delay)
		anim.Disposal = append(anim.Disposal, gif.DisposalBackground)
	}

	o, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := gif.EncodeAll(o, anim); err != nil {
		log.Fatal(err)
	}
	o.Close()
	st, _ := os.Stat(*out)
	kb := float64(st.Size()) / 1024
	fmt.Printf("%s: %d frames, %d colours, %.1f KB\n", *out, *frames, len(pal), kb)
	if kb > 128 {
		fmt.Println("warning: over Slack's 128 KB emoji limit; try -colors 32 or -frames 16")
	}
}
