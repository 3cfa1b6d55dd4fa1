package store_test

import (
	"os"
	"testing"

	"example.local/app/store"
	"example.local/app/store/storetest"
)

func TestPGStoreContract(t *testing.T) {
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		t.Skip("DATABASE_URL not set; run `make test-contract`")
	}
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.OpenPG(dsn)
		if err != nil {
			t.Fatal(err)
		}
		schema := s.CreateTempSchema(t.Name())
		t.Cleanup(func() { s.DropSchema(schema); s.Close() })
		return s
	})
}
