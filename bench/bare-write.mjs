// The baseline for the "empty folder" rows of `npm run bench`: the least any tool writing the same
// profiles must do, with nothing around it. It makes the output folder, one folder per environment
// and each file (created, written, closed) straight at its place, from a list of the relative paths
// and sizes build wrote (`<env>/jamf-connect-….mobileconfig`). No temp file, no rename, no lock:
// what build adds to this is the cost of writing all or nothing, and of rendering.
import fs from "node:fs";
import path from "node:path";

const [listFile, out] = process.argv.slice(2);
const list = JSON.parse(fs.readFileSync(listFile, "utf8"));
const largest = Math.max(0, ...list.map((entry) => entry.size));
const bytes = Buffer.alloc(largest, "x");
fs.mkdirSync(out, { recursive: true });
const made = new Set();
for (const { file, size } of list) {
  const folder = path.join(out, path.dirname(file));
  if (!made.has(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  fs.writeFileSync(path.join(out, file), bytes.subarray(0, size), { flag: "wx" });
}
