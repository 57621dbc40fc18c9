// What the browser tests share: the demo's address and password, Chromium launched for a
// headless run, a watch on every page for requests to other origins and CSP violations,
// and an axe-core accessibility audit.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright-core";

export const base = process.env.BASE_URL;
export const password = process.env.ROUNDTABLE_DEMO_PASSWORD;
assert.ok(base && password, "BASE_URL and ROUNDTABLE_DEMO_PASSWORD must be set");
mkdirSync("e2e/output", { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Requests that left our origin, and CSP violations or script errors, on watched pages. */
export const foreign = [];
export const violations = [];
export function watch(page) {
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(`script error: ${e.message}`));
}

const axe = readFileSync("e2e/node_modules/axe-core/axe.min.js", "utf8");
/** WCAG 2 A/AA (incl. contrast) on one page; needs a context with JavaScript on. */
export async function audit(page, path) {
  await page.goto(`${base}${path}`);
  await page.evaluate(axe);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } }));
  const problems = result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`);
  assert.deepEqual(problems, [], "no accessibility violations");
}

/** A new page in `context`, watched, signed in as `email` with the demo's password. */
export async function signIn(context, email) {
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}/signin`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click('form[action="/signin"] button[type=submit]');
  await page.waitForURL(`${base}/`);
  return page;
}
