import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { distance, feedUrls, join as joinFeeds } from "../src/gbfs";

const fx = (f: string) => join(__dirname, ".fixtures", f);
const have = (f: string) => existsSync(fx(f));
const read = (f: string) => JSON.parse(readFileSync(fx(f), "utf8"));

describe("feedUrls", () => {
  it("handles 2.x language-keyed discovery", () => {
    const d = { data: { en: { feeds: [{ name: "station_status", url: "https://x/s" }] } } };
    expect(feedUrls(d).station_status).toBe("https://x/s");
  });
  it("handles 3.x flat discovery", () => {
    const d = { data: { feeds: [{ name: "station_information", url: "https://x/i" }] } };
    expect(feedUrls(d).station_information).toBe("https://x/i");
  });
});

describe("join", () => {
  it("joins minimal info and status", () => {
    const info = { data: { stations: [{ station_id: "72", name: "W 52 St", lat: 40.76, lon: -73.99, capacity: 55 }] } };
    const status = { data: { stations: [{ station_id: "72", num_bikes_available: 3, num_ebikes_available: 1, num_docks_available: 50, is_renting: 1 }] } };
    const [s] = joinFeeds(info, status);
    expect(s).toMatchObject({ id: "72", bikes: 3, ebikes: 1, docks: 50, renting: true });
  });

  (have("citibike-2.3-info.json") ? it : it.skip)("parses recorded Citi Bike 2.3", () => {
    const s = joinFeeds(read("citibike-2.3-info.json"), read("citibike-2.3-status.json"));
    expect(s.length).toBeGreaterThan(1000);
    expect(typeof s[0].id).toBe("string");
  });

  (have("velib-3.0-info.json") ? it : it.skip)("parses recorded Vélib 3.0 names", () => {
    const s = joinFeeds(read("velib-3.0-info.json"), read("velib-3.0-status.json"));
    expect(s.every((x) => typeof x.name === "string")).toBe(true);
  });
});

describe("distance", () => {
  it("is about 1.1 km for 0.01 deg latitude", () => {
    expect(Math.round(distance(40.75, -73.98, 40.76, -73.98))).toBeCloseTo(1112, -1);
  });
});
