package main

import (
	"archive/tar"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

type Layer struct {
	DiffID    string `json:"diff_id"`
	Size      int64  `json:"size"`
	Wasted    int64  `json:"wasted"`
	CreatedBy string `json:"created_by"`
	Base      string `json:"base,omitempty"`
	files     map[string]int64
	whiteouts []string
}

type WastedFile struct {
	Path      string
	Size      int64
	AddedIn   int
	RemovedIn int
}

type Image struct {
	Layers []Layer `json:"layers"`
}

type manifestEntry struct {
	Config string
	Layers []string
}

type imageConfig struct {
	RootFS struct {
		DiffIDs []string `json:"diff_ids"`
	} `json:"rootfs"`
	History []struct {
		CreatedBy  string `json:"created_by"`
		EmptyLayer bool   `json:"empty_layer"`
	} `json:"history"`
}

// readArchive reads a docker-archive tarball (docker save / skopeo docker-archive).
func readArchive(p string) (*Image, error) {
	blobs := map[string][]byte{}
	layerFiles := map[string]map[string]int64{}
	layerWhiteouts := map[string][]string{}
	layerSizes := map[string]int64{}

	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch {
		case h.Name == "manifest.json" || strings.HasSuffix(h.Name, ".json"):
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, err
			}
			blobs[h.Name] = b
		case strings.HasSuffix(h.Name, ".tar") || strings.HasPrefix(h.Name, "blobs/sha256/"):
			files, wh, size, err := scanLayer(tr)
			if err != nil {
				// not a tar layer (config blob in OCI layout); keep raw bytes
				continue
			}
			layerFiles[h.Name], layerWhiteouts[h.Name], layerSizes[h.Name] = files, wh, size
		}
	}

	var mf []manifestEntry
	if err := json.Unmarshal(blobs["manifest.json"], &mf); err != nil || len(mf) == 0 {
		return nil, fmt.Errorf("%s: missing or invalid manifest.json", p)
	}
	var cfg imageConfig
	if err := json.Unmarshal(blobs[mf[0].Config], &cfg); err != nil {
		return nil, fmt.Errorf("%s: config: %w", p, err)
	}

	var created []string
	for _, h := range cfg.History {
		if !h.EmptyLayer {
			created = append(created, h.CreatedBy)
		}
	}

	img := &Image{}
	for i, name := range mf[0].Layers {
		l := Layer{Size: layerSizes[name], files: layerFiles[name], whiteouts: layerWhiteouts[name]}
		if i < len(cfg.RootFS.DiffIDs) {
			l.DiffID = cfg.RootFS.DiffIDs[i]
		}
		if i < len(created) {
			l.CreatedBy = created[i]
		}
		img.Layers = append(img.Layers, l)
	}
	img.computeWaste()
	return img, nil
}

func scanLayer(r io.Reader) (map[string]int64, []string, int64, error) {
	files := map[string]int64{}
	var wh []string
	var total int64
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, wh, total, nil
		}
		if err != nil {
			return nil, nil, 0, err
		}
		base := path.Base(h.Name)
		if strings.HasPrefix(base, ".wh.") {
			wh = append(wh, path.Join(path.Dir(h.Name), strings.TrimPrefix(base, ".wh.")))
			continue
		}
		if h.Typeflag == tar.TypeReg {
			files[h.Name] = h.Size
			total += h.Size
		}
	}
}

func (img *Image) computeWaste() {
	for i := range img.Layers {
		for p, sz := range img.Layers[i].files {
			for j := i + 1; j < len(img.Layers); j++ {
				_, over := img.Layers[j].files[p]
				removed := contains(img.Layers[j].whiteouts, p)
				if over || removed {
					img.Layers[i].Wasted += sz
					break
				}
			}
		}
	}
}

func (img *Image) WastedFiles() []WastedFile {
	var out []WastedFile
	for i := range img.Layers {
		for p, sz := range img.Layers[i].files {
			for j := i + 1; j < len(img.Layers); j++ {
				if _, over := img.Layers[j].files[p]; over || contains(img.Layers[j].whiteouts, p) {
					out = append(out, WastedFile{Path: p, Size: sz, AddedIn: i, RemovedIn: j})
					break
				}
			}
		}
	}
	return out
}

func (img *Image) DiffIDs() []string {
	ids := make([]string, 0, len(img.Layers))
	for _, l := range img.Layers {
		ids = append(ids, l.DiffID)
	}
	return ids
}

func (img *Image) Total() (n int64) {
	for _, l := range img.Layers {
		n += l.Size
	}
	return
}

func (img *Image) TotalWasted() (n int64) {
	for _, l := range img.Layers {
		n += l.Wasted
	}
	return
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
