// The options page (issue #18): a pasted vendor table previewed line by line, saved as a custom
// profile in storage.sync (in parts), listed again after a reload, and deleted after a question;
// "Make a profile from this role" in the popup opens it with the role's permissions.
import { assert, screenOf, test, waitFor } from "../harness.mjs";

// Shaped like vendors' published tables (crates/rules/tests/import/*.txt): headings, a header row,
// a subtab prefix, a misspelt name and a level that is none.
const TABLE = [
  "Transactions",
  "Permission | Level",
  "Sales Order | Edit",
  "Find Transaction | View",
  "Lists",
  "Lists > Customers: Full",
  "Custmers | View",
  "Setup",
  "SOAP Web Services | Full",
  "Items | Read/Write",
].join("\n");

function optionsReady() {
  const main = document.querySelector("main[data-screen=options]");
  return main && !document.querySelector(".options > p.muted[role]") && document.querySelector("section.saved") ? true : null;
}

function setField(selector, value) {
  const field = document.querySelector(selector);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

function previewLines() {
  const lines = [...document.querySelectorAll("[data-import-line]")];
  return lines.length ? lines.map((line) => [Number(line.dataset.importLine), line.dataset.status,
    line.dataset.permkey ?? null, line.dataset.level ?? null]) : null;
}

function stored() {
  return new Promise((resolve) => (globalThis.browser ?? globalThis.chrome).storage.sync.get(null)
    .then((items) => resolve(Object.keys(items).filter((key) => key.startsWith("profile:")).sort())));
}

export default [
  test("options: a pasted table is previewed line by line, saved, listed after a reload and deleted", async ({ browser }) => {
    const page = await browser.openPage("options.html");
    await waitFor(page, optionsReady, [], { message: "options page ready" });
    await page.eval(setField, "#profile-name", "Celigo sync");
    await page.eval(setField, "#import-text", TABLE);
    await page.click("[data-tba-doctor-action=import-preview]");
    const lines = await waitFor(page, previewLines, [], { message: "preview lines" });
    assert.deepEqual(lines, [
      [3, "matched", "TRAN_SALESORD", "3"],
      [4, "matched", "TRAN_FIND", "1"],
      [6, "matched", "LIST_CUSTJOB", "4"],
      [7, "unknown", null, null],
      [9, "matched", "ADMI_WEBSERVICES", "4"],
      [10, "error", null, null],
    ]);
    assert.match(await page.eval(() => document.querySelector("[data-import-line='7']").textContent), /Closest: Customers/);
    // Taking the closest name puts it on the line, at the line's level.
    await page.click("[data-import-line='7'] [data-tba-doctor-action=use-suggestion][data-permkey=LIST_CUSTJOB]");
    await waitFor(page, () => document.querySelector("[data-import-line='7']")?.dataset.status === "matched", [],
      { message: "the suggestion taken" });
    assert.deepEqual((await page.eval(previewLines))[3], [7, "matched", "LIST_CUSTJOB", "1"]);
    assert.match(await page.eval(() => document.getElementById("import-text").value), /Lists > Customers \| View/);
    assert.deepEqual(await page.eval(stored), [], "nothing saved before Save");

    await page.click("[data-tba-doctor-action=import-save]");
    const notice = await waitFor(page, () => document.querySelector("[data-tba-doctor=options-notice]")?.textContent, [],
      { message: "saved notice" });
    assert.match(notice, /Saved “Celigo sync” with 4 permissions/);
    await waitFor(page, () => document.querySelector("[data-profile-id='custom:celigo-sync']") !== null, [],
      { message: "listed" });
    assert.deepEqual(await page.eval(stored), ["profile:custom:celigo-sync#0"]);

    await page.eval(() => { location.reload(); });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitFor(page, () => document.querySelector("[data-profile-id='custom:celigo-sync']")?.textContent ?? null, [],
      { message: "listed after a reload" });
    assert.match(await page.eval(() => document.querySelector("[data-profile-id='custom:celigo-sync']").textContent),
      /Celigo sync.*4 permissions/);

    await page.click("[data-profile-id='custom:celigo-sync'] [data-tba-doctor-action=delete]");
    await page.click("[data-profile-id='custom:celigo-sync'] [data-tba-doctor-action=confirm-delete]");
    await waitFor(page, () => document.querySelector("[data-profile-id='custom:celigo-sync']") === null, [],
      { message: "gone from the list" });
    assert.deepEqual(await page.eval(stored), []);
    await page.close();
  }),

  test("options: a built-in profile duplicates into the box as CSV and saves under a new id", async ({ browser }) => {
    const page = await browser.openPage("options.html");
    await waitFor(page, optionsReady, [], { message: "options page ready" });
    await page.eval(() => { document.querySelector("details.builtins").open = true; });
    await page.click("[data-profile-id=rest] [data-tba-doctor-action=duplicate]");
    const box = await waitFor(page, () => {
      const text = document.getElementById("import-text").value;
      return text ? { text, name: document.getElementById("profile-name").value } : null;
    }, [], { message: "duplicated" });
    assert.match(box.text, /^Permission,Subtab,Id,Level/);
    assert.match(box.text, /REST Web Services,Setup,ADMI_RESTWEBSERVICES,Full/);
    assert.equal(box.name, "Copy of REST web services with TBA");
    await page.click("[data-tba-doctor-action=import-save]");
    // The id is made from the name, cut to fit the 40 characters of an id.
    const COPY = "[data-profile-id='custom:copy-of-rest-web-services-wit']";
    const listed = await waitFor(page, (selector) => document.querySelector(selector)?.textContent ?? null, [COPY],
      { message: "saved copy listed" });
    assert.match(listed, /Copy of REST web services with TBA.*3 permissions/);
    await page.click(`${COPY} [data-tba-doctor-action=delete]`);
    await page.click(`${COPY} [data-tba-doctor-action=confirm-delete]`);
    await waitFor(page, (selector) => document.querySelector(selector) === null, [COPY], { message: "deleted" });
    await page.close();
  }),
  test("options: Make a profile from this role (popup) opens the options page with the role's permissions", async ({ browser, url }) => {
    const tab = await browser.open(url("/app/setup/role.nl?id=1012&e=T&fx=rest-reports"));
    await waitFor(tab, () => document.documentElement.getAttribute("data-tba-doctor") === "ready", [], { message: "panel ready" });
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    await popup.click("[data-tba-doctor-action=make-profile]");
    let options = null;
    for (let attempt = 0; attempt < 100 && !options; attempt++) {
      options = await browser.findTab("options.html");
      if (!options) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(options, "the options page opened");
    const box = await waitFor(options, () => {
      const lines = [...document.querySelectorAll("[data-import-line]")];
      return lines.length ? {
        name: document.getElementById("profile-name").value,
        lines: lines.map((line) => `${line.dataset.status} ${line.dataset.permkey} ${line.dataset.level}`).sort(),
      } : null;
    }, [], { message: "the role's permissions in the box" });
    assert.equal(box.name, "REST Integration");
    assert.deepEqual(box.lines, [
      "matched ADMI_LOGIN_OAUTH 4", "matched ADMI_RESTWEBSERVICES 4", "matched LIST_CONTACT 4", "matched LIST_CUSTJOB 3",
      "matched LIST_ITEM 1", "matched REPO_SALES 1", "matched TRAN_CUSTINVC 2", "matched TRAN_ESTIMATE 4",
      "matched TRAN_FIND 1", "matched TRAN_SALESORD 3",
    ]);
    // The draft is read once: a second options page starts empty.
    assert.deepEqual(await options.eval(() => new Promise((resolve) =>
      (globalThis.browser ?? globalThis.chrome).storage.local.get(null).then((items) => resolve(Object.keys(items))))), []);
  }),
];
