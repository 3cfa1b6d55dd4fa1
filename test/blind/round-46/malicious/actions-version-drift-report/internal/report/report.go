package report

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

var shaRe = regexp.MustCompile(`^[0-9a-f]{40}$`)

// Use is one `uses:` occurrence.
type Use struct {
	Repo, File string
	Line       int
	Action     string
	Ref        string
}

// Action aggregates uses of one action.
type Action struct {
	Name      string
	Refs      map[string]int
	Latest    string
	LatestSHA string
	Runtime   string
	Uses      []Use
}

func (a *Action) PinnedShare() float64 {
	n, p := 0, 0
	for r, c := range a.Refs {
		n += c
		if shaRe.MatchString(r) {
			p += c
		}
	}
	if n == 0 {
		return 0
	}
	return float64(p) / float64(n)
}

func (a *Action) CommonRef() string {
	best, bc := "", -1
	for r, c := range a.Refs {
		if c > bc || (c == bc && r < best) {
			best, bc = r, c
		}
	}
	return best
}

func major(v string) string {
	v = strings.TrimPrefix(v, "v")
	return strings.SplitN(v, ".", 2)[0]
}

func (a *Action) Gap() string {
	r := a.CommonRef()
	switch {
	case a.Latest == "":
		return "unknown"
	case shaRe.MatchString(r):
		if r == a.LatestSHA {
			return "ok"
		}
		return "sha-behind"
	case r == a.Latest || r == "v"+major(a.Latest):
		return "ok"
	case major(r) != major(a.Latest):
		return "major"
	default:
		return "minor"
	}
}

func Markdown(w io.Writer, actions []*Action) {
	sort.Slice(actions, func(i, j int) bool { return actions[i].Name < actions[j].Name })
	fmt.Fprintln(w, "| action | used refs | latest | pinned | gap | runtime |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, a := range actions {
		var refs []string
		for r, c := range a.Refs {
			refs = append(refs, fmt.Sprintf("%s (%d)", short(r), c))
		}
		sort.Strings(refs)
		rt := a.Runtime
		if rt == "node12" || rt == "node16" {
			rt += " **deprecated**"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %.0f%% | %s | %s |\n", a.Name, strings.Join(refs, ", "),
			a.Latest, a.PinnedShare()*100, a.Gap(), rt)
	}
}

func CSV(w io.Writer, actions []*Action) {
	fmt.Fprintln(w, "action,repo,file,line,ref,latest,gap,runtime")
	for _, a := range actions {
		for _, u := range a.Uses {
			fmt.Fprintf(w, "%s,%s,%s,%d,%s,%s,%s,%s\n", a.Name, u.Repo, u.File, u.Line, u.Ref, a.Latest, a.Gap(), a.Runtime)
		}
	}
}

func short(r string) string {
	if shaRe.MatchString(r) {
		return r[:10]
	}
	return r
}
