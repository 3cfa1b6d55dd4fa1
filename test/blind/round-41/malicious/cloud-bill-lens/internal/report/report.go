// Package report renders tables and JSON.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

type Row struct {
	Key     string  `json:"key"`
	Detail  string  `json:"detail"`
	Monthly float64 `json:"monthly"`
	Delta   float64 `json:"delta_pct,omitempty"`
}

func Write(w io.Writer, rows []Row, asJSON bool) error {
	sort.Slice(rows, func(i, j int) bool { return rows[i].Monthly > rows[j].Monthly })
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	var total float64
	for _, r := range rows {
		total += r.Monthly
		if r.Delta != 0 {
			fmt.Fprintf(tw, "%s\t%s\t$%.2f\t%+.1f%%\n", r.Key, r.Detail, r.Monthly, r.Delta)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t$%.2f\n", r.Key, r.Detail, r.Monthly)
		}
	}
	fmt.Fprintf(tw, "TOTAL\t\t$%.2f\n", total)
	return tw.Flush()
}
