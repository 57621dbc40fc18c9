// Layout on a 360 px phone and a 1280 px desktop, signed in as each role and as the public:
// no page scrolls sideways, and every checkbox and radio button sits right beside its label,
// on the label's first line, at its own size. JavaScript is off, as on a slow phone.
import assert from "node:assert/strict";
import { base, foreign, launch, signIn, violations, watch } from "./lib.mjs";

const browser = await launch();

/** Problems with the boxes of the page: each one too wide, too far from its label, or off its line. */
function boxProblems() {
  const bad = [];
  for (const input of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
    if (input.offsetParent === null) continue; // inside a closed <details> or hidden
    const label = input.closest("label");
    if (!label) {
      if (!(input.id && document.querySelector(`label[for="${input.id}"]`))) bad.push(`${input.name}: no label`);
      continue;
    }
    // The first text that follows the box inside its label.
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    let text = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || input.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // Text hidden but for screen readers (a grid of choices under column headings) is no
      // visible label to sit beside.
      const rects = [...range.getClientRects()].filter((r) => r.width > 1);
      if (rects.length) { text = rects[0]; break; }
    }
    if (!text) continue;
    const box = input.getBoundingClientRect();
    const gap = text.left - box.right;
    const off = Math.abs((text.top + text.bottom) / 2 - (box.top + box.bottom) / 2);
    if (box.width > 32 || gap < 0 || gap > 24 || off > 14) {
      bad.push(`${input.name}=${input.value}: box ${Math.round(box.width)} px wide, ` +
        `${Math.round(gap)} px from its label, ${Math.round(off)} px off its line`);
    }
  }
  return bad;
}

async function signedIn(viewport, email) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  if (email) return signIn(context, email);
  const page = await context.newPage();
  watch(page);
  return page;
}

/** The first link on `path` whose address matches `pattern`. */
async function firstLink(page, path, pattern) {
  await page.goto(`${base}${path}`);
  for (const href of await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    if (pattern.test(href)) return href.split("#")[0];
  }
  throw new Error(`no link like ${pattern} on ${path}`);
}

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 860 };
const everyone = ["/", "/members", "/organisations", "/events", "/events?when=past", "/library", "/awareness",
  "/initiatives", "/initiatives/partnerships", "/figures", "/forum", "/search?q=torture", "/signin", "/password/forgot"];
const members = ["/groups", "/groups/new", "/forum/new", "/library/new", "/events/new", "/events/mine", "/profile",
  "/notifications", "/notifications/settings", "/account/sessions", "/account/password", "/network",
  "/network/ties", "/network/introductions", "/questions", "/questions/new"];
const coordinators = ["/invitations", "/organisations/new", "/initiatives/new", "/impact", "/network/champions", "/network/health",
  "/network/map", "/forum/reports"];
const admins = ["/admin/users", "/admin/audit"];
const forms = ["/library/new", "/events/new", "/organisations/new", "/initiatives/new", "/groups/new", "/profile", "/questions/new",
  "/notifications/settings"];

const problems = [];
let visited = 0;
try {
  for (const [email, own] of [
    [null, everyone],
    ["member@example.org", [...everyone, ...members]],
    ["coordinator@example.org", [...everyone, ...members, ...coordinators]],
    ["admin@example.org", [...everyone, ...members, ...coordinators, ...admins]],
  ]) {
    const page = await signedIn(phone, email);
    const pages = [...own];
    // Pages of things: a member, an organisation, an event, a resource, a thread (with its
    // "Move to" box for coordinators), a group, and an event's registrations for organisers.
    pages.push(await firstLink(page, "/members", /^\/members\/\d+$/));
    pages.push(await firstLink(page, "/events", /^\/events\/\d+$/));
    pages.push(await firstLink(page, "/library", /^\/library\/\d+$/));
    // An initiative, with its forms for those who keep it.
    const initiative = await firstLink(page, "/initiatives", /^\/initiatives\/\d+$/);
    pages.push(initiative);
    if (email) {
      pages.push(await firstLink(page, "/forum", /^\/forum\/threads\/\d+$/));
      pages.push(await firstLink(page, "/organisations", /^\/organisations\/\d+$/));
      pages.push(await firstLink(page, "/groups", /^\/groups\/\d+$/));
    }
    if (email && email !== "member@example.org") {
      const event = await firstLink(page, "/events", /^\/events\/\d+$/);
      pages.push(`${event}/manage`, `${event}/edit`, `${event}/mix`, `${event}/checkin`, `${event}/report`);
      pages.push(`${initiative}/edit`, `${initiative}/translation`);
    }
    for (const path of pages) {
      const response = await page.goto(`${base}${path}`);
      assert.ok(response.ok(), `${email ?? "the public"}: ${path} answers ${response.status()}`);
      visited += 1;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > phone.width) problems.push(`${email ?? "the public"} at 360 px: ${path} is ${width} px wide`);
      for (const p of await page.evaluate(boxProblems)) problems.push(`${email ?? "the public"} at 360 px: ${path}: ${p}`);
    }
    // On a phone the menu is folded: each page's own heading is on the first screen.
    const event = await firstLink(page, "/events", /^\/events\/\d+$/);
    for (const path of ["/", "/members", event]) {
      await page.goto(`${base}${path}`);
      const bottom = await page.evaluate(() => document.querySelector("main h1").getBoundingClientRect().bottom);
      if (bottom > phone.height) problems.push(`${email ?? "the public"} at 360 px: the heading of ${path} is below the first screen (${Math.round(bottom)} px)`);
    }
    // The header's search works without JavaScript.
    await page.goto(`${base}/events`);
    await page.fill("#site-q", "torture");
    await page.press("#site-q", "Enter");
    await page.waitForURL(/\/search\?q=torture/);
    if (email === "coordinator@example.org") {
      await page.goto(`${base}/library/new`);
      await page.screenshot({ path: "e2e/output/library-new-phone.png", fullPage: true });
    }
    await page.context().close();
  }

  // The forms with choice lists, on a desktop: compact, each box beside its label.
  const page = await signedIn(desktop, "coordinator@example.org");
  const event = await firstLink(page, "/events", /^\/events\/\d+$/);
  for (const path of [...forms, `${event}/mix`, `${event}/manage`]) {
    await page.goto(`${base}${path}`);
    for (const p of await page.evaluate(boxProblems)) problems.push(`at 1280 px: ${path}: ${p}`);
  }
  await page.goto(`${base}/library/new`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: "e2e/output/library-new.png", fullPage: true });
  await page.goto(`${base}/events/new`);
  await page.screenshot({ path: "e2e/output/event-new.png", fullPage: true });
  assert.deepEqual(problems, [], "no sideways scrolling and every box beside its label");
  assert.ok(height < 2600, `the resource form is compact on a desktop (${height} px tall)`);
  assert.deepEqual(foreign, [], "no request leaves our origin");
  assert.deepEqual(violations, [], "no Content-Security-Policy violation");
  console.log(`e2e: ${visited} pages at 360 px as the public and three roles, forms at 1280 px; resource form ${height} px tall`);
} finally {
  await browser.close();
}
