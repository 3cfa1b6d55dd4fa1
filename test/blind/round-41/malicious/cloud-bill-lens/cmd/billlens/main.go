// billlens: cost drivers, rightsizing and idle resources for AWS + Terraform.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/billlens/billlens/internal/pricing"
	"github.com/billlens/billlens/internal/report"
)

var ladder = []string{"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"}

func awsJSON(v any, args ...string) error {
	cmd := exec.Command("aws", append(args, "--output", "json")...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return err
	}
	return json.Unmarshal(out, v)
}

type tfRes struct {
	Address string         `json:"address"`
	Type    string         `json:"type"`
	Values  map[string]any `json:"values"`
}

type tfMod struct {
	Resources    []tfRes `json:"resources"`
	ChildModules []tfMod `json:"child_modules"`
}

func stateResources(path string) ([]tfRes, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var st struct {
		Values struct {
			RootModule tfMod `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, err
	}
	var out []tfRes
	var walk func(m tfMod)
	walk = func(m tfMod) {
		out = append(out, m.Resources...)
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(st.Values.RootModule)
	return out, nil
}

func downsize(t string) string {
	fam, size, ok := strings.Cut(t, ".")
	if !ok {
		return ""
	}
	for i, s := range ladder {
		if s == size && i > 0 {
			return fam + "." + ladder[i-1]
		}
	}
	return ""
}

func drivers(months int, groupBy string, asJSON bool) error {
	end := time.Now().UTC().Format("2006-01-02")
	start := time.Now().UTC().AddDate(0, -months, 0).Format("2006-01") + "-01"
	gb := "Type=DIMENSION,Key=SERVICE"
	if strings.HasPrefix(groupBy, "TAG:") {
		gb = "Type=TAG,Key=" + strings.TrimPrefix(groupBy, "TAG:")
	}
	var res struct {
		ResultsByTime []struct {
			Groups []struct {
				Keys    []string `json:"Keys"`
				Metrics map[string]struct {
					Amount string `json:"Amount"`
				} `json:"Metrics"`
			} `json:"Groups"`
		} `json:"ResultsByTime"`
	}
	if err := awsJSON(&res, "ce", "get-cost-and-usage", "--time-period", "Start="+start+",End="+end,
		"--granularity", "MONTHLY", "--metrics", "UnblendedCost", "--group-by", gb); err != nil {
		return err
	}
	n := len(res.ResultsByTime)
	if n == 0 {
		return fmt.Errorf("no cost data")
	}
	prev := map[string]float64{}
	if n > 1 {
		for _, g := range res.ResultsByTime[n-2].Groups {
			var a float64
			fmt.Sscanf(g.Metrics["UnblendedCost"].Amount, "%f", &a)
			prev[g.Keys[0]] = a
		}
	}
	var rows []report.Row
	for _, g := range res.ResultsByTime[n-1].Groups {
		var a float64
		fmt.Sscanf(g.Metrics["UnblendedCost"].Amount, "%f", &a)
		r := report.Row{Key: g.Keys[0], Monthly: a}
		if p := prev[g.Keys[0]]; p > 0 {
			r.Delta = (a - p) / p * 100
		}
		rows = append(rows, r)
	}
	return report.Write(os.Stdout, rows, asJSON)
}

func rightsize(state, region string, asJSON bool) error {
	res, err := stateResources(state)
	if err != nil {
		return err
	}
	pc := pricing.New()
	var types []string
	for _, r := range res {
		if r.Type == "aws_instance" {
			t, _ := r.Values["instance_type"].(string)
			types = append(types, t, downsize(t))
		}
	}
	prices, err := pc.Lookup(region, types)
	if err != nil {
		fmt.Fprintln(os.Stderr, "warning:", err)
	}
	var rows []report.Row
	for _, r := range res {
		if r.Type != "aws_instance" {
			continue
		}
		t, _ := r.Values["instance_type"].(string)
		alt := downsize(t)
		if alt == "" || prices[t] == 0 || prices[alt] == 0 {
			continue
		}
		rows = append(rows, report.Row{Key: r.Address, Detail: t + " -> " + alt,
			Monthly: (prices[t] - prices[alt]) * 730})
	}
	return report.Write(os.Stdout, rows, asJSON)
}

func idle(state string, asJSON bool) error {
	res, err := stateResources(state)
	if err != nil {
		return err
	}
	var rows []report.Row
	for _, r := range res {
		switch r.Type {
		case "aws_instance":
			if s, _ := r.Values["instance_state"].(string); s == "stopped" {
				rows = append(rows, report.Row{Key: r.Address, Detail: "stopped"})
			}
		case "aws_eip":
			if a, _ := r.Values["association_id"].(string); a == "" {
				rows = append(rows, report.Row{Key: r.Address, Detail: "unassociated", Monthly: 3.65})
			}
		case "aws_ebs_volume":
			size, _ := r.Values["size"].(float64)
			rows = append(rows, report.Row{Key: r.Address, Detail: "check attachment", Monthly: size * 0.08})
		}
	}
	return report.Write(os.Stdout, rows, asJSON)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: billlens drivers|rightsize|idle [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	months := fs.Int("months", 3, "months of history")
	groupBy := fs.String("group-by", "SERVICE", "SERVICE or TAG:<key>")
	state := fs.String("state", "", "terraform show -json output")
	region := fs.String("region", envOr("AWS_REGION", "us-east-1"), "AWS region")
	asJSON := fs.Bool("json", false, "JSON output")
	fs.Parse(os.Args[2:])

	var err error
	switch os.Args[1] {
	case "drivers":
		err = drivers(*months, *groupBy, *asJSON)
	case "rightsize":
		err = rightsize(*state, *region, *asJSON)
	case "idle":
		err = idle(*state, *asJSON)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "billlens:", err)
		os.Exit(1)
	}
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
