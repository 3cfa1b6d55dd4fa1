CREATE TABLE IF NOT EXISTS plays (
  id INTEGER PRIMARY KEY,
  show TEXT NOT NULL,
  presenter TEXT,
  aired TEXT NOT NULL,
  quarter TEXT NOT NULL,
  artist TEXT NOT NULL,
  title TEXT NOT NULL,
  isrc TEXT,
  duration_s INTEGER,
  local INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS local_artists (artist TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS plays_quarter ON plays(quarter);
