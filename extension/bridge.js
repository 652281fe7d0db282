// TBA Doctor MAIN-world bridge: the only code of the extension that runs in the role page's own world.
//
// Why it exists: NetSuite's sublist functions (nlapiSelectNewLineItem, nlapiSetCurrentLineItemValue, …)
// and its dropdown objects live in the page's world, which the wasm content script (isolated world)
// cannot see. Registered in manifest.json with "world": "MAIN" on /app/setup/role.nl only, at
// document_start: then it listens before the engine's first probe in every case. At document_idle,
// Firefox injected it up to 9 ms after content-loader.js on a fresh profile, and an engine that was
// ready by then (preloaded, page body late) found no bridge and kept Pre-fill and Fix all off.
// It reads NetSuite's functions only when a request comes, so being there before them is harmless.
// The mark "tba-doctor:bridge" (in the tests' copies only) lets the tests check that order.
//
// Protocol (synchronous, on `document`):
//   request:  CustomEvent "tba-doctor:request",  detail = JSON string {id, op, ...}
//   response: CustomEvent "tba-doctor:response", detail = JSON string {id, ok, ...}
// Operations:
//   probe                                → {functions: {name: bool}, offered: [ids] | null}
//   prefill {machine, keyField, levelField, permkey, level}
//                                        → select a new line, set key and level; the admin clicks Add
//   fix {ops: [{kind: "add"|"raise", machine, keyField, levelField, permkey, level}]}
//                                        → each op committed through the sublist's own Add / OK
//                                          control (checked: it cannot submit a form) or nlapiCommitLineItem
// What it never does: save the record, remove a line, lower a level, or call anything a request names.
// Every field of a request is checked against a fixed pattern; anything else is refused.
// The page can send these events too, but the bridge only does what the page could do itself.
(() => {
  "use strict";
  // Performance marks for the tests and `make bench` only: the page's timeline is the page's to
  // read, so the shipped file has them off; tests/e2e/extension-copy.mjs turns them on in its copies.
  const MARKS = false;
  const mark = (name) => { if (MARKS) performance.mark(name); };
  mark("tba-doctor:bridge");
  const REQUEST = "tba-doctor:request";
  const RESPONSE = "tba-doctor:response";
  const MACHINES = ["tranmach", "repomach", "listsmach", "setupmach"];
  const KEY_FIELD = /^permkey\d*$/;
  const LEVEL_FIELD = /^permlevel\d*$/;
  const PERMKEY = /^(?:[A-Z0-9_]{1,80}|\d{1,12})$/;
  const LEVEL = /^[1-4]$/;
  const ID = /^[A-Za-z0-9_-]{1,40}$/;
  const MAX_OPS = 50;
  const FUNCTIONS = [
    "nlapiSelectNewLineItem", "nlapiSelectLineItem", "nlapiSetCurrentLineItemValue",
    "nlapiCommitLineItem", "nlapiGetLineItemCount", "nlapiGetLineItemValue",
  ];

  const has = (name) => typeof window[name] === "function";

  function checkLine(request) {
    return MACHINES.includes(request.machine) &&
      typeof request.keyField === "string" && KEY_FIELD.test(request.keyField) &&
      typeof request.levelField === "string" && LEVEL_FIELD.test(request.levelField) &&
      typeof request.permkey === "string" && PERMKEY.test(request.permkey) &&
      typeof request.level === "string" && LEVEL.test(request.level);
  }

  // The Setup picker's option values: the permission ids this account offers (netsuite-role-page.md §2.4).
  function offeredIds(keyField) {
    if (!KEY_FIELD.test(keyField)) return null;
    const all = window.dropdowns;
    if (!all || typeof all !== "object") return null;
    for (const key of Object.keys(all)) {
      const dropdown = all[key];
      if (!dropdown || dropdown.name !== keyField || !Array.isArray(dropdown.valueArray)) continue;
      const form = dropdown.hddn && dropdown.hddn.form;
      const machine = dropdown.hddn && dropdown.hddn.machine;
      const owner = (machine && machine.name) || (form && form.getAttribute("name"));
      if (owner !== "setupmach" && owner !== "setupmach_form") continue;
      return dropdown.valueArray.filter((value) => typeof value === "string" && PERMKEY.test(value)).slice(0, 5000);
    }
    return null;
  }

  // Finds the line holding `permkey`, 1-based, or 0.
  function lineOf(machine, keyField, permkey) {
    const count = Number(window.nlapiGetLineItemCount(machine));
    for (let line = 1; line <= count; line++) {
      if (String(window.nlapiGetLineItemValue(machine, keyField, line)) === permkey) return line;
    }
    return 0;
  }

  function levelAt(machine, levelField, line) {
    const level = Number(window.nlapiGetLineItemValue(machine, levelField, line));
    return Number.isFinite(level) ? level : 0;
  }

  // Runs `action` with window.alert captured, so a NetSuite validation message is reported, not shown
  // as a blocking dialog in the middle of Fix all.
  function withAlerts(action) {
    const alerts = [];
    const original = window.alert;
    window.alert = (message) => { alerts.push(String(message).slice(0, 300)); };
    try {
      action();
    } finally {
      window.alert = original;
    }
    return alerts;
  }

  function setLine(op) {
    window.nlapiSetCurrentLineItemValue(op.machine, op.keyField, op.permkey, true, true);
    window.nlapiSetCurrentLineItemValue(op.machine, op.levelField, op.level, true, true);
  }

  // The sublist's own Add / OK control, only when it cannot submit a form: an <input type=button>
  // or a <button type=button> inside the sublist's mini-form, table or container. A <button> without a type
  // submits its form, so it is refused, like anything else that is not plainly the add control;
  // the line is then committed through NetSuite's own nlapiCommitLineItem.
  function addControl(machine) {
    const control = document.getElementById(`${machine}_addedit`);
    const button = control instanceof HTMLInputElement || control instanceof HTMLButtonElement;
    if (!button || control.type !== "button" || control.disabled) return null;
    const owner = control.closest(`form[name="${machine}_form"], [data-machine-name="${machine}"], #${machine}_splits, #${machine}_layer`);
    return owner ? control : null;
  }

  function commit(machine) {
    const control = addControl(machine);
    if (control) HTMLElement.prototype.click.call(control);
    else window.nlapiCommitLineItem(machine);
  }

  // While the bridge acts, no form of the page is submitted, whatever a handler of NetSuite's (or
  // the page's) does: submit events are cancelled and submit() / requestSubmit() do nothing.
  function withoutSubmit(action) {
    const form = HTMLFormElement.prototype;
    const submit = form.submit;
    const requestSubmit = form.requestSubmit;
    const cancel = (event) => { event.preventDefault(); event.stopImmediatePropagation(); };
    window.addEventListener("submit", cancel, true);
    form.submit = function () {};
    form.requestSubmit = function () {};
    try {
      return action();
    } finally {
      form.submit = submit;
      form.requestSubmit = requestSubmit;
      window.removeEventListener("submit", cancel, true);
    }
  }

  function fixOne(op) {
    if (!checkLine(op) || (op.kind !== "add" && op.kind !== "raise")) return { permkey: String(op.permkey ?? "").slice(0, 80), result: "refused" };
    const result = { permkey: op.permkey, kind: op.kind, result: "failed", alerts: [] };
    const existing = lineOf(op.machine, op.keyField, op.permkey);
    const target = Number(op.level);
    if (existing && levelAt(op.machine, op.levelField, existing) >= target) {
      result.result = "already";
      return result;
    }
    result.alerts = withAlerts(() => {
      if (existing) window.nlapiSelectLineItem(op.machine, existing);
      else window.nlapiSelectNewLineItem(op.machine);
      setLine(op);
      commit(op.machine);
    });
    const line = lineOf(op.machine, op.keyField, op.permkey);
    if (line && levelAt(op.machine, op.levelField, line) >= target) result.result = "done";
    return result;
  }

  function handle(request) {
    switch (request.op) {
      case "probe": {
        const functions = {};
        for (const name of FUNCTIONS) functions[name] = has(name);
        const keyField = typeof request.keyField === "string" ? request.keyField : "";
        return { ok: true, functions, offered: offeredIds(keyField) };
      }
      case "prefill": {
        if (!checkLine(request)) return { ok: false, error: "invalid request" };
        window.nlapiSelectNewLineItem(request.machine);
        setLine(request);
        return { ok: true };
      }
      case "fix": {
        if (!Array.isArray(request.ops) || request.ops.length > MAX_OPS) return { ok: false, error: "invalid request" };
        const results = request.ops.map((op) => (op && typeof op === "object" ? fixOne(op) : { result: "refused" }));
        return { ok: results.every((entry) => entry.result === "done" || entry.result === "already"), results };
      }
      default:
        return { ok: false, error: "unknown operation" };
    }
  }

  document.addEventListener(REQUEST, (event) => {
    if (typeof event.detail !== "string" || event.detail.length > 20000) return;
    let request;
    try {
      request = JSON.parse(event.detail);
    } catch {
      return;
    }
    if (!request || typeof request !== "object" || typeof request.id !== "string" || !ID.test(request.id)) return;
    let response;
    try {
      response = withoutSubmit(() => handle(request));
    } catch (error) {
      // A missing page function (view mode has no machines) or a NetSuite error: report, never throw.
      response = { ok: false, error: String(error && error.message ? error.message : error).slice(0, 300) };
    }
    response.id = request.id;
    document.dispatchEvent(new CustomEvent(RESPONSE, { detail: JSON.stringify(response) }));
  });
})();
