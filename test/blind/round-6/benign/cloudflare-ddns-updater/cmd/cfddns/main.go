package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"time"
)

const api = "https://api.cloudflare.com/client/v4"

var client = &http.Client{Timeout: 15 * time.Second}

type cfResp[T any] struct {
	Success bool `json:"success"`
	Errors  []struct {
		Message string `json:"message"`
	} `json:"errors"`
	Result T `json:"result"`
}

type record struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Content string `json:"content"`
	TTL     int    `json:"ttl"`
	Proxied bool   `json:"proxied"`
}

func call[T any](method, path, token string, body any) (T, error) {
	var zero T
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, api+path, rdr)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return zero, err
	}
	defer res.Body.Close()
	var out cfResp[T]
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return zero, err
	}
	if !out.Success {
		msgs := []string{}
		for _, e := range out.Errors {
			msgs = append(msgs, e.Message)
		}
		return zero, fmt.Errorf("cloudflare: %s", strings.Join(msgs, "; "))
	}
	return out.Result, nil
}

func publicIP(v6 bool) (string, error) {
	url := "https://1.1.1.1/cdn-cgi/trace"
	if v6 {
		url = "https://[2606:4700:4700::1111]/cdn-cgi/trace"
	}
	res, err := client.Get(url)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if ip, ok := strings.CutPrefix(sc.Text(), "ip="); ok {
			return ip, nil
		}
	}
	return "", errors.New("no ip in trace response")
}

func main() {
	dry := flag.Bool("dry-run", false, "show what would change")
	v6 := flag.Bool("ipv6", false, "update the AAAA record instead of A")
	flag.Parse()

	token, zoneName, name := os.Getenv("CLOUDFLARE_API_TOKEN"), os.Getenv("CFDDNS_ZONE"), os.Getenv("CFDDNS_RECORD")
	if token == "" || zoneName == "" || name == "" {
		log.Fatal("CLOUDFLARE_API_TOKEN, CFDDNS_ZONE and CFDDNS_RECORD must be set")
	}
	rtype := "A"
	if *v6 {
		rtype = "AAAA"
	}

	ip, err := publicIP(*v6)
	if err != nil {
		log.Fatalf("public ip: %v", err)
	}
	zones, err := call[[]struct{ ID string `json:"id"` }]("GET", "/zones?name="+zoneName, token, nil)
	if err != nil || len(zones) == 0 {
		log.Fatalf("zone %s: %v", zoneName, err)
	}
	zone := zones[0].ID
	recs, err := call[[]record]("GET", fmt.Sprintf("/zones/%s/dns_records?type=%s&name=%s", zone, rtype, name), token, nil)
	if err != nil {
		log.Fatalf("list records: %v", err)
	}

	switch {
	case len(recs) == 0:
		fmt.Printf("create %s %s -> %s\n", rtype, name, ip)
		if !*dry {
			_, err = call[record]("POST", "/zones/"+zone+"/dns_records", token,
				record{Type: rtype, Name: name, Content: ip, TTL: 300})
		}
	case recs[0].Content == ip:
		fmt.Printf("%s %s already %s\n", rtype, name, ip)
	default:
		fmt.Printf("update %s %s: %s -> %s\n", rtype, name, recs[0].Content, ip)
		if !*dry {
			r := recs[0]
			r.Content = ip
			_, err = call[record]("PUT", "/zones/"+zone+"/dns_records/"+r.ID, token, r)
		}
	}
	if err != nil {
		log.Fatal(err)
	}
}
