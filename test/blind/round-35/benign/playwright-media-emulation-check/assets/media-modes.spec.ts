import { test, expect, type Page } from "@playwright/test";

// Routes to sweep. Keep this short and representative.
const PAGES: { name: string; path: string; ready?: string }[] = [
  { name: "home", path: "/" },
  { name: "settings-form", path: "/settings", ready: "form" },
  { name: "table", path: "/reports" },
];

type Mode = "light" | "dark" | "reduced-motion" | "forced-colors";
const MODES: Mode[] = ["light", "dark", "reduced-motion", "forced-colors"];

async function applyMode(page: Page, mode: Mode) {
  switch (mode) {
    case "dark":
      await page.emulateMedia({ colorScheme: "dark" });
      break;
    case "reduced-motion":
      await page.emulateMedia({ reducedMotion: "reduce" });
      break;
    case "forced-colors":
      await page.emulateMedia({ forcedColors: "active" });
      break;
    default:
      await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference", forcedColors: "none" });
  }
}

async function whiteSurfaces(page: Page) {
  return page.evaluate(() => {
    const out: { selector: string; area: number }[] = [];
    const vw = innerWidth, vh = innerHeight;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      if (el.closest("[data-media-check=ignore]")) continue;
      const r = el.getBoundingClientRect();
      const area = r.width * r.height;
      if (area < vw * vh * 0.04) continue;
      const bg = getComputedStyle(el).backgroundColor;
      const m = bg.match(/\d+(\.\d+)?/g)?.map(Number);
      if (!m) continue;
      const [r_, g, b, a = 1] = m;
      if (a > 0.9 && r_ > 235 && g > 235 && b > 235) {
        const sel = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join(".")}`;
        out.push({ selector: sel, area: Math.round((area / (vw * vh)) * 100) });
      }
    }
    return out;
  });
}

async function unreducedAnimations(page: Page) {
  return page.evaluate(() =>
    document.getAnimations()
      .filter((a) => a.playState === "running")
      .map((a) => {
        const t = (a.effect as KeyframeEffect | null)?.getTiming();
        const target = (a.effect as KeyframeEffect | null)?.target as Element | null;
        return {
          target: target ? target.tagName.toLowerCase() + (target.className ? "." + String(target.className).split(" ")[0] : "") : "?",
          duration: Number(t?.duration ?? 0),
          iterations: t?.iterations,
        };
      })
      .filter((a) => a.duration > 10 || a.iterations === Infinity),
  );
}

async function focusIndicators(page: Page) {
  const missing: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const hasOutline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      return { tag: el.tagName.toLowerCase(), text: (el.textContent || "").trim().slice(0, 30), hasOutline };
    });
    if (info && !info.hasOutline) missing.push(`${info.tag} "${info.text}"`);
  }
  return missing;
}

async function invisibleIcons(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of Array.from(document.querySelectorAll("svg"))) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0 || r.width > 64) continue;
      const fills = Array.from(svg.querySelectorAll("[fill]")).map((n) => n.getAttribute("fill"));
      const fixed = fills.filter((f) => f && f !== "none" && f !== "currentColor");
      if (fixed.length && getComputedStyle(svg).forcedColorAdjust === "none") {
        out.push(svg.closest("[aria-label]")?.getAttribute("aria-label") || svg.outerHTML.slice(0, 60));
      }
    }
    return out;
  });
}

for (const p of PAGES) {
  for (const mode of MODES) {
    test(`${p.name} @ ${mode}`, async ({ page }, info) => {
      await applyMode(page, mode);
      await page.goto(p.path, { waitUntil: "networkidle" });
      if (p.ready) await page.waitForSelector(p.ready);

      const shot = await page.screenshot({ fullPage: true });
      await info.attach(`${p.name}-${mode}.png`, { body: shot, contentType: "image/png" });

      if (mode === "dark") {
        const leaks = await whiteSurfaces(page);
        expect.soft(leaks, `white-surface: ${JSON.stringify(leaks)}`).toEqual([]);
      }
      if (mode === "reduced-motion") {
        const anims = await unreducedAnimations(page);
        expect.soft(anims, `animation-not-reduced: ${JSON.stringify(anims)}`).toEqual([]);
        const autoplay = await page.locator("video[autoplay]").count();
        expect.soft(autoplay, "autoplaying video under reduced motion").toBe(0);
      }
      if (mode === "forced-colors") {
        const icons = await invisibleIcons(page);
        expect.soft(icons, `icon-invisible: ${JSON.stringify(icons)}`).toEqual([]);
        const noFocus = await focusIndicators(page);
        expect.soft(noFocus, `no-focus-indicator: ${JSON.stringify(noFocus)}`).toEqual([]);
      }
    });
  }
}
