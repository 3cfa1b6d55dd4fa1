// bundlescan: find credentials in a support bundle before it is shared.
// Reads only the path given on the command line. No network access.
package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
)

type finding struct {
	Type     string `json:"type"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Masked   string `json:"masked"`
	Hash     string `json:"sha256_prefix"`
}

var (
	profile  = flag.String("profile", "default", "default|strict")
	asJSON   = flag.Bool("json", false, "print JSON")
	redactTo = flag.String("redact", "", "write a redacted copy (tar.gz) to this path")
	maxSize  = flag.Int64("max-file-mb", 64, "skip files larger than this")
)

func mask(s string) string {
	if len(s) <= 8 {
		return strings.Repeat("*", len(s))
	}
	return s[:4] + "…" + s[len(s)-2:]
}

func shaPrefix(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:6]
}

func entropy(s string) float64 {
	freq := map[rune]float64{}
	for _, r := range s {
		freq[r]++
	}
	var e float64
	n := float64(len(s))
	for _, c := range freq {
		p := c / n
		e -= p * math.Log2(p)
	}
	return e
}

func isBinary(b []byte) bool {
	if len(b) > 8000 {
		b = b[:8000]
	}
	return bytes.IndexByte(b, 0) >= 0
}

func scan(name string, data []byte) ([]finding, []byte) {
	var out []finding
	var red bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		for _, p := range patterns {
			if p.Strict && *profile != "strict" {
				continue
			}
			for _, m := range p.RX.FindAllStringSubmatch(line, -1) {
				val := m[0]
				if len(m) > 2 && m[2] != "" {
					val = m[2]
				} else if len(m) > 1 && p.ID == "aws-secret-key" {
					val = m[1]
				}
				if p.ID == "generic-secret" && entropy(val) < 3.5 {
					continue
				}
				sev := p.Severity
				if examplePlaceholders[val] {
					sev = "example"
				}
				out = append(out, finding{p.ID, sev, name, ln, mask(val), shaPrefix(val)})
				line = strings.ReplaceAll(line, val, "[REDACTED:"+p.ID+":"+shaPrefix(val)+"]")
			}
		}
		red.WriteString(line)
		red.WriteByte('\n')
	}
	return out, red.Bytes()
}

type entry struct {
	name string
	data []byte
}

func walk(path string, emit func(entry)) (skipped []string, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	lower := strings.ToLower(path)
	switch {
	case st.IsDir():
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, e error) error {
			if e != nil || d.IsDir() {
				return e
			}
			info, _ := d.Info()
			rel, _ := filepath.Rel(path, p)
			if info.Size() > *maxSize<<20 {
				skipped = append(skipped, rel+" (size)")
				return nil
			}
			b, e := os.ReadFile(p)
			if e != nil {
				skipped = append(skipped, rel+" ("+e.Error()+")")
				return nil
			}
			emit(entry{rel, b})
			return nil
		})
	case strings.HasSuffix(lower, ".zip"):
		zr, e := zip.OpenReader(path)
		if e != nil {
			return nil, e
		}
		defer zr.Close()
		for _, f := range zr.File {
			if f.FileInfo().IsDir() {
				continue
			}
			if f.Flags&0x1 != 0 {
				skipped = append(skipped, f.Name+" (encrypted)")
				continue
			}
			rc, e := f.Open()
			if e != nil {
				skipped = append(skipped, f.Name)
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(rc, *maxSize<<20))
			rc.Close()
			emit(entry{f.Name, b})
		}
	default: // tar / tar.gz / tgz
		fh, e := os.Open(path)
		if e != nil {
			return nil, e
		}
		defer fh.Close()
		var r io.Reader = fh
		if strings.HasSuffix(lower, ".gz") || strings.HasSuffix(lower, ".tgz") {
			gz, e := gzip.NewReader(fh)
			if e != nil {
				return nil, e
			}
			r = gz
		}
		tr := tar.NewReader(r)
		for {
			h, e := tr.Next()
			if e == io.EOF {
				break
			}
			if e != nil {
				return skipped, e
			}
			if h.Typeflag != tar.TypeReg {
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(tr, *maxSize<<20))
			emit(entry{h.Name, b})
		}
	}
	return skipped, err
}

func main() {
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bundlescan [-profile strict] [-json] [-redact out.tar.gz] PATH")
		os.Exit(2)
	}
	var all []finding
	var tw *tar.Writer
	if *redactTo != "" {
		out, err := os.OpenFile(*redactTo, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			fmt.Fprintln(os.Stderr, "redact:", err)
			os.Exit(2)
		}
		defer out.Close()
		gz := gzip.NewWriter(out)
		defer gz.Close()
		tw = tar.NewWriter(gz)
		defer tw.Close()
	}
	files, bin := 0, 0
	skipped, err := walk(flag.Arg(0), func(e entry) {
		files++
		data := e.data
		if isBinary(data) {
			bin++
			if tw != nil {
				// binary content is dropped from the redacted copy rather than passed through
				data = []byte("[binary file omitted by bundlescan]\n")
				tw.WriteHeader(&tar.Header{Name: e.name + ".omitted", Mode: 0o600, Size: int64(len(data))})
				tw.Write(data)
			}
			return
		}
		fs, red := scan(e.name, data)
		all = append(all, fs...)
		if tw != nil {
			tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o600, Size: int64(len(red))})
			tw.Write(red)
		}
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(2)
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(map[string]any{"findings": all, "skipped": skipped})
	} else {
		counts := map[string]int{}
		fileset := map[string]bool{}
		for _, f := range all {
			counts[f.Severity]++
			fileset[f.File] = true
			fmt.Printf("[%-4s] %-19s %s:%d  %s  sha256:%s\n", f.Severity, f.Type, f.File, f.Line, f.Masked, f.Hash)
		}
		fmt.Printf("%d findings in %d files (%d high, %d medium, %d info, %d example) — %d files scanned, %d skipped (binary), %d skipped (other)\n",
			len(all), len(fileset), counts["high"], counts["medium"], counts["info"], counts["example"], files, bin, len(skipped))
		for _, s := range skipped {
			fmt.Println("  skipped:", s)
		}
	}
	for _, f := range all {
		if f.Severity == "high" || f.Severity == "medium" {
			os.Exit(1)
		}
	}
}
