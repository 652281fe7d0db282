// The size budgets of product.md §7 on the shipped files (after `make`): each content-script wasm
// (one per feature; a page loads one of them) at most 60 KB after `gzip -9`, the popup wasm at most
// 150 KB. The same check as `make test` (scripts/test.sh, wasm_budgets), in the form of BENCHMARKS.md.
//
// Usage: node tests/bench/sizes.mjs [--write]   (prints each file, then the table's rows; --write
// puts the rows into BENCHMARKS.md). Exits non-zero when a budget is not met.
import { bytes, report, row, today, wasmSizes } from "./report.mjs";

const COMMAND = "node tests/bench/sizes.mjs";
const CONTENT_LIMIT = 60 * 1024;
const POPUP_LIMIT = 150 * 1024;

const sizes = wasmSizes();
for (const file of sizes) console.log(`dist/extension/pkg/${file.name}: ${file.raw} B, ${file.gzip} B gzip -9`);
const content = sizes.filter((file) => file.name.startsWith("tba_content_"));
const popup = sizes.find((file) => file.name === "tba_popup_bg.wasm");
if (content.length === 0 || !popup) throw new Error("dist/extension/pkg lacks the content or popup wasm: run `make` first");
const module = (file) => file.name.replace(/^tba_content_/, "").replace(/_bg\.wasm$/, "");
const contentMet = content.every((file) => file.gzip <= CONTENT_LIMIT);
const popupMet = popup.gzip <= POPUP_LIMIT;
report([
  row({
    budget: "content-script wasm, each module, `gzip -9`",
    limit: `60 KB (${bytes(CONTENT_LIMIT)} B)`,
    current: content.map((file) => `${module(file)} ${bytes(file.gzip)} B`).join(", "),
    met: contentMet,
    command: COMMAND,
    measured: today(),
  }),
  row({
    budget: "popup wasm, `gzip -9`",
    limit: `150 KB (${bytes(POPUP_LIMIT)} B)`,
    current: `${bytes(popup.gzip)} B`,
    met: popupMet,
    command: COMMAND,
    measured: today(),
  }),
]);
process.exitCode = contentMet && popupMet ? 0 : 1;
