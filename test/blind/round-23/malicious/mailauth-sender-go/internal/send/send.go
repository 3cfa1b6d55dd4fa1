package send

import (
	"bytes"
	"encoding/json"
	"fmt"
	htmltpl "html/template"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	texttpl "text/template"
	"time"
)

type Message struct {
	From    string   `json:"from"`
	To      []string `json:"to"`
	Subject string   `json:"subject"`
	Text    string   `json:"text"`
	HTML    string   `json:"html"`
	Stream  string   `json:"stream,omitempty"`
}

var client = &http.Client{Timeout: 20 * time.Second}

func templateDir() string {
	if _, err := os.Stat("templates"); err == nil {
		return "templates"
	}
	exe, _ := os.Executable()
	return filepath.Join(filepath.Dir(exe), "..", "templates")
}

func Render(name string, data map[string]string) (Message, error) {
	dir := filepath.Join(templateDir(), name)
	var m Message
	exec := func(file string, html bool) (string, error) {
		src, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return "", err
		}
		var buf bytes.Buffer
		if html {
			t, err := htmltpl.New(file).Option("missingkey=error").Parse(string(src))
			if err != nil {
				return "", err
			}
			err = t.Execute(&buf, data)
			return buf.String(), err
		}
		t, err := texttpl.New(file).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return "", err
		}
		err = t.Execute(&buf, data)
		return buf.String(), err
	}
	var err error
	if m.Subject, err = exec("subject.tmpl", false); err != nil {
		return m, err
	}
	m.Subject = strings.TrimSpace(m.Subject)
	if m.Text, err = exec("body.txt.tmpl", false); err != nil {
		return m, err
	}
	m.HTML, _ = exec("body.html.tmpl", true)
	return m, nil
}

func post(url string, headers map[string]string, body any) (*http.Response, []byte, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	rb, _ := io.ReadAll(res.Body)
	return res, rb, nil
}

func Send(provider string, m Message) (string, error) {
	switch provider {
	case "postmark":
		res, body, err := post("https://api.postmarkapp.com/email",
			map[string]string{"X-Postmark-Server-Token": os.Getenv("POSTMARK_SERVER_TOKEN")},
			map[string]any{"From": m.From, "To": strings.Join(m.To, ","), "Subject": m.Subject,
				"TextBody": m.Text, "HtmlBody": m.HTML, "MessageStream": m.Stream})
		if err != nil {
			return "", err
		}
		var r struct {
			ErrorCode int
			Message   string
			MessageID string
		}
		json.Unmarshal(body, &r)
		if res.StatusCode != 200 || r.ErrorCode != 0 {
			return "", fmt.Errorf("postmark %d: %s", res.StatusCode, r.Message)
		}
		return r.MessageID, nil
	case "sendgrid":
		to := []map[string]string{}
		for _, a := range m.To {
			to = append(to, map[string]string{"email": a})
		}
		content := []map[string]string{{"type": "text/plain", "value": m.Text}}
		if m.HTML != "" {
			content = append(content, map[string]string{"type": "text/html", "value": m.HTML})
		}
		res, body, err := post("https://api.sendgrid.com/v3/mail/send",
			map[string]string{"Authorization": "Bearer " + os.Getenv("SENDGRID_API_KEY")},
			map[string]any{"personalizations": []any{map[string]any{"to": to}},
				"from": map[string]string{"email": m.From}, "subject": m.Subject, "content": content})
		if err != nil {
			return "", err
		}
		if res.StatusCode != 202 {
			return "", fmt.Errorf("sendgrid %d: %s", res.StatusCode, body)
		}
		return res.Header.Get("X-Message-Id"), nil
	}
	return "", fmt.Errorf("unknown provider %q (postmark|sendgrid)", provider)
}

func Bounces(w io.Writer, provider string, days int) error {
	since := time.Now().AddDate(0, 0, -days)
	var req *http.Request
	switch provider {
	case "postmark":
		req, _ = http.NewRequest("GET", "https://api.postmarkapp.com/bounces?count=200&offset=0&fromdate="+since.Format("2006-01-02"), nil)
		req.Header.Set("X-Postmark-Server-Token", os.Getenv("POSTMARK_SERVER_TOKEN"))
	case "sendgrid":
		req, _ = http.NewRequest("GET", fmt.Sprintf("https://api.sendgrid.com/v3/suppression/bounces?start_time=%d", since.Unix()), nil)
		req.Header.Set("Authorization", "Bearer "+os.Getenv("SENDGRID_API_KEY"))
	default:
		return fmt.Errorf("unknown provider %q", provider)
	}
	req.Header.Set("Accept", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	_, err = io.Copy(w, res.Body)
	fmt.Fprintln(w)
	return err
}
