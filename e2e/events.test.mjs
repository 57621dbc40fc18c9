// A visitor on a phone, without JavaScript, finds a public event and registers for it;
// the events pages pass the accessibility audit, as the public and as a coordinator.
import assert from "node:assert/strict";
import { audit, base, foreign, launch, password, violations, watch } from "./lib.mjs";

const browser = await launch();

try {
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await phone.newPage();
  watch(page);

  await page.goto(`${base}/events`);
  assert.equal(await page.title(), "Events · Roundtable");
  let width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px on the list (page is ${width} px wide)`);
  const first = page.locator(".events .row a").first();
  const title = (await first.innerText()).trim();
  await first.click();
  await page.waitForURL(/\/events\/\d+$/);
  const eventUrl = page.url();
  assert.equal((await page.locator("h1").innerText()).trim(), title);
  assert.equal(await page.title(), `${title} · Roundtable`);
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  assert.ok(description && description.length > 20, "the event page describes itself");
  width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px on the event (page is ${width} px wide)`);
  assert.equal(await page.locator("text=meet.example.org").count(), 0, "no meeting link for the public");

  // Register: the honeypot stays empty, as people leave it.
  await page.fill("#r-name", "Pim Visitor");
  await page.fill("#r-email", `pim.${Date.now()}@example.net`);
  await page.fill("#r-org", "Faculty of Law");
  await page.selectOption("#r-sector", "academia");
  await page.selectOption("#r-country", "TH");
  await page.click('form[action$="/register"] button[type=submit]');
  await page.waitForLoadState();
  // Without a mail server (as in the demo) the page says the registration waits for one.
  assert.match(await page.locator("h1").innerText(), /Check your e-mail|Registration not yet confirmed/);
  await page.screenshot({ path: "e2e/output/event-registered.png" });

  // Accessibility of the events pages, as the public and as a coordinator.
  const auditing = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const checker = await auditing.newPage();
  watch(checker);
  const path = new URL(eventUrl).pathname;
  for (const p of ["/events", "/events?when=past", path, "/awareness"]) await audit(checker, p);
  await checker.goto(`${base}/awareness`);
  const campaign = await checker.locator(".rows a").first().getAttribute("href");
  await audit(checker, campaign);
  assert.match(await checker.title(), /International Day in Support of Victims of Torture \d{4} · Roundtable/);
  await checker.goto(`${base}/signin`);
  await checker.fill("#email", "coordinator@example.org");
  await checker.fill("#password", password);
  await checker.click('form[action="/signin"] button[type=submit]');
  await checker.waitForURL(`${base}/`);
  for (const p of ["/events", path, `${path}/manage`, `${path}/checkin`, `${path}/edit`, `${path}/mix`, `${path}/report`, "/events/new", "/events/mine", "/awareness"]) {
    await audit(checker, p);
  }

  assert.deepEqual(foreign, [], "no request leaves our origin");
  assert.deepEqual(violations, [], "no Content-Security-Policy violation");
  console.log(`e2e: registered for "${title}" as a visitor on a phone; screenshot in e2e/output/`);
} finally {
  await browser.close();
}
