use rusqlite::{params, Connection};
use std::{io::Write, path::Path};

pub fn open() -> rusqlite::Result<Connection> {
    let dir = dirs::data_dir().unwrap_or_default().join("opendrill");
    std::fs::create_dir_all(&dir).ok();
    let db = Connection::open(dir.join("cards.db"))?;
    db.execute_batch(
        "CREATE TABLE IF NOT EXISTS cards(id INTEGER PRIMARY KEY, line TEXT, side TEXT, fen TEXT,
           answer TEXT, hint TEXT, ease REAL DEFAULT 2.5, interval INTEGER DEFAULT 0, due TEXT DEFAULT (date('now')));",
    )?;
    Ok(db)
}

pub fn import_pgn(db: &Connection, path: &Path, side: &str, name: &str) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let mut n = 0;
    for (i, tok) in text.split_whitespace().filter(|t| !t.ends_with('.') && !t.starts_with('[')).enumerate() {
        let mine = (side == "white") == (i % 2 == 0);
        if mine {
            db.execute("INSERT INTO cards(line, side, fen, answer) VALUES (?1, ?2, ?3, ?4)", params![name, side, format!("ply{i}"), tok])?;
            n += 1;
        }
    }
    println!("imported {n} cards into {name}");
    Ok(())
}

pub fn add_position(db: &Connection, text: &str) -> rusqlite::Result<()> {
    db.execute("INSERT INTO cards(line, side, fen, answer) VALUES ('clipboard', '?', ?1, '')", params![text.lines().next().unwrap_or("")])?;
    Ok(())
}

pub fn list(db: &Connection) -> rusqlite::Result<()> {
    let mut st = db.prepare("SELECT line, side, count(*) FROM cards GROUP BY line, side")?;
    for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))? {
        let (l, s, c) = r?;
        println!("{l:<24} {s:<6} {c} cards");
    }
    Ok(())
}

pub fn drill(db: &Connection, due: bool, line: Option<&str>, depth: usize) -> Result<(), Box<dyn std::error::Error>> {
    let sql = if due { "SELECT id, line, answer, ease, interval FROM cards WHERE due <= date('now') LIMIT ?1" }
              else { "SELECT id, line, answer, ease, interval FROM cards WHERE line = coalesce(?2, line) LIMIT ?1" };
    let mut st = db.prepare(sql)?;
    let rows: Vec<(i64, String, String, f64, i64)> = if due {
        st.query_map(params![depth as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<Result<_, _>>()?
    } else {
        st.query_map(params![depth as i64, line], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<Result<_, _>>()?
    };
    for (id, l, ans, ease, iv) in rows {
        print!("[{l}] your move: "); std::io::stdout().flush()?;
        let mut s = String::new(); std::io::stdin().read_line(&mut s)?;
        let ok = s.trim() == ans;
        let (e, i) = if ok { (ease + 0.1, if iv == 0 { 1 } else { (iv as f64 * ease) as i64 }) } else { ((ease - 0.2).max(1.3), 0) };
        if !ok { println!("  -> {ans}"); }
        db.execute("UPDATE cards SET ease=?1, interval=?2, due=date('now', '+' || ?2 || ' day') WHERE id=?3", params![e, i, id])?;
    }
    Ok(())
}

pub fn stats(db: &Connection) -> rusqlite::Result<()> {
    let mut st = db.prepare("SELECT line, avg(ease) FROM cards GROUP BY line ORDER BY 2")?;
    for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?)))? {
        let (l, e) = r?;
        println!("{l:<24} ease {e:.2}");
    }
    Ok(())
}
