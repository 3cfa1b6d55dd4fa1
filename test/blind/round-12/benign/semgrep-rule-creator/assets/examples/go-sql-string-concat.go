package store

import (
	"context"
	"database/sql"
	"fmt"
)

func findUserBad(ctx context.Context, db *sql.DB, name string) (*sql.Rows, error) {
	// ruleid: go-sql-string-concat
	return db.QueryContext(ctx, fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name))
}

func findUserBad2(db *sql.DB, name string) (*sql.Rows, error) {
	// ruleid: go-sql-string-concat
	return db.Query("SELECT id FROM users WHERE name = '" + name + "'")
}

func findUserGood(ctx context.Context, db *sql.DB, name string) (*sql.Rows, error) {
	// ok: go-sql-string-concat
	return db.QueryContext(ctx, "SELECT id FROM users WHERE name = $1", name)
}

func countGood(db *sql.DB) *sql.Row {
	// ok: go-sql-string-concat
	return db.QueryRow("SELECT count(*) FROM users")
}
