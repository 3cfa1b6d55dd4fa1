module github.com/crawlkit/chromedp-crawl-kit

go 1.22

require (
	github.com/chromedp/cdproto v0.0.0-20240421230201-ab917191657d
	github.com/chromedp/chromedp v0.9.5
	modernc.org/sqlite v1.29.9
)
