package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ckptd/ckptship/internal/registry"
)

const version = "0.7.3"

type metricFlag map[string]float64

func (m metricFlag) String() string { return fmt.Sprint(map[string]float64(m)) }
func (m metricFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want name=value, got %q", s)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return err
	}
	m[k] = f
	return nil
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: ckptship <login|log|push|pull|resume|runs|version> [flags]")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	cfg := registry.LoadConfig()
	c := registry.New(cfg, version)
	args := os.Args[2:]
	var err error
	switch os.Args[1] {
	case "version":
		fmt.Println("ckptship", version)
	case "login":
		err = login(cfg)
	case "log":
		fs := flag.NewFlagSet("log", flag.ExitOnError)
		run := fs.String("run", "", "run id")
		step := fs.Int("step", 0, "global step")
		m := metricFlag{}
		fs.Var(m, "metric", "name=value (repeatable)")
		fs.Parse(args)
		err = c.LogMetrics(*run, *step, m)
	case "push":
		fs := flag.NewFlagSet("push", flag.ExitOnError)
		run := fs.String("run", "", "run id")
		dir := fs.String("dir", "", "checkpoint directory")
		card := fs.String("card", "", "model card markdown")
		tag := fs.String("tag", "", "optional tag")
		par := fs.Int("parallel", 4, "parallel part uploads")
		fs.Parse(args)
		err = push(c, *run, *dir, *card, *tag, *par)
	case "pull":
		fs := flag.NewFlagSet("pull", flag.ExitOnError)
		ds := fs.String("dataset", "", "dataset name")
		out := fs.String("out", "data", "output dir")
		fs.Parse(args)
		err = c.PullDataset(*ds, filepath.Join(*out, *ds))
	case "resume":
		fs := flag.NewFlagSet("resume", flag.ExitOnError)
		run := fs.String("run", "", "run id")
		out := fs.String("out", "", "output dir")
		fs.Parse(args)
		err = resume(c, *run, *out)
	case "runs":
		err = listRuns(c)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ckptship:", err)
		os.Exit(1)
	}
}

func login(cfg registry.Config) error {
	fmt.Print("ckptd token: ")
	tok, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	cfg.Token = strings.TrimSpace(tok)
	return registry.SaveConfig(cfg)
}

func push(c *registry.Client, run, dir, card, tag string, parallel int) error {
	if run == "" || dir == "" {
		return fmt.Errorf("--run and --dir are required")
	}
	var cardBody []byte
	var err error
	if card != "" {
		cardBody, err = os.ReadFile(card)
		if err != nil {
			return err
		}
	} else {
		info, err := c.Run(run)
		if err != nil {
			return err
		}
		cardBody = []byte(registry.DefaultCard(info))
	}
	start := time.Now()
	n, err := c.UploadDir(run, dir, tag, parallel)
	if err != nil {
		return err
	}
	if err := c.PutCard(run, cardBody); err != nil {
		return err
	}
	fmt.Printf("pushed %d files from %s in %s\n", n, dir, time.Since(start).Round(time.Second))
	return nil
}

func resume(c *registry.Client, run, out string) error {
	if out == "" {
		out = filepath.Join("checkpoints", run)
	}
	info, err := c.Run(run)
	if err != nil {
		return err
	}
	if err := c.DownloadLatest(run, out); err != nil {
		return err
	}
	note := fmt.Sprintf("run: %s\nstep: %d\ncommand: %s\n", run, info.LastStep, info.Command)
	return os.WriteFile(filepath.Join(out, "RESUME.txt"), []byte(note), 0o644)
}

func listRuns(c *registry.Client) error {
	runs, err := c.Runs()
	if err != nil {
		return err
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].Best < runs[j].Best })
	fmt.Printf("%-16s %-10s %-12s %s\n", "run", "step", "best", "updated")
	for _, r := range runs {
		fmt.Printf("%-16s %-10d %-12.4f %s\n", r.ID, r.LastStep, r.Best, r.Updated.Format(time.RFC3339))
	}
	return nil
}
