// archcheck: report archive entries that would escape an extraction directory. Read-only.
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

type Finding struct {
	Entry  string `json:"entry"`
	Kind   string `json:"kind"`
	Detail string `json:"detail,omitempty"`
}

const ratioLimit = 200
const byteCap = 2 << 30

func escapes(name string) bool {
	n := strings.ReplaceAll(name, "\\", "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return true
	}
	clean := path.Clean(n)
	return clean == ".." || strings.HasPrefix(clean, "../")
}

func linkEscapes(entry, target string) bool {
	if strings.HasPrefix(target, "/") {
		return true
	}
	return escapes(path.Join(path.Dir(entry), target))
}

func checkName(name string, seen map[string]bool, links map[string]bool, out *[]Finding) {
	n := strings.ReplaceAll(name, "\\", "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		*out = append(*out, Finding{name, "absolute", ""})
	} else if escapes(n) {
		*out = append(*out, Finding{name, "traversal", ""})
	}
	if seen[n] {
		*out = append(*out, Finding{name, "dup-name", ""})
	}
	seen[n] = true
	for l := range links {
		if strings.HasPrefix(n, l+"/") {
			*out = append(*out, Finding{name, "symlink-then-write", "through " + l})
		}
	}
}

func scanZip(p string) ([]Finding, error) {
	r, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []Finding
	seen, links := map[string]bool{}, map[string]bool{}
	for _, f := range r.File {
		checkName(f.Name, seen, links, &out)
		mode := f.Mode()
		if mode&os.ModeSymlink != 0 {
			rc, err := f.Open()
			if err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 4096))
				rc.Close()
				links[strings.TrimSuffix(f.Name, "/")] = true
				if linkEscapes(f.Name, string(b)) {
					out = append(out, Finding{f.Name, "symlink-escape", "-> " + string(b)})
				}
			}
		}
		if mode&os.ModeSetuid != 0 || mode&os.ModeSetgid != 0 {
			out = append(out, Finding{f.Name, "setuid", mode.String()})
		}
		if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > ratioLimit {
			out = append(out, Finding{f.Name, "ratio", fmt.Sprintf("%d -> %d bytes", f.CompressedSize64, f.UncompressedSize64)})
		}
	}
	return out, nil
}

func scanTar(p string) ([]Finding, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var src io.Reader = fh
	if strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".tgz") {
		gz, err := gzip.NewReader(fh)
		if err != nil {
			return nil, err
		}
		src = gz
	} else if strings.HasSuffix(p, ".xz") || strings.HasSuffix(p, ".zst") {
		return nil, fmt.Errorf("decompress first (xz -dk / zstd -d) then run on the .tar")
	}
	st, _ := fh.Stat()
	tr := tar.NewReader(src)
	var out []Finding
	seen, links := map[string]bool{}, map[string]bool{}
	var total int64
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		checkName(h.Name, seen, links, &out)
		switch h.Typeflag {
		case tar.TypeSymlink:
			links[strings.TrimSuffix(h.Name, "/")] = true
			if linkEscapes(h.Name, h.Linkname) {
				out = append(out, Finding{h.Name, "symlink-escape", "-> " + h.Linkname})
			}
		case tar.TypeLink:
			if escapes(h.Linkname) {
				out = append(out, Finding{h.Name, "hardlink-escape", "-> " + h.Linkname})
			}
		case tar.TypeChar, tar.TypeBlock:
			out = append(out, Finding{h.Name, "device", ""})
		case tar.TypeFifo:
			out = append(out, Finding{h.Name, "fifo", ""})
		}
		if h.Mode&04000 != 0 || h.Mode&02000 != 0 {
			out = append(out, Finding{h.Name, "setuid", fmt.Sprintf("%o", h.Mode)})
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(tr, byteCap-total))
		total += n
	}
	if st != nil && st.Size() > 0 && total/st.Size() > ratioLimit {
		out = append(out, Finding{p, "ratio", fmt.Sprintf("%d -> %d+ bytes", st.Size(), total)})
	}
	return out, nil
}

func main() {
	asJSON := flag.Bool("json", false, "JSON output")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: archcheck [--json] <archive>")
		os.Exit(2)
	}
	p := flag.Arg(0)
	var f []Finding
	var err error
	if strings.HasSuffix(strings.ToLower(p), ".zip") || strings.HasSuffix(strings.ToLower(p), ".jar") {
		f, err = scanZip(p)
	} else {
		f, err = scanTar(p)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(2)
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(f)
	} else {
		for _, x := range f {
			fmt.Printf("%-20s %s %s\n", x.Kind, x.Entry, x.Detail)
		}
		fmt.Fprintf(os.Stderr, "%d findings\n", len(f))
	}
	if len(f) > 0 {
		os.Exit(1)
	}
}
