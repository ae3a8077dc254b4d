import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer } from '../helpers/server';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
export const DEMO_PASSWORD = 'openkpi-demo';
export const DEMO = {
  admin: 'admin@minhan.vn',
  manager: 'truong.kd@minhan.vn',
  employee: 'nhanvien@minhan.vn',
  viewer: 'an.nguyen@minhan.vn',
} as const;

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--headless',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the web app into dist/web when it has not been built yet. */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page plus every console error and uncaught exception it produced. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  /** Errors other than the HTTP answers a test caused on purpose, given as [status, path] (e.g. [403, '/api/people']). */
  unexpectedErrors(expected?: readonly (readonly [number, string])[]): string[];
}

export async function openPage(browser: Browser, baseUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  // Generous: a loaded 2-core machine (CI runs the whole suite) can take several seconds for a first page with charts.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    page,
    errors,
    unexpectedErrors(expected = []) {
      return errors.filter((e) => !expected.some(([status, path]) => e.includes(`status of ${status}`) && e.includes(path)));
    },
  };
}

/** Logs in through the login form and waits for the app shell. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

/**
 * Switches the UI language with the header's VI / EN switch and waits until the page shows it and the choice is saved
 * on the user (the switch is disabled while it saves): a navigation right after keeps the language.
 */
export async function chooseLanguage(page: Page, label: string): Promise<void> {
  const lang = label.toLowerCase();
  await page.getByTestId('lang-switch').getByText(label.toUpperCase(), { exact: true }).click();
  await page.waitForFunction(
    (l) => {
      const sw = document.querySelector('[data-testid="lang-switch"]');
      return document.documentElement.lang === l && sw !== null && !sw.classList.contains('ant-segmented-disabled');
    },
    lang,
  );
}

/**
 * Chooses `option` in the Ant Design select `testId`: opens it (again, when a re-render closed it before it showed),
 * types `typed` to filter, and clicks the option in the open dropdown.
 */
export async function pickOption(page: Page, testId: string, option: string, typed = ''): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).click();
    try {
      await dropdown.first().waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  if (typed) await page.keyboard.type(typed);
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/**
 * Full-window screenshot into docs/screenshots/<name>.png (1280×800). CI throws the pictures away, so there it only
 * waits for the network to settle (as a picture would) and skips the rest: ~80 pictures cost minutes of CI time.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.waitForLoadState('networkidle');
  if (process.env.CI === 'true') return path;
  // Let toasts fade out and start from the top so the picture shows the page, not the last action.
  await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 8_000 }).catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1279, 799);
  await page.waitForTimeout(500); // antd menu and tab transitions take 0.3 s

  await page.screenshot({ path });
  return path;
}

export interface BrowserSession {
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  w: WatchedPage;
}

/**
 * One test server (fresh demo database), one Chromium and one watched page for a test file:
 * started before its tests, closed after them. `set` hands them to the file's variables.
 */
export function useBrowserSession(set: (session: BrowserSession) => void): void {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    const server = await startTestServer();
    const browser = await launchBrowser();
    session = { server, browser, w: await openPage(browser, server.url) };
    set(session);
  });
  afterAll(async () => {
    await session?.browser.close();
    await session?.server.close();
  });
}

/** How far the page scrolls sideways, and the elements that stick out of the window (for the failure message). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= innerWidth + 1) continue;
      // Only the outermost element that sticks out; one inside a box that scrolls or clips is that box's business.
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > innerWidth + 1) continue;
      let boxed = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') boxed = true;
      }
      if (boxed) continue;
      const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '';
      culprits.push(`${el.tagName.toLowerCase()}${id}.${String(el.className).split(' ').slice(0, 2).join('.')} right=${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: culprits.slice(0, 8) };
  });
}
