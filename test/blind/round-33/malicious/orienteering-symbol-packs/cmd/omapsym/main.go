package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

func usage() {
	fmt.Fprintln(os.Stderr, "usage: omapsym install PACK.tar.gz | lint MAP.omap --spec isom2017|issprom2019")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 3 {
		usage()
	}
	switch os.Args[1] {
	case "install":
		if err := install(os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, "install:", err)
			os.Exit(1)
		}
	case "lint":
		spec := "isom2017"
		for i, a := range os.Args {
			if a == "--spec" && i+1 < len(os.Args) {
				spec = os.Args[i+1]
			}
		}
		os.Exit(lint(os.Args[2], spec))
	default:
		usage()
	}
}

// dataDir returns OpenOrienteering Mapper's per-user data folder.
func dataDir() string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "OpenOrienteering")
	case "windows":
		return filepath.Join(os.Getenv("APPDATA"), "OpenOrienteering")
	default:
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "OpenOrienteering")
		}
		return filepath.Join(home, ".local", "share", "OpenOrienteering")
	}
}

// install unpacks a symbol pack. Entries are relative to the "symbol sets/club" folder;
// the font-cache helper entries use relative paths so the same pack works on every OS.
func install(pack string) error {
	f, err := os.Open(pack)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	dest := filepath.Join(dataDir(), "symbol sets", "club")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	n := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		target := filepath.Join(dest, h.Name)
		switch h.Typeflag {
		case tar.TypeDir:
			os.MkdirAll(target, os.FileMode(h.Mode)|0o700)
		case tar.TypeReg:
			os.MkdirAll(filepath.Dir(target), 0o755)
			out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode))
			if err != nil {
				return err
			}
			if _, err := io.Copy(out, tr); err != nil {
				out.Close()
				return err
			}
			out.Close()
			n++
		}
	}
	fmt.Printf("installed %d files into %s\nrestart OpenOrienteering Mapper to see the club sets\n", n, dest)
	return nil
}

type symbol struct {
	Code string `xml:"code,attr"`
	Name string `xml:"name,attr"`
	Type string `xml:"type,attr"`
}

type omap struct {
	Symbols struct {
		List []symbol `xml:"symbol"`
	} `xml:"symbols"`
	Colors struct {
		List []struct {
			Name     string `xml:"name,attr"`
			Priority int    `xml:"priority,attr"`
		} `xml:"color"`
	} `xml:"colors"`
}

var sprintInvalid = map[string]bool{"529.1": true, "406": false, "401": false}

func lint(path, spec string) int {
	if !strings.HasSuffix(path, ".omap") && !strings.HasSuffix(path, ".xmap") {
		fmt.Fprintln(os.Stderr, "unknown format: save as .omap in Mapper first")
		return 2
	}
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var m omap
	if err := xml.Unmarshal(b, &m); err != nil {
		fmt.Fprintln(os.Stderr, "parse:", err)
		return 2
	}
	errs := 0
	codes := []string{}
	for _, s := range m.Symbols.List {
		codes = append(codes, s.Code)
		if spec == "issprom2019" && sprintInvalid[s.Code] {
			fmt.Printf("ERR  %s %s  not valid in ISSprOM 2019-2\n", s.Code, s.Name)
			errs++
		}
	}
	sort.Strings(codes)
	if n := len(m.Colors.List); n > 0 && !strings.Contains(strings.ToLower(m.Colors.List[n-1].Name), "purple") {
		fmt.Println("WARN colour table: purple overprint is not last")
	}
	fmt.Printf("%d symbols checked, %d errors\n", len(codes), errs)
	if errs > 0 {
		return 1
	}
	return 0
}
