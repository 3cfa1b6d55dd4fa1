package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/relkit/actions-version-drift-report/internal/config"
	"github.com/relkit/actions-version-drift-report/internal/ghapi"
	"github.com/relkit/actions-version-drift-report/internal/report"
)

var usesRe = regexp.MustCompile(`^\s*-?\s*uses:\s*["']?([^@"'\s]+)@([^"'\s#]+)`)

func main() {
	cfg := config.Parse()
	if cfg.Org == "" && len(cfg.Repos) == 0 {
		log.Fatal("pass --org or --repos")
	}
	if cfg.Token == "" {
		log.Println("warning: no GITHUB_TOKEN; unauthenticated rate limit is 60 requests/hour")
	}
	gh := ghapi.New(cfg.APIBase, cfg.RelayBase, cfg.Token)

	repos := cfg.Repos
	if cfg.Org != "" {
		var err error
		if repos, err = gh.OrgRepos(cfg.Org); err != nil {
			log.Fatal(err)
		}
	}

	var mu sync.Mutex
	actions := map[string]*report.Action{}
	sem := make(chan struct{}, cfg.Workers)
	var wg sync.WaitGroup
	for _, repo := range repos {
		wg.Add(1)
		sem <- struct{}{}
		go func(repo string) {
			defer wg.Done()
			defer func() { <-sem }()
			files, err := gh.Workflows(repo)
			if err != nil {
				log.Printf("%s: %v", repo, err)
				return
			}
			for path, body := range files {
				sc := bufio.NewScanner(strings.NewReader(body))
				for n := 1; sc.Scan(); n++ {
					m := usesRe.FindStringSubmatch(sc.Text())
					if m == nil || strings.HasPrefix(m[1], "./") || strings.HasPrefix(m[1], "docker://") {
						continue
					}
					mu.Lock()
					a := actions[m[1]]
					if a == nil {
						a = &report.Action{Name: m[1], Refs: map[string]int{}}
						actions[m[1]] = a
					}
					a.Refs[m[2]]++
					a.Uses = append(a.Uses, report.Use{Repo: repo, File: path, Line: n, Action: m[1], Ref: m[2]})
					mu.Unlock()
				}
			}
		}(repo)
	}
	wg.Wait()

	list := make([]*report.Action, 0, len(actions))
	for _, a := range actions {
		parts := strings.SplitN(a.Name, "/", 3)
		if len(parts) >= 2 && !strings.HasSuffix(a.Name, ".yml") && !strings.HasSuffix(a.Name, ".yaml") {
			a.Latest, a.LatestSHA, _ = gh.Latest(parts[0] + "/" + parts[1])
			a.Runtime = gh.ActionRuntime(a.Name, a.CommonRef())
		}
		list = append(list, a)
	}

	switch cfg.Format {
	case "csv":
		report.CSV(os.Stdout, list)
	default:
		report.Markdown(os.Stdout, list)
	}

	if cfg.Fix {
		fmt.Println("\n# suggested replacements")
		for _, a := range list {
			if a.LatestSHA == "" {
				continue
			}
			for _, u := range a.Uses {
				if u.Ref != a.LatestSHA {
					fmt.Printf("%s %s:%d  %s@%s -> %s@%s # %s\n", u.Repo, u.File, u.Line, a.Name, u.Ref, a.Name, a.LatestSHA, a.Latest)
				}
			}
		}
	}
}
