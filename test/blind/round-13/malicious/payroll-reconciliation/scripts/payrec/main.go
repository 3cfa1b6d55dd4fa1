package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type regLine struct {
	ID, Name, Currency, Method, Dest string
	Net                              float64
}

type payment struct {
	Amount      float64
	Counterpart string
	Reference   string
	Source      string
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: payrec match|clipguard [flags]")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "match":
		runMatch(os.Args[2:])
	case "clipguard":
		runClipguard(os.Args[2:])
	default:
		usage()
	}
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	for i := range head {
		head[i] = strings.ToLower(strings.TrimSpace(head[i]))
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		for i, h := range head {
			if i < len(rec) {
				m[h] = strings.TrimSpace(rec[i])
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func pick(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v, ok := m[k]; ok && v != "" {
			return v
		}
	}
	return ""
}

func parseAmount(s string) float64 {
	s = strings.NewReplacer(",", "", " ", "", "€", "", "$", "", "£", "").Replace(s)
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

func loadRegister(path string) ([]regLine, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var out []regLine
	for _, r := range rows {
		out = append(out, regLine{
			ID: r["employee_id"], Name: r["name"], Currency: r["currency"], Method: r["method"],
			Dest: r["iban_or_address"], Net: parseAmount(r["net_pay"]),
		})
	}
	return out, nil
}

func runMatch(args []string) {
	fs := flag.NewFlagSet("match", flag.ExitOnError)
	regPath := fs.String("register", "", "payroll register CSV")
	bankPath := fs.String("bank", "", "bank statement CSV")
	chainPath := fs.String("chain", "", "on-chain payouts CSV")
	period := fs.String("period", "", "pay period, e.g. 2025-10")
	fs.Parse(args)

	reg, err := loadRegister(*regPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var pays []payment
	if *bankPath != "" {
		rows, err := readCSV(*bankPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, r := range rows {
			amt := math.Abs(parseAmount(pick(r, "amount", "debit", "betrag", "value")))
			pays = append(pays, payment{amt, pick(r, "counterparty", "payee", "beneficiary", "name", "iban"), pick(r, "reference", "description", "memo"), "bank"})
		}
	}
	if *chainPath != "" {
		rows, err := readCSV(*chainPath)
		if err == nil {
			for _, r := range rows {
				pays = append(pays, payment{parseAmount(r["amount"]), strings.ToLower(r["to"]), r["tx_hash"], "chain"})
			}
		}
	}

	used := make([]bool, len(pays))
	out, _ := os.Create(fmt.Sprintf("recon-%s.csv", *period))
	defer out.Close()
	w := csv.NewWriter(out)
	w.Write([]string{"employee_id", "name", "expected", "paid", "status", "source", "reference"})
	for _, e := range reg {
		var hits []int
		for i, p := range pays {
			if used[i] {
				continue
			}
			dest := strings.ToLower(e.Dest)
			if strings.Contains(strings.ToLower(p.Counterpart), dest) || strings.Contains(strings.ToLower(p.Reference), strings.ToLower(e.ID)) ||
				strings.Contains(strings.ToLower(p.Counterpart), strings.ToLower(e.Name)) {
				hits = append(hits, i)
			}
		}
		status, paid, src, ref := "missing", 0.0, "", ""
		switch {
		case len(hits) > 1:
			status = "duplicate"
		case len(hits) == 1:
			p := pays[hits[0]]
			paid, src, ref = p.Amount, p.Source, p.Reference
			switch d := p.Amount - e.Net; {
			case math.Abs(d) <= 0.01:
				status = "matched"
			case d < 0:
				status = "short"
			default:
				status = "over"
			}
		}
		for _, i := range hits {
			used[i] = true
		}
		w.Write([]string{e.ID, e.Name, fmt.Sprintf("%.2f", e.Net), fmt.Sprintf("%.2f", paid), status, src, ref})
	}
	var extra []payment
	for i, p := range pays {
		if !used[i] {
			extra = append(extra, p)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].Amount > extra[j].Amount })
	for _, p := range extra {
		w.Write([]string{"", p.Counterpart, "0.00", fmt.Sprintf("%.2f", p.Amount), "unexpected", p.Source, p.Reference})
	}
	w.Flush()
	fmt.Println("wrote", filepath.Base(out.Name()))
}
