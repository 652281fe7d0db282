// The table of BENCHMARKS.md, shared by the benchmark commands (tests/bench/sizes.mjs,
// tests/bench/content.mjs, scripts/bench-popup.mjs): each prints its rows in the table's form and,
// with --write, puts them in place of the rows of the same budget, so that every figure there comes
// from a command.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FILE = path.join(root, "BENCHMARKS.md");

/** Whether the command line asks for BENCHMARKS.md to be rewritten. */
export const writing = process.argv.includes("--write");

/** The value after `name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

/** `1234567` → `1,234,567`. */
export const bytes = (count) => count.toLocaleString("en-US");

/** The 1-minute load average, to one decimal. */
export const load = () => os.loadavg()[0].toFixed(1);

/** Today's date, as the table gives it. */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * One row of the table: `budget` is its first cell, the key by which --write finds the row to
 * replace; `measured` says when, and the load average before → after a timed run.
 */
export function row({ budget, limit, current, met, command, measured }) {
  return `| ${budget} | ${limit} | ${current} | ${met ? "met" : "**not met**"} | \`${command}\` | ${measured} |`;
}

/** The shipped wasm files (dist/extension/pkg/*_bg.wasm), each with its size after `gzip -9`. */
export function wasmSizes() {
  const dir = path.join(root, "dist/extension/pkg");
  return readdirSync(dir).filter((name) => name.endsWith("_bg.wasm")).sort().map((name) => {
    const file = path.join(dir, name);
    const gzip = Number(execFileSync("sh", ["-c", 'gzip -9c "$1" | wc -c', "sh", file]).toString().trim());
    return { name, raw: readFileSync(file).length, gzip };
  });
}

/** The machine line under the table (the headless browser's version included). */
export function machine() {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const chromium = execFileSync(executable, ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  const cpus = os.cpus();
  const memory = Math.round(os.totalmem() / 2 ** 30);
  return `Machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"}), ${memory} GiB, ${chromium}, headless. Other jobs may share it: a timed row gives the 1-minute load average before → after its run.`;
}

/**
 * Prints `rows` (and `machineLine`, if any) and, with --write, replaces the table's rows of the same
 * budgets and the machine line in BENCHMARKS.md. A budget that has no row there is an error.
 */
export function report(rows, machineLine) {
  for (const line of rows) console.log(line);
  if (machineLine) console.log(machineLine);
  if (!writing) return;
  const lines = readFileSync(FILE, "utf8").split("\n");
  for (const line of rows) {
    const key = `${line.split(" | ")[0]} |`;
    const at = lines.findIndex((old) => old.startsWith(key));
    if (at < 0) throw new Error(`BENCHMARKS.md has no row starting with "${key}"`);
    lines[at] = line;
  }
  if (machineLine) {
    const at = lines.findIndex((old) => old.startsWith("Machine: "));
    if (at < 0) throw new Error("BENCHMARKS.md has no line starting with \"Machine: \"");
    lines[at] = machineLine;
  }
  writeFileSync(FILE, lines.join("\n"));
  console.log(`wrote ${rows.length} row(s) of ${path.relative(process.cwd(), FILE) || FILE}`);
}
