import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const base = process.env.BASE;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const errors = [];
async function ctx(locale) { const c = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } }); const p = await c.newPage(); p.on('pageerror', (e) => errors.push(`${locale} ${e.message}`)); p.on('console', (m) => m.type() === 'error' && errors.push(`${locale} console ${m.text().slice(0, 200)}`)); return p; }
async function signIn(p, email, pw = 'relais-demo') { await p.goto(base + '/signin'); await p.locator('input[name=email]').fill(email); await p.locator('input[name=password]').fill(pw); await p.locator('button[type=submit]').click(); }
for (const locale of ['fr-FR', 'en-GB']) {
  const tag = locale.slice(0, 2);
  const p = await ctx(locale);
  await p.goto(base + '/signin'); await p.screenshot({ path: `/tmp/shots/${tag}-signin-empty.png` });
  await signIn(p, 'agent2@callpro.test', 'wrong'); await p.locator('.mantine-Alert-root').waitFor(); await p.screenshot({ path: `/tmp/shots/${tag}-signin-wrong.png` });
  for (let i = 0; i < 5; i++) { await signIn(p, tag === 'fr' ? 'agent2@callpro.test' : 'agent4@callpro.test', 'wrong'); await p.waitForTimeout(400); }
  await p.screenshot({ path: `/tmp/shots/${tag}-signin-throttled.png` });
  const m = await ctx(locale);
  await signIn(m, 'manager@callpro.test'); await m.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await m.goto(base + '/import'); await m.waitForTimeout(1500); await m.screenshot({ path: `/tmp/shots/${tag}-import-empty.png`, fullPage: true });
  writeFileSync('/tmp/shots/cdr.csv', 'call_id;agent;start;answer;end;result\nc1;A1;2026-12-01 09:00:00;2026-12-01 09:00:05;2026-12-01 09:03:00;answered\nc2;A1;2026-12-01 10:00:00;;2026-12-01 10:00:30;abandoned\nc3;A1;not a date;;2026-12-01 10:00:30;abandoned\n');
  await m.locator('input[type=file]').setInputFiles('/tmp/shots/cdr.csv'); await m.waitForTimeout(1500); await m.screenshot({ path: `/tmp/shots/${tag}-import-loaded.png`, fullPage: true });
  await m.goto(base + '/dialer'); await m.waitForTimeout(2500); await m.screenshot({ path: `/tmp/shots/${tag}-dialer.png`, fullPage: true });
  await m.goto(base + '/report'); await m.waitForTimeout(2500); await m.screenshot({ path: `/tmp/shots/${tag}-report.png`, fullPage: true });
}
console.log('ERRORS', JSON.stringify(errors, null, 1));
await browser.close();
