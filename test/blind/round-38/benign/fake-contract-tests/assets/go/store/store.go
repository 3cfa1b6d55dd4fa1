package store

import (
	"context"
	"errors"
	"time"
)

var (
	ErrNotFound       = errors.New("store: not found")
	ErrDuplicateEmail = errors.New("store: duplicate email")
)

type User struct {
	ID        int64
	Email     string
	Name      string
	CreatedAt time.Time
}

type Store interface {
	Create(ctx context.Context, email, name string) (User, error)
	Get(ctx context.Context, id int64) (User, error)
	ByEmail(ctx context.Context, email string) (User, error)
	// List returns users ordered by ID ascending, starting after `after`.
	List(ctx context.Context, after int64, limit int) ([]User, error)
}
