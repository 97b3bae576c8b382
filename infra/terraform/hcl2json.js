// Parses every .tf file under a folder with @cdktf/hcl2json (no terraform binary is available here) and prints
// { "<relative path>": <parsed HCL as JSON> }. Exits non-zero on the first syntax error.
const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");

const root = path.resolve(process.argv[2] || ".");
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) walk(full);
    else if (entry.isFile() && entry.name.endsWith(".tf")) files.push(full);
  }
})(root);

(async () => {
  const out = {};
  for (const file of files.sort()) {
    try {
      out[path.relative(root, file)] = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (e) {
      console.error(`${file}: ${e.message || e}`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
