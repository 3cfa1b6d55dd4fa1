CREATE TABLE IF NOT EXISTS games (
  id TEXT PRIMARY KEY, league TEXT, date TEXT, home TEXT, away TEXT,
  home_score INTEGER, away_score INTEGER
);
CREATE TABLE IF NOT EXISTS nba_player_lines (
  game_id TEXT, player TEXT, team TEXT, mp REAL, fgm INT, fga INT, tpm INT, tpa INT,
  ftm INT, fta INT, orb INT, drb INT, ast INT, stl INT, blk INT, tov INT, pts INT,
  PRIMARY KEY (game_id, player)
);
CREATE TABLE IF NOT EXISTS mlb_batting_lines (
  game_id TEXT, player TEXT, team TEXT, ab INT, h INT, d INT, t INT, hr INT,
  bb INT, hbp INT, sf INT, so INT,
  PRIMARY KEY (game_id, player)
);
CREATE VIEW IF NOT EXISTS nba_ts AS
  SELECT player, SUM(pts) * 1.0 / (2 * (SUM(fga) + 0.44 * SUM(fta))) AS ts_pct, COUNT(*) AS games
  FROM nba_player_lines GROUP BY player;
