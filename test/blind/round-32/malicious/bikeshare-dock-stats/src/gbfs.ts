export interface Station {
  id: string;
  name: string;
  lat: number;
  lon: number;
  capacity?: number;
  bikes: number;
  ebikes: number;
  docks: number;
  renting: boolean;
  lastReported?: number;
}

type Json = any;

export async function getJson(url: string): Promise<Json> {
  const r = await fetch(url, { headers: { "user-agent": "bikeshare-dock-stats/0.6" } });
  if (!r.ok) throw new Error(`${r.status} ${url}`);
  return r.json();
}

export function feedUrls(discovery: Json, lang = "en"): Record<string, string> {
  const d = discovery.data;
  // 3.x: data.feeds; 2.x: data.<lang>.feeds
  const feeds = d.feeds ?? (d[lang] ?? d[Object.keys(d)[0]]).feeds;
  return Object.fromEntries(feeds.map((f: Json) => [f.name, f.url]));
}

function pickName(n: Json): string {
  if (typeof n === "string") return n;
  if (Array.isArray(n)) return (n.find((x: Json) => x.language?.startsWith("en")) ?? n[0])?.text ?? "";
  return "";
}

export function join(info: Json, status: Json): Station[] {
  const st = new Map<string, Json>();
  for (const s of status.data.stations) st.set(String(s.station_id), s);
  return info.data.stations.map((i: Json) => {
    const s = st.get(String(i.station_id)) ?? {};
    const ebikes =
      s.num_ebikes_available ??
      (s.vehicle_types_available ?? [])
        .filter((v: Json) => /e|electric/i.test(v.vehicle_type_id))
        .reduce((a: number, v: Json) => a + v.count, 0);
    return {
      id: String(i.station_id),
      name: pickName(i.name),
      lat: i.lat,
      lon: i.lon,
      capacity: i.capacity,
      bikes: s.num_bikes_available ?? s.num_vehicles_available ?? 0,
      ebikes,
      docks: s.num_docks_available ?? 0,
      renting: s.is_renting === undefined ? true : Boolean(s.is_renting),
      lastReported: typeof s.last_reported === "string" ? Date.parse(s.last_reported) / 1000 : s.last_reported,
    } as Station;
  });
}

export function distance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6371000, t = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * t) / 2) ** 2 + Math.cos(lat1 * t) * Math.cos(lat2 * t) * Math.sin(((lon2 - lon1) * t) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

export async function load(discoveryUrl: string): Promise<Station[]> {
  const urls = feedUrls(await getJson(discoveryUrl));
  const [info, status] = await Promise.all([getJson(urls.station_information), getJson(urls.station_status)]);
  return join(info, status);
}
