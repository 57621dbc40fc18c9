// Two members in a conversation, each in their own browser with JavaScript on: what one
// sends appears on the other's open page without a reload, over the live socket, and the
// sender's page does not reload either; a third page, with JavaScript off, sends with the
// plain form and the open page receives that live too. No request leaves our origin, the
// CSP holds, and the conversation page passes the accessibility audit and fits a 360 px
// phone.
import assert from "node:assert/strict";
import { audit, base, foreign, launch, signIn, violations, watch } from "./lib.mjs";

const browser = await launch();

// A word of this run's own, so that a rerun against the same demo finds only its messages.
const run = `r${Date.now()}`;

try {
  const coordinator = await signIn(await browser.newContext({ viewport: { width: 1280, height: 860 } }), "coordinator@example.org");
  await coordinator.goto(`${base}/members?q=Somchai`);
  await coordinator.locator(".cards .card a").first().click();
  await coordinator.waitForURL(/\/members\/\d+$/);
  await coordinator.locator('a[href^="/messages/new?to="]').click();
  await coordinator.fill("#body", "Can you join the interviewing workshop in March?");
  await coordinator.click('form[action="/messages"] button[type=submit]');
  await coordinator.waitForURL(/\/messages\/\d+/);
  const conversation = new URL(coordinator.url()).pathname;

  const member = await signIn(await browser.newContext({ viewport: { width: 360, height: 740 } }), "member@example.org");
  await member.goto(`${base}${conversation}`);
  assert.match(await member.locator("ol.messages").innerText(), /interviewing workshop in March/);
  const width = await member.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (page is ${width} px wide)`);

  // The member answers; the form sends without leaving the page, and the answer comes back
  // over the socket, to both pages.
  await member.evaluate(() => { window.stayed = true; });
  await coordinator.evaluate(() => { window.stayed = true; });
  await member.fill("#body", `Yes, I will bring **two colleagues** (${run}).`);
  await member.click("#send button[type=submit]");
  await member.locator("ol.messages li", { hasText: run }).locator("strong", { hasText: "two colleagues" }).waitFor({ timeout: 15000 });
  await coordinator.locator("ol.messages li", { hasText: run }).locator("strong", { hasText: "two colleagues" }).waitFor({ timeout: 15000 });
  assert.equal(await member.evaluate(() => window.stayed), true, "the sender's page did not reload");
  assert.equal(await coordinator.evaluate(() => window.stayed), true, "the reader's page did not reload");
  assert.equal(await member.inputValue("#body"), "", "the form is ready for the next message");
  assert.equal(await coordinator.locator("#live-status").isHidden(), true);
  // Each message once on each page.
  for (const page of [member, coordinator]) {
    assert.equal(await page.locator("ol.messages li", { hasText: run }).count(), 1);
  }
  await member.screenshot({ path: "e2e/output/conversation-phone.png" });

  // An edit shows on the other page as it happens.
  const id = await member.locator("ol.messages li", { hasText: run }).getAttribute("id");
  await member.goto(`${base}${conversation}/m/${id.slice(2)}/edit`);
  await member.fill("#body", `Yes, I will bring **three colleagues** (${run}).`);
  await member.click(`form[action$="/edit"] button[type=submit]`);
  await coordinator.locator("ol.messages li", { hasText: run }).locator("strong", { hasText: "three colleagues" }).waitFor({ timeout: 15000 });
  assert.equal(await coordinator.locator("ol.messages li", { hasText: run }).count(), 1);

  // With JavaScript off the form still sends (the page reloads with the message in it), and
  // the other page, with its script, receives it live.
  const plain = await signIn(await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } }), "member@example.org");
  await plain.goto(`${base}${conversation}`);
  await plain.fill("#body", `Sent without scripts (${run}-plain).`);
  await plain.click("#send button[type=submit]");
  await plain.waitForURL(/\/messages\/\d+#m-\d+$/);
  assert.match(await plain.locator("ol.messages").innerText(), /Sent without scripts/);
  await coordinator.locator("ol.messages li", { hasText: `${run}-plain` }).waitFor({ timeout: 15000 });
  assert.equal(await coordinator.locator("ol.messages li", { hasText: `${run}-plain` }).count(), 1);
  assert.equal(await coordinator.evaluate(() => window.stayed), true, "the reader's page did not reload");

  await audit(coordinator, conversation);

  assert.deepEqual(foreign, [], "no request leaves our origin");
  assert.deepEqual(violations, [], "no Content-Security-Policy violation or script error");
  console.log("chat: live messages between two browsers ok");
} finally {
  await browser.close();
}
