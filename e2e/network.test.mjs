// The network, groups, forums and search in a real browser: a member joins a group, posts a
// thread in Thai and finds it again by a word inside the running text; a coordinator reads
// the map, the health page and the champions; every new page passes axe; nothing leaves our
// origin and the Content-Security-Policy holds, with JavaScript off and (for the map) on.
import assert from "node:assert/strict";
import { audit, base, foreign, launch, signIn, violations, watch } from "./lib.mjs";

const browser = await launch();

try {
  // A member joins the Thailand country group and starts a thread in Thai.
  const memberContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
  const member = await signIn(memberContext, "member@example.org");
  await member.goto(`${base}/groups`);
  await member.click("text=Thailand country group");
  await member.waitForURL(/\/groups\/\d+/);
  const groupUrl = member.url();
  const join = member.locator('form[action$="/join"] button');
  if (await join.count()) {
    await join.click();
    await member.waitForURL(/done=joined/);
  }
  await member.click("text=Open the group's forum");
  await member.click("text=Start a thread");
  const title = `การอบรมพนักงานสอบสวน ${Date.now()}`;
  await member.fill("#title", title);
  await member.fill("#body", "เราจัดการอบรมเรื่องการป้องกันการทรมานให้พนักงานสอบสวนรุ่นใหม่ในจังหวัดเชียงใหม่");
  await member.click('form[action="/forum/threads"] button[type=submit]');
  await member.waitForURL(/\/forum\/threads\/\d+$/);
  assert.equal((await member.locator("h1").innerText()).trim(), title);
  const threadUrl = member.url();

  // Search finds it by a word that sits inside the running Thai text.
  await member.goto(`${base}/search`);
  await member.fill("#q", "ทรมาน");
  await member.click("form[role=search] button[type=submit]");
  await member.waitForURL(/\/search\?q=/);
  assert.ok(await member.locator(`.results a:has-text("${title}")`).count() > 0, "the new thread is found by a Thai word");
  assert.ok(await member.locator(".results mark").count() > 0, "the word is marked in the snippet");
  await member.screenshot({ path: "e2e/output/search-thai.png" });

  // The coordinator answers and mentions the member; the member sees it in the header and in
  // the notification centre, and the link leads back to the reply.
  const unread = async () => {
    const badge = member.locator('a[href="/notifications"] .badge');
    return (await badge.count()) ? Number((await badge.innerText()).trim().split(/\s/)[0]) : 0;
  };
  await member.goto(`${base}/forum`);
  const before = await unread();
  const replyContext = await browser.newContext({ javaScriptEnabled: false });
  const replier = await signIn(replyContext, "coordinator@example.org");
  await replier.goto(groupUrl);
  const coordinatorJoins = replier.locator('form[action$="/join"] button');
  if (await coordinatorJoins.count()) {
    await coordinatorJoins.click();
    await replier.waitForURL(/done=/);
  }
  await replier.goto(threadUrl);
  await replier.fill("#body", "ขอบคุณ @Somchai Wongsawat ช่วยแบ่งปันหลักสูตรได้ไหม");
  await replier.click('form[action$="/replies"] button[type=submit]');
  await replier.waitForURL(/#post-\d+$/);
  await member.goto(`${base}/forum`);
  assert.equal(await unread(), before + 1, "the mention shows in the header");
  await member.click('a[href="/notifications"]');
  await member.click("text=mentioned you in");
  await member.waitForURL(/\/forum\/threads\/\d+\?post=\d+#post-\d+$/);
  assert.ok(await member.locator("text=ช่วยแบ่งปันหลักสูตร").count() > 0);
  await member.goto(`${base}/forum`);
  assert.equal(await unread(), before, "read once seen");

  // The member asks the experts on detention monitoring a question in Thai.
  await member.goto(`${base}/questions/new`);
  await member.selectOption("#area", "detention_monitoring");
  await member.selectOption("#lang", "th");
  await member.fill("#title", "ควรตรวจเยี่ยมห้องขังบ่อยแค่ไหน");
  await member.fill("#body", "คณะทำงานของเราเพิ่งเริ่มตรวจเยี่ยมสถานีตำรวจ ควรไปบ่อยแค่ไหนและควรแจ้งล่วงหน้าหรือไม่");
  await member.click('form[action="/questions"] button[type=submit]');
  await member.waitForURL(/\/questions\/\d+\?done=asked$/);
  assert.ok(await member.locator("text=Sent to:").count() > 0, "the question went to experts");
  const question = new URL(member.url()).pathname;

  // Members see the map of the members' network, but not the coordinators' pages.
  await member.goto(`${base}/network/map`);
  assert.ok(await member.locator("svg circle").count() > 50, "the map draws the network");
  const refused = await member.goto(`${base}/network/champions`);
  assert.equal(refused.status(), 403);

  // The coordinator's view: map (with the pan-and-zoom script on), health and champions.
  const coordContext = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
  const coordinator = await signIn(coordContext, "coordinator@example.org");
  await coordinator.goto(`${base}/network/map?country=TH`);
  await coordinator.waitForLoadState("load");
  assert.ok(await coordinator.locator("svg circle").count() > 50);
  await coordinator.screenshot({ path: "e2e/output/map.png" });
  await coordinator.goto(`${base}/network/health`);
  assert.ok(await coordinator.locator("main svg").count() >= 3, "trend charts are drawn");
  await coordinator.screenshot({ path: "e2e/output/health.png", fullPage: true });
  await coordinator.goto(`${base}/network/champions`);
  const rows = coordinator.locator("main li, main tr").filter({ hasText: /cross-sector|central|Endorsed|Bridges/ });
  assert.ok(await rows.count() > 0, "candidates come with reasons in words");
  await coordinator.screenshot({ path: "e2e/output/champions.png" });

  // The public: listed groups and public threads, nothing of the network.
  const publicContext = await browser.newContext({ javaScriptEnabled: false });
  const visitor = await publicContext.newPage();
  watch(visitor);
  await visitor.goto(`${base}/network/map`);
  assert.match(visitor.url(), /\/signin\?next=/);
  await visitor.goto(`${base}/groups`);
  assert.ok(!(await visitor.content()).includes("Defenders' safety circle"), "secret groups are invisible");

  // Accessibility of every new page, signed in as admin and as the public.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const admin = await signIn(adminContext, "admin@example.org");
  const thread = threadUrl;
  // Ids are random: take a group and a resource from their lists.
  await admin.goto(`${base}/groups`);
  const group = await admin.locator('main a[href^="/groups/"]:not([href="/groups/new"])').first().getAttribute("href");
  await admin.goto(`${base}/library`);
  const resource = await admin.locator('main a[href^="/library/"]:not([href="/library/new"]):not([href*="."])').first().getAttribute("href");
  for (const path of ["/network", "/network/map", "/network/health", "/network/champions", "/network/introductions",
    "/network/ties", "/groups", group, "/forum", new URL(thread).pathname, "/search?q=%E0%B8%97%E0%B8%A3%E0%B8%A1%E0%B8%B2%E0%B8%99",
    "/notifications", "/notifications/settings", "/questions", "/questions/new", question,
    "/library", "/library?language=th", resource, "/library/new", `${resource}/edit`]) {
    await audit(admin, path);
  }
  await admin.goto(`${base}/network/champions`);
  const champion = await admin.locator('main a[href^="/network/champions/"]').first().getAttribute("href");
  await audit(admin, champion);
  // axe runs as a script, so the public's audit needs a context with JavaScript on.
  const publicAudit = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  watch(publicAudit);
  for (const path of ["/groups", "/search?q=interview", "/library", "/library/2"]) await audit(publicAudit, path);

  assert.deepEqual(foreign, [], "no request leaves our origin");
  assert.deepEqual(violations, [], "no Content-Security-Policy violation or script error");
  console.log("e2e: posted and found a Thai thread, followed a mention, asked an expert; map, health, champions and groups checked; screenshots in e2e/output/");
} finally {
  await browser.close();
}
