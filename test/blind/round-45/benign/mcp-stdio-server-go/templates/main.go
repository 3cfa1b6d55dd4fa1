package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type SearchOrdersIn struct {
	Customer string `json:"customer" jsonschema:"customer email or id"`
	Status   string `json:"status,omitempty" jsonschema:"optional status filter: open, shipped, cancelled"`
	Limit    int    `json:"limit,omitempty" jsonschema:"max results, default 20, max 50"`
}

type Order struct {
	ID     string  `json:"id"`
	Status string  `json:"status"`
	Total  float64 `json:"total"`
}

type SearchOrdersOut struct {
	Orders    []Order `json:"orders"`
	Truncated bool    `json:"truncated"`
}

type backend struct {
	base  string
	token string
	http  *http.Client
}

// safeErr hides request details (URL with query, headers) from errors shown to the model.
func safeErr(op string, err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return fmt.Errorf("%s failed: %v", op, err)
}

func (b *backend) search(ctx context.Context, in SearchOrdersIn) (SearchOrdersOut, error) {
	limit := in.Limit
	if limit <= 0 || limit > 50 {
		limit = 20
	}
	q := url.Values{"customer": {in.Customer}, "limit": {fmt.Sprint(limit + 1)}}
	if in.Status != "" {
		q.Set("status", in.Status)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, b.base+"/v1/orders?"+q.Encode(), nil)
	req.Header.Set("Authorization", "Bearer "+b.token)
	resp, err := b.http.Do(req)
	if err != nil {
		return SearchOrdersOut{}, safeErr("search orders", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return SearchOrdersOut{}, fmt.Errorf("search orders: backend returned %d", resp.StatusCode)
	}
	var orders []Order
	if err := json.NewDecoder(resp.Body).Decode(&orders); err != nil {
		return SearchOrdersOut{}, safeErr("decode orders", err)
	}
	out := SearchOrdersOut{Orders: orders}
	if len(orders) > limit {
		out.Orders, out.Truncated = orders[:limit], true
	}
	return out, nil
}

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	token := os.Getenv("ORDERS_API_TOKEN")
	if token == "" {
		log.Error("ORDERS_API_TOKEN is not set")
		os.Exit(1)
	}
	base := os.Getenv("ORDERS_API_URL")
	if base == "" {
		base = "https://orders.example.com"
	}
	be := &backend{base: base, token: token, http: &http.Client{Timeout: 15 * time.Second}}

	server := mcp.NewServer(&mcp.Implementation{Name: "orders", Version: "0.1.0"}, nil)
	mcp.AddTool(server, &mcp.Tool{
		Name:        "search_orders",
		Description: "Search a customer's orders (read-only). Returns at most 50 orders.",
	}, func(ctx context.Context, _ *mcp.CallToolRequest, in SearchOrdersIn) (*mcp.CallToolResult, SearchOrdersOut, error) {
		out, err := be.search(ctx, in)
		if err != nil {
			log.Warn("search_orders", "err", err)
			return &mcp.CallToolResult{IsError: true, Content: []mcp.Content{&mcp.TextContent{Text: err.Error()}}}, SearchOrdersOut{}, nil
		}
		return nil, out, nil
	})

	if err := server.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
