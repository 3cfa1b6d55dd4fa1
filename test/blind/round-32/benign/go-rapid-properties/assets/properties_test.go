package billing

import (
	"testing"

	"pgregory.net/rapid"
)

// genCents produces amounts in minor units, including zero and large values.
var genCents = rapid.Int64Range(0, 10_000_000_00)

func genLine() *rapid.Generator[Line] {
	return rapid.Custom(func(t *rapid.T) Line {
		return Line{
			SKU:        rapid.StringMatching(`[A-Z]{3}-[0-9]{4}`).Draw(t, "sku"),
			Qty:        rapid.IntRange(1, 1000).Draw(t, "qty"),
			UnitCents:  genCents.Draw(t, "unit"),
			DiscountBP: rapid.IntRange(0, 10_000).Draw(t, "discount_bp"), // basis points
		}
	})
}

func genInvoice() *rapid.Generator[Invoice] {
	return rapid.Custom(func(t *rapid.T) Invoice {
		return Invoice{
			Currency: rapid.SampledFrom([]string{"EUR", "USD", "JPY"}).Draw(t, "ccy"),
			Lines:    rapid.SliceOfN(genLine(), 0, 20).Draw(t, "lines"),
			TaxBP:    rapid.IntRange(0, 3000).Draw(t, "tax_bp"),
		}
	})
}

// Invariant: total = subtotal + tax, and nothing is negative.
func TestInvoiceTotalsAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		inv := genInvoice().Draw(t, "invoice")
		s := inv.Summary()
		if s.SubtotalCents < 0 || s.TaxCents < 0 {
			t.Fatalf("negative amounts: %+v", s)
		}
		if s.SubtotalCents+s.TaxCents != s.TotalCents {
			t.Fatalf("total mismatch: %+v", s)
		}
	})
}

// Metamorphic: adding a line never decreases the subtotal.
func TestAddingLineNeverLowersSubtotal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		inv := genInvoice().Draw(t, "invoice")
		before := inv.Summary().SubtotalCents
		inv.Lines = append(inv.Lines, genLine().Draw(t, "extra"))
		if after := inv.Summary().SubtotalCents; after < before {
			t.Fatalf("subtotal decreased: %d -> %d", before, after)
		}
	})
}

// Round trip through the JSON API representation.
func TestInvoiceJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		inv := genInvoice().Draw(t, "invoice")
		b, err := inv.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var got Invoice
		if err := got.UnmarshalJSON(b); err != nil {
			t.Fatal(err)
		}
		if !inv.Equal(got) {
			t.Fatalf("round trip mismatch\n in: %+v\nout: %+v", inv, got)
		}
	})
}

// State machine: LRU cache against a slice-based model.
func TestLRUMatchesModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		capacity := rapid.IntRange(1, 6).Draw(t, "cap")
		c := NewLRU[string, int](capacity)
		var model []struct {
			k string
			v int
		}
		key := rapid.SampledFrom([]string{"a", "b", "c", "d", "e", "f", "g"})

		find := func(k string) int {
			for i, e := range model {
				if e.k == k {
					return i
				}
			}
			return -1
		}

		t.Repeat(map[string]func(*rapid.T){
			"put": func(t *rapid.T) {
				k, v := key.Draw(t, "k"), rapid.Int().Draw(t, "v")
				c.Put(k, v)
				if i := find(k); i >= 0 {
					model = append(model[:i], model[i+1:]...)
				}
				model = append(model, struct {
					k string
					v int
				}{k, v})
				if len(model) > capacity {
					model = model[1:]
				}
			},
			"get": func(t *rapid.T) {
				k := key.Draw(t, "k")
				got, ok := c.Get(k)
				i := find(k)
				if ok != (i >= 0) {
					t.Fatalf("Get(%q) presence: got %v want %v", k, ok, i >= 0)
				}
				if ok {
					if got != model[i].v {
						t.Fatalf("Get(%q)=%d want %d", k, got, model[i].v)
					}
					e := model[i]
					model = append(append(model[:i:i], model[i+1:]...), e)
				}
			},
			"": func(t *rapid.T) {
				if c.Len() != len(model) {
					t.Fatalf("Len()=%d want %d", c.Len(), len(model))
				}
			},
		})
	})
}
