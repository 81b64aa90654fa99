import { expect, type Page } from '@playwright/test';

/**
 * Watches a page for anything a hostile payload could make happen: a dialog, the canary global
 * set (`window.__pwned`), a page error, or markup that can run or load something (script,
 * iframe, object, img…, `on*` attributes, `javascript:` and `data:` URLs, <base>, <meta>,
 * <style>) appearing in the DOM at any moment, not just at the end.
 */
export interface InertGuard {
  dialogs: string[];
  pageErrors: string[];
  /** Asserts that nothing happened so far; call it after each step and at the end. */
  expectInert(): Promise<void>;
}

declare global {
  interface Window {
    __inert?: { canary: unknown[]; suspicious: string[] };
  }
}

/** Runs in the page before any of its scripts. */
function installGuard(canary: string) {
  const record = { canary: [] as unknown[], suspicious: [] as string[] };
  window.__inert = record;
  // The canary: any write is recorded, the value never sticks.
  Object.defineProperty(window, canary, {
    configurable: false,
    get: () => undefined,
    set: (value: unknown) => {
      record.canary.push(value);
    },
  });
  const origin = location.origin;
  const RISKY_TAGS = new Set([
    'SCRIPT',
    'IFRAME',
    'FRAME',
    'OBJECT',
    'EMBED',
    'IMG',
    'VIDEO',
    'AUDIO',
    'SOURCE',
    'BASE',
    'META',
    'STYLE',
    'MARQUEE',
    'MATH',
    'ANIMATE',
    'SET',
  ]);
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
  const BAD_URL = /^\s*(?:javascript|data|vbscript):/i;

  function describe(element: Element, why: string): string {
    return `${why}: <${element.tagName.toLowerCase()}> ${element.outerHTML.slice(0, 160)}`;
  }

  function inspect(element: Element): void {
    const tag = element.tagName.toUpperCase();
    if (RISKY_TAGS.has(tag)) {
      // The app's own module scripts and preloads come from its origin, with a src.
      const src = element.getAttribute('src');
      const isOwnScript =
        tag === 'SCRIPT' && src !== null && new URL(src, origin).origin === origin;
      if (!isOwnScript) record.suspicious.push(describe(element, 'risky element'));
    }
    if (tag === 'LINK') {
      const href = element.getAttribute('href') ?? '';
      if (new URL(href, origin).origin !== origin) {
        record.suspicious.push(describe(element, 'link elsewhere'));
      }
    }
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) record.suspicious.push(describe(element, `attribute ${name}`));
      if (URL_ATTRIBUTES.includes(name) && BAD_URL.test(attribute.value)) {
        record.suspicious.push(describe(element, `URL in ${name}`));
      }
    }
  }

  function inspectTree(node: Node): void {
    if (!(node instanceof Element)) return;
    inspect(node);
    for (const element of Array.from(node.querySelectorAll('*'))) inspect(element);
  }

  // The static index.html (its <meta>s, its own module script) is the app's, checked by
  // csp.spec.ts: watching starts once the parser is done, with a scan of the body.
  let isParsed = false;
  new MutationObserver((mutations) => {
    if (!isParsed) return;
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element) {
        inspect(mutation.target);
      }
      for (const node of Array.from(mutation.addedNodes)) inspectTree(node);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', () => {
    isParsed = true;
    inspectTree(document.body);
  });
}

export async function guardPage(page: Page, canary: string): Promise<InertGuard> {
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(installGuard, canary);
  return {
    dialogs,
    pageErrors,
    async expectInert() {
      expect(dialogs, 'dialogs opened').toEqual([]);
      if (page.url() === 'about:blank') return;
      const state = await page.evaluate(
        (name: string) => ({
          record: window.__inert ?? { canary: ['guard missing'], suspicious: [] },
          canaryValue: (window as unknown as Record<string, unknown>)[name],
          polluted: ({} as Record<string, unknown>).polluted,
        }),
        canary,
      );
      expect(pageErrors, 'page errors').toEqual([]);
      expect(state.record.canary, `writes to window.${canary}`).toEqual([]);
      expect(state.canaryValue).toBeUndefined();
      expect(state.polluted, 'Object.prototype polluted').toBeUndefined();
      expect(state.record.suspicious, 'markup from data').toEqual([]);
    },
  };
}
