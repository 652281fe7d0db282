// The page loads the content benchmarks share (tests/bench/content.mjs, tests/bench/ab.mjs): the
// admin-700 role fixture (700 permissions) in edit mode, opened until the engine says "ready", and
// the warm re-read after a NetSuite redraw.

export const ADMIN_700_URL = "https://1234567.app.netsuite.com/app/setup/role.nl?id=3&e=T&fx=admin-700";

/** Opens the fixture in a new tab of `browser` and waits until the engine has drawn its verdict. */
export async function openAdmin700(browser, { initScript } = {}) {
  const tab = await browser.open();
  if (initScript) await tab.page.addInitScript(initScript);
  await tab.goto(ADMIN_700_URL);
  await tab.page.waitForFunction(() => document.documentElement.getAttribute("data-tba-doctor") === "ready", null, { timeout: 10_000 });
  await tab.page.waitForTimeout(100);
  return tab;
}

/** The same work again after NetSuite redraws the Setup table (`buildtable()`), code already
 * compiled: `tba-doctor:refresh` → `:refreshed` in ms, or null when the re-read did not happen. */
export function warmReRead(tab) {
  return tab.page.evaluate(async () => {
    window.setupmach_machine.buildtable();
    for (let wait = 0; wait < 100 && performance.getEntriesByName("tba-doctor:refreshed", "mark").length === 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const [begin] = performance.getEntriesByName("tba-doctor:refresh", "mark");
    const [end] = performance.getEntriesByName("tba-doctor:refreshed", "mark");
    return begin && end ? end.startTime - begin.startTime : null;
  });
}
