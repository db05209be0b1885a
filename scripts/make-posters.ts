// Draws the demo movies' posters as SVG into public/posters (no remote images anywhere).
// Run with `npx tsx scripts/make-posters.ts` after changing db/seed-data.ts.
import { writeFileSync, mkdirSync } from "node:fs";
import { movies } from "../db/seed-data";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function wrap(title: string, max = 12): string[] {
  const lines: string[] = [];
  for (const word of title.split(" ")) {
    const last = lines[lines.length - 1];
    if (last && (last + " " + word).length <= max) lines[lines.length - 1] = last + " " + word;
    else lines.push(word);
  }
  return lines;
}

mkdirSync("public/posters", { recursive: true });
movies.forEach((m, i) => {
  const [bg, accent] = m.colors;
  const lines = wrap(m.title.toUpperCase());
  const shapes = Array.from({ length: 6 }, (_, k) => {
    const r = 40 + ((i * 37 + k * 53) % 120);
    const cx = (i * 71 + k * 97) % 400;
    const cy = 80 + ((i * 43 + k * 61) % 320);
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${accent}" opacity="${(0.08 + k * 0.03).toFixed(2)}"/>`;
  }).join("");
  const text = lines
    .map((line, k) => `<text x="200" y="${430 + k * 46 - lines.length * 23}" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="40" font-weight="800" fill="${accent}" letter-spacing="2">${escape(line)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 600" width="400" height="600" role="img" aria-label="${escape(m.title)} poster">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="#000"/></linearGradient></defs>
<rect width="400" height="600" fill="url(#g)"/>${shapes}
<circle cx="200" cy="210" r="96" fill="none" stroke="${accent}" stroke-width="6"/>
<circle cx="200" cy="210" r="54" fill="${accent}" opacity="0.85"/>
${text}
<text x="200" y="565" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="16" fill="#ffffff" opacity="0.8" letter-spacing="4">${escape(m.genres.join(" · ").toUpperCase())}</text>
</svg>
`;
  writeFileSync(`public/posters/${m.slug}.svg`, svg);
});
console.log(`Wrote ${movies.length} posters.`);
