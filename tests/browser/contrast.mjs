// WCAG 2 contrast of every visible piece of text on the page: the colour of
// the text (its opacity and its ancestors' folded in) against the background
// painted under it (the element's and its ancestors' backgrounds, composited).
// Used by the theme test for the light and the dark theme alike.

/** Runs in the page: [{text, fg, bg, ratio, need, where}] for text below its threshold. */
export function lowContrast(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, under) => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (!a) return [0, 0, 0, 0];
      return [0, 1, 2].map((i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a);
    };
    const lum = (c) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const page = parse(getComputedStyle(document.documentElement).backgroundColor);
    const canvas = page[3] ? page : [255, 255, 255, 1];
    const background = (el) => {
      const layers = [];
      for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
        const cs = getComputedStyle(e);
        const c = parse(cs.backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
        if (e.matches("dialog:modal")) {
          layers.push(parse(getComputedStyle(e, "::backdrop").backgroundColor));
        }
      }
      let bg = canvas;
      for (const l of layers.reverse()) bg = over(l, bg);
      return bg;
    };
    const opacity = (el) => {
      let o = 1;
      for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.nodeValue.trim()) continue;
      seen.add(el);
      if (el.closest("[hidden], .visually-hidden, .sr-only, .offscreen, .print-brief, option, title, :disabled, .drop-overlay")) continue;
      if (el.closest("dialog:not([open])")) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || r.right < 0 || r.bottom < 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === "hidden" || cs.display === "none") continue;
      const svgText = el instanceof SVGElement;
      const fg0 = parse(svgText ? cs.fill : cs.color);
      const bg = background(el);
      const fg = over([fg0[0], fg0[1], fg0[2], fg0[3] * opacity(el)], bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      const need = large ? 3 : 4.5;
      if (ratio < need) {
        out.push({ text: n.nodeValue.trim().slice(0, 30), ratio: Math.round(ratio * 100) / 100, need, fg: fg.map(Math.round).join(","), bg: bg.map(Math.round).join(","), where: el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") });
      }
    }
    return out;
  });
}
