// Sign in, find a member through the directory filters, open the profile, and save a
// screenshot; with JavaScript disabled, as a phone on a slow link may have it, and with
// every request checked to stay on our own origin.
import assert from "node:assert/strict";
import { audit, base, foreign, launch, password, violations, watch } from "./lib.mjs";

const browser = await launch();

try {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  watch(page);

  // Sign in as the coordinator.
  await page.goto(`${base}/signin`);
  await page.fill("#email", "coordinator@example.org");
  await page.fill("#password", password);
  await page.click('form[action="/signin"] button[type=submit]');
  await page.waitForURL(`${base}/`);
  assert.match(await page.locator("header.site details.account-menu > summary").innerText(), /\S/);
  assert.equal(await page.locator('header.site form[action="/signout"]').count(), 1, "signed in");

  // Find police members in Thailand who do investigative interviewing.
  await page.goto(`${base}/members`);
  await page.selectOption("#sector", "police");
  await page.selectOption("#country", "TH");
  await page.selectOption("#expertise", "investigative_interviewing");
  await page.click("form.filters button[type=submit]");
  await page.waitForURL(/sector=police/);
  const cards = page.locator(".cards .card");
  const found = await cards.count();
  assert.ok(found > 0, "the filters find someone");
  const count = await page.locator(".count").innerText();
  assert.match(count, /\d+ members? found/);
  for (const tag of await page.locator(".cards .card .tag").allInnerTexts()) {
    assert.equal(tag, "Police");
  }
  await page.screenshot({ path: "e2e/output/directory.png" });

  // Open the first member's profile.
  const name = (await cards.first().locator(".name").innerText()).trim();
  await cards.first().locator("a").click();
  await page.waitForURL(/\/members\/\d+$/);
  assert.equal((await page.locator("h1").innerText()).trim(), name);
  await page.screenshot({ path: "e2e/output/profile.png" });

  // On a 360 px phone the directory fits the screen.
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const small = await phone.newPage();
  watch(small);
  await small.goto(`${base}/members`);
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`);
  await small.screenshot({ path: "e2e/output/phone.png" });

  // Accessibility (axe-core, WCAG 2 A/AA rules including contrast) on the main pages,
  // signed in and as the public.
  const auditing = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const checker = await auditing.newPage();
  watch(checker);
  const pages = ["/", "/members", "/organisations", "/signin", "/password/forgot"];
  const check = (path) => audit(checker, path);
  for (const path of pages) await check(path);
  await checker.goto(`${base}/signin`);
  await checker.fill("#email", "admin@example.org");
  await checker.fill("#password", password);
  await checker.click('form[action="/signin"] button[type=submit]');
  await checker.waitForURL(`${base}/`);
  for (const path of [...pages.slice(0, 3), "/profile", "/invitations", "/account/sessions", "/admin/users", "/admin/audit"]) {
    await check(path);
  }

  assert.deepEqual(foreign, [], "no request leaves our origin");
  assert.deepEqual(violations, [], "no Content-Security-Policy violation");
  console.log(`e2e: signed in, found ${found} member(s), opened ${name}; screenshots in e2e/output/`);
} finally {
  await browser.close();
}
