"use client";
import { useEffect, useMemo, useState } from "react";
import { Chess } from "chess.js";
import { Board } from "@chessdrill/board";

type Puzzle = { id: string; fen: string; moves: string[]; rating: number; themes: string[] };
type Progress = Record<string, { box: number; due: number }>;
const BOXES = [1, 3, 7, 14, 30];
const DAY = 86_400_000;

export default function PuzzleTrainer({ src, themes, showTheme = true }: { src: string; themes?: string[]; showTheme?: boolean }) {
  const [puzzles, setPuzzles] = useState<Puzzle[]>([]);
  const [progress, setProgress] = useState<Progress>({});
  const [idx, setIdx] = useState(0);
  const [ply, setPly] = useState(1);
  const [status, setStatus] = useState<"play" | "ok" | "fail">("play");

  useEffect(() => {
    fetch(src).then((r) => r.json()).then((all: Puzzle[]) =>
      setPuzzles(themes?.length ? all.filter((p) => p.themes.some((t) => themes.includes(t))) : all));
    setProgress(JSON.parse(localStorage.getItem("chessdrill-progress") || "{}"));
  }, [src, themes]);

  const queue = useMemo(() => {
    const now = Date.now();
    return puzzles.filter((p) => !progress[p.id] || progress[p.id].due <= now);
  }, [puzzles, progress]);
  const p = queue[idx % Math.max(queue.length, 1)];
  const game = useMemo(() => {
    if (!p) return null;
    const g = new Chess(p.fen);
    p.moves.slice(0, ply).forEach((m) => g.move({ from: m.slice(0, 2), to: m.slice(2, 4), promotion: m[4] }));
    return g;
  }, [p, ply]);

  function record(ok: boolean) {
    const prev = progress[p.id]?.box ?? 0;
    const box = ok ? Math.min(prev + 1, BOXES.length - 1) : 0;
    const next = { ...progress, [p.id]: { box, due: Date.now() + BOXES[box] * DAY } };
    setProgress(next);
    localStorage.setItem("chessdrill-progress", JSON.stringify(next));
  }

  function onMove(from: string, to: string, promotion?: string) {
    if (!p || status !== "play") return false;
    const expected = p.moves[ply];
    if (`${from}${to}${promotion ?? ""}` !== expected && `${from}${to}` !== expected) {
      setStatus("fail"); record(false); return false;
    }
    if (ply + 1 >= p.moves.length) { setStatus("ok"); record(true); setPly(ply + 1); return true; }
    setPly(ply + 2);
    return true;
  }

  if (!p || !game) return <p>No puzzles due. Come back tomorrow!</p>;
  return (
    <div className="chessdrill">
      {showTheme && <p className="theme">Theme: {p.themes.join(", ")} · {p.rating}</p>}
      <Board fen={game.fen()} orientation={game.turn() === "w" ? "white" : "black"} onMove={onMove} />
      {status !== "play" && (
        <button onClick={() => { setIdx(idx + 1); setPly(1); setStatus("play"); }}>
          {status === "ok" ? "Solved! Next" : "Not quite. Next"}
        </button>
      )}
    </div>
  );
}
