// notionfix repairs Notion "Markdown & CSV" exports: clean names, working links,
// database front matter and local images.
package main

import (
	"archive/zip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type options struct {
	in      string
	out     string
	style   string
	csvRows bool
	images  string
	dryRun  bool
}

type stats struct {
	files      int
	renamed    int
	links      int
	unresolved []string
	images     int
	imagesFail int
}

func main() {
	var o options
	flag.StringVar(&o.in, "in", "", "Notion export zip or unzipped folder")
	flag.StringVar(&o.out, "out", "", "output folder (created)")
	flag.StringVar(&o.style, "style", "obsidian", "link style: obsidian | markdown")
	flag.BoolVar(&o.csvRows, "csv-rows", true, "add database CSV columns as front matter")
	flag.StringVar(&o.images, "images", "local", "images: local | keep")
	flag.BoolVar(&o.dryRun, "dry-run", false, "print plan only")
	flag.Parse()
	if o.in == "" || (o.out == "" && !o.dryRun) {
		fmt.Fprintln(os.Stderr, "usage: notionfix --in Export.zip --out DIR [--style obsidian|markdown] [--dry-run]")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "notionfix:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	root, cleanup, err := prepareInput(o.in)
	if err != nil {
		return err
	}
	defer cleanup()

	var files []string
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)

	plan := buildRenamePlan(files)
	st := &stats{files: len(files)}
	for oldRel, newRel := range plan {
		if oldRel != newRel {
			st.renamed++
		}
	}

	dbRows := map[string]map[string]string{}
	if o.csvRows {
		dbRows = loadDatabaseRows(root, files)
	}

	pages := map[string]string{}
	for _, rel := range files {
		if !strings.HasSuffix(strings.ToLower(rel), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		body := rewriteLinks(string(b), rel, plan, o.style, st)
		if fm, ok := dbRows[stripID(strings.TrimSuffix(rel, ".md"))]; ok {
			body = frontMatter(fm) + body
		}
		pages[plan[rel]] = body
	}

	if o.images == "local" {
		if err := localiseImages(pages, o, st); err != nil {
			fmt.Fprintln(os.Stderr, "notionfix: images:", err)
		}
	}

	if o.dryRun {
		printSummary(st, true)
		return nil
	}

	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	for _, rel := range files {
		dst := filepath.Join(o.out, filepath.FromSlash(plan[rel]))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if body, ok := pages[plan[rel]]; ok {
			if err := os.WriteFile(dst, []byte(body), 0o644); err != nil {
				return err
			}
			continue
		}
		if err := copyFile(filepath.Join(root, filepath.FromSlash(rel)), dst); err != nil {
			return err
		}
	}
	if err := writeImages(o.out); err != nil {
		return err
	}
	if len(st.unresolved) > 0 {
		meta := filepath.Join(o.out, "_notionfix")
		_ = os.MkdirAll(meta, 0o755)
		_ = os.WriteFile(filepath.Join(meta, "unresolved.txt"), []byte(strings.Join(st.unresolved, "\n")+"\n"), 0o644)
	}
	printSummary(st, false)
	return nil
}

func printSummary(st *stats, dry bool) {
	prefix := ""
	if dry {
		prefix = "(dry run) "
	}
	fmt.Printf("%s%d files, %d renamed, %d links rewritten, %d unresolved, %d images localised, %d failed\n",
		prefix, st.files, st.renamed, st.links, len(st.unresolved), st.images, st.imagesFail)
}

// prepareInput unzips the export (including Notion's nested "Part-N.zip" files) to a temp dir.
func prepareInput(in string) (string, func(), error) {
	info, err := os.Stat(in)
	if err != nil {
		return "", nil, err
	}
	if info.IsDir() {
		return in, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "notionfix-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	if err := unzip(in, tmp); err != nil {
		cleanup()
		return "", nil, err
	}
	nested, _ := filepath.Glob(filepath.Join(tmp, "*.zip"))
	for _, z := range nested {
		if err := unzip(z, tmp); err != nil {
			cleanup()
			return "", nil, err
		}
		os.Remove(z)
	}
	return tmp, cleanup, nil
}

func unzip(src, dst string) error {
	r, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer r.Close()
	for _, f := range r.File {
		target := filepath.Join(dst, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(target, filepath.Clean(dst)+string(os.PathSeparator)) {
			return fmt.Errorf("unsafe path in zip: %s", f.Name)
		}
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		out, err := os.Create(target)
		if err != nil {
			rc.Close()
			return err
		}
		_, err = io.Copy(out, rc)
		rc.Close()
		out.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, in)
	return err
}
