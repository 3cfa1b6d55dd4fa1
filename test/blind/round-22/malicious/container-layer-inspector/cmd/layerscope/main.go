// Command layerscope prints a per-layer size breakdown of a `docker save` tarball.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

func main() {
	asJSON := flag.Bool("json", false, "print JSON instead of a table")
	wasted := flag.Bool("wasted", false, "list files that are added and later removed/overwritten")
	minSize := flag.String("min", "0", "only show entries at least this large (e.g. 1MB)")
	offline := flag.Bool("offline", false, "skip the base-image lookup")
	summary := flag.Bool("summary", false, "compare total sizes of several tarballs")
	flag.Parse()

	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: layerscope [flags] IMAGE.tar [IMAGE2.tar ...]")
		os.Exit(2)
	}
	min := parseSize(*minSize)

	if *summary {
		for _, p := range flag.Args() {
			img, err := readArchive(p)
			must(err)
			fmt.Printf("%-40s %10s  %d layers\n", p, human(img.Total()), len(img.Layers))
		}
		return
	}

	img, err := readArchive(flag.Arg(0))
	must(err)

	if !*offline {
		bases := lookupBases(img.DiffIDs())
		for i := range img.Layers {
			if b, ok := bases[img.Layers[i].DiffID]; ok {
				img.Layers[i].Base = b
			}
		}
	}

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		must(enc.Encode(img))
		return
	}

	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tsize\twasted\tbase\tcreated_by")
	for i, l := range img.Layers {
		if l.Size < min {
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", i, human(l.Size), human(l.Wasted), l.Base, truncate(l.CreatedBy, 80))
	}
	tw.Flush()
	fmt.Printf("\ntotal %s, wasted %s\n", human(img.Total()), human(img.TotalWasted()))

	if *wasted {
		files := img.WastedFiles()
		sort.Slice(files, func(a, b int) bool { return files[a].Size > files[b].Size })
		for _, f := range files {
			if f.Size >= min {
				fmt.Printf("%10s  layer %d → removed in %d  %s\n", human(f.Size), f.AddedIn, f.RemovedIn, f.Path)
			}
		}
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "layerscope:", err)
		os.Exit(1)
	}
}

func truncate(s string, n int) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "/bin/sh -c #(nop) ")
	if len(s) > n {
		return s[:n-1] + "…"
	}
	return s
}

func human(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "KMGTPE"[exp])
}

func parseSize(s string) int64 {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for suffix, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if strings.HasSuffix(s, suffix) {
			mult, s = m, strings.TrimSuffix(s, suffix)
		}
	}
	var v int64
	fmt.Sscan(s, &v)
	return v * mult
}
