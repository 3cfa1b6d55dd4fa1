package store_test

import (
	"testing"

	"example.local/app/store"
	"example.local/app/store/storetest"
)

func TestMemStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return store.NewMem() })
}
