// Command hiddenslides reports hidden slides, notes and comments in a .pptx.
package main

import (
	"archive/zip"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
)

type rel struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

type rels struct {
	Rels []rel `xml:"Relationship"`
}

type presentation struct {
	SldIDs []struct {
		RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sldIdLst>sldId"`
}

type SlideInfo struct {
	Number      int    `json:"number"`
	Part        string `json:"part"`
	Title       string `json:"title"`
	Hidden      bool   `json:"hidden"`
	NotesWords  int    `json:"notes_words"`
	NotesPreview string `json:"notes_preview,omitempty"`
	Comments    int    `json:"comments"`
	LinkedMedia int    `json:"linked_media"`
}

func readPart(files map[string]*zip.File, name string) ([]byte, error) {
	f, ok := files[name]
	if !ok {
		return nil, fmt.Errorf("missing part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func relsFor(files map[string]*zip.File, part string) []rel {
	dir, file := path.Split(part)
	data, err := readPart(files, path.Join(dir, "_rels", file+".rels"))
	if err != nil {
		return nil
	}
	var r rels
	_ = xml.Unmarshal(data, &r)
	return r.Rels
}

// texts returns all a:t runs in document order, grouped per paragraph.
func texts(data []byte) []string {
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	var out []string
	var cur strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "t" {
				inT = true
			}
		case xml.EndElement:
			if t.Name.Local == "t" {
				inT = false
			}
			if t.Name.Local == "p" && cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
	}
	return out
}

func title(data []byte) string {
	s := string(data)
	i := strings.Index(s, `type="title"`)
	if i < 0 {
		i = strings.Index(s, `type="ctrTitle"`)
	}
	if i < 0 {
		return "(no title)"
	}
	end := strings.Index(s[i:], "</p:sp>")
	if end < 0 {
		return "(no title)"
	}
	parts := texts([]byte("<x>" + s[i:i+end] + "</x>"))
	if len(parts) == 0 {
		return "(no title)"
	}
	return strings.Join(parts, " ")
}

func main() {
	asJSON := flag.Bool("json", false, "emit JSON")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: hiddenslides [-json] deck.pptx")
		os.Exit(2)
	}
	zr, err := zip.OpenReader(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(1)
	}
	defer zr.Close()
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}

	presData, err := readPart(files, "ppt/presentation.xml")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var pres presentation
	if err := xml.Unmarshal(presData, &pres); err != nil {
		fmt.Fprintln(os.Stderr, "presentation.xml:", err)
		os.Exit(1)
	}
	byID := map[string]string{}
	for _, r := range relsFor(files, "ppt/presentation.xml") {
		byID[r.ID] = path.Join("ppt", r.Target)
	}

	var slides []SlideInfo
	for i, s := range pres.SldIDs {
		part := byID[s.RID]
		data, err := readPart(files, part)
		if err != nil {
			continue
		}
		info := SlideInfo{Number: i + 1, Part: part, Title: title(data)}
		info.Hidden = strings.Contains(string(data[:min(len(data), 600)]), `show="0"`)
		for _, r := range relsFor(files, part) {
			target := path.Clean(path.Join(path.Dir(part), r.Target))
			switch {
			case strings.HasSuffix(r.Type, "/notesSlide"):
				if nd, err := readPart(files, target); err == nil {
					words := strings.Fields(strings.Join(texts(nd), " "))
					// drop the slide-number placeholder digit most notes pages carry
					if len(words) == 1 {
						words = nil
					}
					info.NotesWords = len(words)
					prev := strings.Join(words, " ")
					if len(prev) > 80 {
						prev = prev[:80] + "…"
					}
					info.NotesPreview = prev
				}
			case strings.HasSuffix(r.Type, "/comments"), strings.Contains(r.Type, "modernComment"):
				if cd, err := readPart(files, target); err == nil {
					info.Comments += strings.Count(string(cd), "<p:cm ") + strings.Count(string(cd), "<p188:cm ")
				}
			case r.TargetMode == "External" && (strings.HasSuffix(r.Type, "/image") || strings.HasSuffix(r.Type, "/video")):
				info.LinkedMedia++
			}
		}
		slides = append(slides, info)
	}
	sort.Slice(slides, func(a, b int) bool { return slides[a].Number < slides[b].Number })

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(slides)
		return
	}
	hidden, withNotes, comments := 0, 0, 0
	for _, s := range slides {
		flag := "      "
		if s.Hidden {
			flag = "HIDDEN"
			hidden++
		}
		if s.NotesWords > 0 {
			withNotes++
		}
		comments += s.Comments
		fmt.Printf("%3d %s %-40.40s notes:%4dw comments:%d", s.Number, flag, s.Title, s.NotesWords, s.Comments)
		if s.LinkedMedia > 0 {
			fmt.Printf(" linked-media:%d", s.LinkedMedia)
		}
		fmt.Println()
		if s.NotesPreview != "" {
			fmt.Printf("           ↳ %s\n", s.NotesPreview)
		}
	}
	fmt.Printf("\n%d slides, %d hidden, %d with notes, %d comments\n", len(slides), hidden, withNotes, comments)
}
