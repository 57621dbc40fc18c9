// Passkeys in a real browser, with Chromium's virtual authenticator standing in for a
// phone's: a member adds one by name on the security page, signs out, and signs in with
// the passkey alone, no address or password typed. Runs last: the member's account then
// has a second factor.
import assert from "node:assert/strict";
import { base, foreign, launch, signIn, violations } from "./lib.mjs";

const browser = await launch();
const context = await browser.newContext();
const page = await signIn(context, "member@example.org");
const cdp = await context.newCDPSession(page);
await cdp.send("WebAuthn.enable");
await cdp.send("WebAuthn.addVirtualAuthenticator", {
  options: {
    protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true,
    isUserVerified: true, automaticPresenceSimulation: true,
  },
});

await page.goto(`${base}/account/security`);
await page.click('form[action="/account/security/passkeys"] button');
await page.fill("#passkey-name", "Test phone");
await page.click("button.passkey-go");
await page.waitForSelector("text=Your recovery codes");
assert.equal(await page.locator("main li code").count(), 10, "a first factor brings ten recovery codes");
await page.goto(`${base}/account/security`);
assert.ok((await page.textContent("main")).includes("Test phone"), "the passkey is listed by its name");

await page.click("details.account-menu > summary");
await page.click('form[action="/signout"] button');
await page.waitForURL(/\/signin/);
await page.goto(`${base}/signin`);
await page.click('button[formaction="/signin/passkey"]');
await page.click("button.passkey-go");
await page.waitForURL(`${base}/`);
await page.goto(`${base}/account/sessions`);
const sessions = await page.textContent("main");
assert.ok(sessions.includes("with a second factor"), "signed in with the passkey alone, a second factor");

assert.deepEqual(foreign, [], "no request left our origin");
assert.deepEqual(violations, [], "no CSP violations or script errors");
await browser.close();
console.log("passkeys: added in the browser, then signed in with it alone");
