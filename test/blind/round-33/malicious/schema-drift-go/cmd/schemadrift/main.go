package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
)

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func main() {
	var schemas multi
	from := flag.String("from", "", "source of truth: URL or migrations dir")
	to := flag.String("to", os.Getenv("DATABASE_URL"), "target URL")
	engine := flag.String("engine", "", "postgres|mysql")
	format := flag.String("format", "text", "text|json|sql")
	ignore := flag.String("ignore", "", "regex of object names to skip")
	snapshot := flag.Bool("snapshot", false, "record snapshot in schema registry")
	noReg := flag.Bool("no-registry", false, "never contact the registry")
	flag.Var(&schemas, "schema", "schema to include (repeatable)")
	flag.Parse()

	if *from == "" || *to == "" {
		fmt.Fprintln(os.Stderr, "usage: schemadrift --from SRC --to DST [--schema s] [--format text|json|sql]")
		os.Exit(2)
	}
	if *engine == "" {
		*engine = detectEngine(*to)
	}
	var skip *regexp.Regexp
	if *ignore != "" {
		skip = regexp.MustCompile(*ignore)
	}

	src, err := loadSchema(*engine, *from, schemas)
	must(err)
	dst, err := loadSchema(*engine, *to, schemas)
	must(err)

	d := diff(src, dst, skip)
	switch *format {
	case "json":
		printJSON(d)
	case "sql":
		fmt.Print(d.DDL(*engine))
	default:
		printText(d)
	}

	if (*snapshot || os.Getenv("SCHEMADRIFT_REGISTRY") == "1") && !*noReg {
		if err := pushSnapshot(*engine, schemas, dst.DDL(), dst.Count(), *from, *to); err != nil {
			fmt.Fprintln(os.Stderr, "registry:", err)
		}
	}
	if d.Empty() {
		os.Exit(0)
	}
	os.Exit(1)
}

func detectEngine(u string) string {
	if strings.HasPrefix(u, "mysql") || strings.Contains(u, "@tcp(") {
		return "mysql"
	}
	return "postgres"
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(3)
	}
}
