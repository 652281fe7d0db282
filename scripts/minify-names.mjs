// Shortens the names a wasm module and its wasm-bindgen glue share, in both, as the last build step.
//
// Usage: node scripts/minify-names.mjs MODULE.wasm GLUE.js   (both are rewritten in place)
//
// wasm-bindgen names every import after the JavaScript it calls plus a 16-digit hash, and every
// closure export after its Rust types, and the module after the glue file: about 4 KB of names in
// the role module that gzip cannot shrink much (the hashes are random). binaryen's
// --minify-imports-and-exports-and-modules renames them to one or two letters and prints the
// mapping; this script then renames the same things in the glue: the keys of the import object
// `__wbg_get_imports` builds, its module key, and every `wasm.<export>` the glue calls. It fails,
// leaving the build to fail, when any name it was given is not found exactly where it expects it,
// so a wasm-bindgen upgrade that changes the glue's shape cannot ship a module whose imports do
// not resolve.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/minify-names.mjs MODULE.wasm GLUE.js");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wasmOpt = path.join(root, "node_modules/binaryen/bin/wasm-opt");

function fail(message) {
  console.error(`minify-names: ${gluePath}: ${message}`);
  process.exit(1);
}

const before = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
const printed = execFileSync("node", [wasmOpt, "--minify-imports-and-exports-and-modules", wasmPath, "-o", wasmPath], {
  encoding: "utf8",
  maxBuffer: 64 << 20,
});
const map = JSON.parse(printed);
const after = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
if (before.length !== after.length || before.length !== map.imports.length) fail("the import lists do not line up");

// wasm-bindgen imports everything from one module, the glue; the name it became is read from the
// rewritten wasm.
const modules = new Set(before.map((entry) => entry.module));
const shortModules = new Set(after.map((entry) => entry.module));
if (modules.size !== 1 || shortModules.size !== 1) fail(`${modules.size} import modules; the renames below assume one`);
const [module] = modules;
const [shortModule] = shortModules;

const identifier = /^[A-Za-z_$][\w$]*$/;
let glue = readFileSync(gluePath, "utf8");

// The import object: its key is the module, and it holds one `name: function(` per import.
const key = `"${module}": import`;
if (glue.split(key).length !== 2) fail(`the module key ${JSON.stringify(module)} is not there once`);
glue = glue.replace(key, `${JSON.stringify(shortModule)}: import`);
const imports = new Map(map.imports.map(([, name, short]) => [name, short]));
let renamed = 0;
glue = glue.replace(/^(\s+)([A-Za-z_$][\w$]*): function\(/gm, (whole, indent, name) => {
  const short = imports.get(name);
  if (short === undefined) return whole;
  renamed++;
  return `${indent}${JSON.stringify(short)}: function(`;
});
if (renamed !== map.imports.length) fail(`renamed ${renamed} of ${map.imports.length} imports`);

// The exports, as the glue calls them (a JavaScript function of the same name is the glue's own).
const exports = new Map(map.exports);
glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
  const short = exports.get(name);
  if (short === undefined) fail(`the glue uses wasm.${name}, which the module does not export`);
  return identifier.test(short) ? `wasm.${short}` : `wasm[${JSON.stringify(short)}]`;
});
// Nothing else may reach the exports: the glue holds them only as `wasm = instance.exports`.
if (/\bwasm\[/.test(glue) || glue.split(".exports").length !== glue.split("wasm = instance.exports;").length) {
  fail("the glue reaches the exports other than through wasm.<name>");
}
writeFileSync(gluePath, glue);
