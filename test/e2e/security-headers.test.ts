import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, login, useBrowserSession, type BrowserSession } from './browser';

/** Collects Content-Security-Policy violations the page reports (the event fires even when nothing logs it). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

describe('the built web app under its Content-Security-Policy', () => {
  let s: BrowserSession;
  useBrowserSession((session) => (s = session));

  it('serves the page with the strict CSP and no framing', async () => {
    const res = await fetch(`${s.server.url}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('opens the login page and the home page signed in without a CSP violation or console error', async () => {
    const { page } = s.w;
    const violations = await watchCsp(page);
    await page.goto('/login');
    await page.getByTestId('login-email').waitFor();
    expect(await violations()).toEqual([]);
    await login(page, DEMO.manager);
    await page.getByTestId('home-page').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    // A change right after login uses the rotated CSRF token.
    const status = await page.evaluate(async () => {
      const token = ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
      return (await fetch('/api/auth/me', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: '{"locale":"vi"}' })).status;
    });
    expect(status).toBe(200);
    expect(s.w.unexpectedErrors()).toEqual([]);
  });
});
