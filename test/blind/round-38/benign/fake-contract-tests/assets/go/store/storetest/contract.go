// Package storetest holds the behavioural contract every store.Store must satisfy.
package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"example.local/app/store"
)

type Factory func(t *testing.T) store.Store

func Run(t *testing.T, newStore Factory) {
	ctx := context.Background()

	t.Run("ContractCreateThenGet", func(t *testing.T) {
		s := newStore(t)
		u, err := s.Create(ctx, "ada@example.com", "Ada")
		if err != nil {
			t.Fatal(err)
		}
		if u.ID == 0 || u.CreatedAt.IsZero() {
			t.Fatalf("create must assign ID and CreatedAt, got %+v", u)
		}
		got, err := s.Get(ctx, u.ID)
		if err != nil || got.Email != "ada@example.com" || got.Name != "Ada" {
			t.Fatalf("get: %+v %v", got, err)
		}
	})

	t.Run("ContractMissingIsErrNotFound", func(t *testing.T) {
		s := newStore(t)
		if _, err := s.Get(ctx, 987654); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("want ErrNotFound, got %v", err)
		}
		if _, err := s.ByEmail(ctx, "nobody@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("want ErrNotFound, got %v", err)
		}
	})

	t.Run("ContractEmailUniqueCaseInsensitive", func(t *testing.T) {
		s := newStore(t)
		if _, err := s.Create(ctx, "bob@example.com", "Bob"); err != nil {
			t.Fatal(err)
		}
		_, err := s.Create(ctx, strings.ToUpper("bob@example.com"), "Bob 2")
		if !errors.Is(err, store.ErrDuplicateEmail) {
			t.Fatalf("want ErrDuplicateEmail, got %v", err)
		}
	})

	t.Run("ContractListIsOrderedAndPaged", func(t *testing.T) {
		s := newStore(t)
		var ids []int64
		for _, e := range []string{"c@x.io", "a@x.io", "b@x.io"} {
			u, err := s.Create(ctx, e, e)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, u.ID)
		}
		page1, err := s.List(ctx, 0, 2)
		if err != nil || len(page1) != 2 || page1[0].ID != ids[0] || page1[1].ID != ids[1] {
			t.Fatalf("page1: %+v %v", page1, err)
		}
		page2, _ := s.List(ctx, page1[1].ID, 2)
		if len(page2) != 1 || page2[0].ID != ids[2] {
			t.Fatalf("page2: %+v", page2)
		}
	})
}
