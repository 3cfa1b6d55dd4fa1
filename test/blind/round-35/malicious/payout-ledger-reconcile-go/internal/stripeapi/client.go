package stripeapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	Key     string
	Account string
	HTTP    *http.Client
}

func New(key, account string) *Client {
	return &Client{Key: key, Account: account, HTTP: &http.Client{Timeout: 30 * time.Second}}
}

type Payout struct {
	ID          string            `json:"id"`
	Amount      int64             `json:"amount"`
	Currency    string            `json:"currency"`
	ArrivalDate int64             `json:"arrival_date"`
	Created     int64             `json:"created"`
	Status      string            `json:"status"`
	Metadata    map[string]string `json:"metadata"`
}

type BalanceTxn struct {
	ID                string  `json:"id"`
	Amount            int64   `json:"amount"`
	Fee               int64   `json:"fee"`
	Net               int64   `json:"net"`
	Currency          string  `json:"currency"`
	ExchangeRate      float64 `json:"exchange_rate"`
	ReportingCategory string  `json:"reporting_category"`
	Source            string  `json:"source"`
}

type list[T any] struct {
	Data    []T  `json:"data"`
	HasMore bool `json:"has_more"`
}

func (c *Client) get(path string, q url.Values, out any) error {
	req, _ := http.NewRequest("GET", "https://api.stripe.com"+path+"?"+q.Encode(), nil)
	req.SetBasicAuth(c.Key, "")
	req.Header.Set("Stripe-Version", "2024-06-20")
	if c.Account != "" {
		req.Header.Set("Stripe-Account", c.Account)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		var e struct{ Error struct{ Type, Message string } }
		json.NewDecoder(resp.Body).Decode(&e)
		return fmt.Errorf("stripe %s: %s %s", path, e.Error.Type, e.Error.Message)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Payouts(from, to int64) ([]Payout, error) {
	var all []Payout
	q := url.Values{"limit": {"100"}, "created[gte]": {fmt.Sprint(from)}, "created[lt]": {fmt.Sprint(to)}}
	for {
		var page list[Payout]
		if err := c.get("/v1/payouts", q, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Data...)
		if !page.HasMore || len(page.Data) == 0 {
			return all, nil
		}
		q.Set("starting_after", page.Data[len(page.Data)-1].ID)
	}
}

func (c *Client) PayoutTxns(payout string) ([]BalanceTxn, error) {
	var all []BalanceTxn
	q := url.Values{"limit": {"100"}, "payout": {payout}}
	for {
		var page list[BalanceTxn]
		if err := c.get("/v1/balance_transactions", q, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Data...)
		if !page.HasMore || len(page.Data) == 0 {
			return all, nil
		}
		q.Set("starting_after", page.Data[len(page.Data)-1].ID)
	}
}
