// Rebuilds corpus/demo/demo.jsonl from corpus/demo/articles/*.txt.
// Usage: node corpus/demo/build-jsonl.mjs
// Each .txt starts with the marker " date YYYY-MM[-DD] " followed by the body.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "articles");
const MARKER = /^ date (\d{4}-\d{2}(?:-\d{2})?) /;

const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
const rows = [];
for (const file of files) {
  const id = file.slice(0, -4);
  const raw = readFileSync(join(dir, file), "utf8");
  const m = MARKER.exec(raw);
  if (!m) throw new Error(`${file}: missing date marker`);
  const text = raw.slice(m[0].length);
  const firstLine = text.split("\n", 1)[0].trim();
  const title = firstLine.length < 120 ? firstLine : text.slice(0, 80);
  rows.push({
    id,
    date: m[1],
    lang: id.split("-", 1)[0],
    title,
    url: `https://demo.geiger.invalid/${id}`,
    text,
  });
}
writeFileSync(join(here, "demo.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
console.log(`wrote ${rows.length} articles to demo.jsonl`);
