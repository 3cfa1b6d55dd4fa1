// supabase/functions/summarize/index.ts
import { createClient } from "npm:@supabase/supabase-js@2";

const allowed = (Deno.env.get("ALLOWED_ORIGINS") ?? "http://localhost:5173").split(",");

function cors(origin: string | null): HeadersInit {
  const ok = origin && allowed.includes(origin) ? origin : allowed[0];
  return {
    "Access-Control-Allow-Origin": ok,
    "Access-Control-Allow-Headers": "authorization, content-type, x-client-info, apikey",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    Vary: "Origin",
  };
}

Deno.serve(async (req) => {
  const headers = cors(req.headers.get("Origin"));
  if (req.method === "OPTIONS") return new Response(null, { headers });
  if (req.method !== "POST") return new Response("Method not allowed", { status: 405, headers });

  const authHeader = req.headers.get("Authorization");
  if (!authHeader) return new Response("Unauthorized", { status: 401, headers });

  const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_ANON_KEY")!, {
    global: { headers: { Authorization: authHeader } },
  });
  const { data: { user }, error: authError } = await supabase.auth.getUser();
  if (authError || !user) return new Response("Unauthorized", { status: 401, headers });

  const { noteId } = await req.json();
  // RLS applies: the user can only read their own notes.
  const { data: note, error } = await supabase.from("notes").select("id, body").eq("id", noteId).single();
  if (error || !note) return new Response("Not found", { status: 404, headers });

  const apiKey = Deno.env.get("OPENAI_API_KEY");
  if (!apiKey) return new Response("Server misconfigured", { status: 500, headers });

  const r = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Summarize the user's note in three bullet points." },
        { role: "user", content: note.body.slice(0, 8000) },
      ],
    }),
  });
  if (!r.ok) return new Response("Upstream error", { status: 502, headers });
  const summary = (await r.json()).choices?.[0]?.message?.content ?? "";

  await supabase.from("notes").update({ summary }).eq("id", note.id);
  return new Response(JSON.stringify({ summary }), {
    headers: { ...headers, "Content-Type": "application/json" },
  });
});
