import { expect, test, type Locator, type Page } from '@playwright/test';
import { biggestTraceId, openTrace, panelOf, waterfallOf } from './support/tracePage';

/*
 * The trace page as a workspace: it fills the window, a jump puts its row where the reader
 * looks, the panel can take the width, and the name column can be widened from the keyboard.
 */

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** The rows' area of the waterfall: its box below the sticky column header. */
async function visibleRowsArea(page: Page) {
  const { grid } = waterfallOf(page);
  const box = (await grid.boundingBox())!;
  const header = (await grid.getByRole('row').first().boundingBox())!;
  return { top: header.y + header.height, bottom: box.y + box.height };
}

async function expectInsideWaterfall(page: Page, row: Locator) {
  await expect(row).toBeVisible();
  const area = await visibleRowsArea(page);
  const box = (await row.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(area.top - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(area.bottom + 1);
  return { area, box };
}

/** All span ids of a demo trace in tree order, read from the demo API the page uses. */
async function spanIdsOf(page: Page, traceId: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const response = await fetch(`/demo-api/traces/${encodeURIComponent(id)}`);
    const body = (await response.json()) as { tree: Node[] };
    interface Node {
      id: string;
      spans?: Node[];
    }
    const ids: string[] = [];
    const walk = (node: Node) => {
      ids.push(node.id);
      node.spans?.forEach(walk);
    };
    body.tree.forEach(walk);
    return ids;
  }, traceId);
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the page does not scroll: the waterfall ends inside the window', async ({ page }) => {
      await openTrace(page, '/traces?agent_id=stock_agent');
      const { grid } = waterfallOf(page);
      const box = (await grid.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // The grid takes what the header and toolbar leave: most of the window.
      expect(box.height).toBeGreaterThan(viewport.height * 0.55);
    });

    test('a link to a span deep in a big trace puts its row in the middle of the waterfall', async ({
      page,
    }) => {
      // Two page loads and a 2,000-span trace generated in the browser: slow on a busy CI box.
      test.slow();
      // The list showing means the demo's mock API (a service worker) is answering.
      await page.goto('/traces');
      await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
      const id = await biggestTraceId(page);
      const ids = await spanIdsOf(page, id);
      expect(ids.length).toBeGreaterThan(500);
      const target = ids[Math.floor(ids.length * 0.8)]!;
      await page.goto(`/traces/${id}?span=${encodeURIComponent(target)}`);
      // How long loading takes is the benchmark's business; where the row lands is this test's.
      await expect(waterfallOf(page).grid).toBeVisible({ timeout: 45_000 });
      const selected = waterfallOf(page).grid.locator('[role="row"][aria-selected="true"]');
      const { area, box } = await expectInsideWaterfall(page, selected);
      const middle = (area.top + area.bottom) / 2;
      expect(Math.abs(box.y + box.height / 2 - middle)).toBeLessThan((area.bottom - area.top) / 4);
      await expect(panelOf(page)).toBeVisible();
    });

    test('every waterfall control of a team trace is in view, none behind a sideways scroll', async ({
      page,
    }) => {
      // A team trace has the most controls: Lanes joins the toolbar.
      await openTrace(page, '/traces?team_id=research-team');
      const toolbar = page.getByRole('toolbar', { name: 'Waterfall controls' });
      const controls = [
        toolbar.getByRole('searchbox', { name: 'Search spans' }),
        toolbar.getByRole('button', { name: 'Previous match' }),
        toolbar.getByRole('button', { name: 'Next match' }),
        toolbar.getByRole('checkbox', { name: 'Errors only' }),
        toolbar.getByRole('checkbox', { name: 'Critical path' }),
        toolbar.getByRole('checkbox', { name: 'Lanes' }),
        toolbar.getByRole('button', { name: 'More filters' }),
        toolbar.getByRole('button', { name: 'Expand or collapse levels' }),
        toolbar.getByRole('button', { name: 'Keyboard shortcuts' }),
      ];
      for (const control of controls) await expect(control).toBeInViewport({ ratio: 1 });
    });

    test('an error-first landing shows the failing row inside the waterfall', async ({ page }) => {
      await openTrace(page, '/traces?status=ERROR');
      await expect(page.getByRole('note', { name: 'Error-first landing' })).toBeVisible();
      const selected = waterfallOf(page).grid.locator('[role="row"][aria-selected="true"]');
      await expectInsideWaterfall(page, selected);
      await expect(selected.getByRole('img', { name: 'Error' })).toBeVisible();
    });
  });
}

test.describe('the span panel', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('maximise gives the panel the width and shows the spans as a tree; restore undoes it', async ({
    page,
  }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { grid, rows } = waterfallOf(page);
    await rows.nth(1).click();
    const panel = panelOf(page);
    await expect(panel).toBeVisible();
    // The panel's code loads lazily: its box is read once the loaded panel has replaced the
    // placeholder (a box read in between is null).
    let before = 0;
    await expect
      .poll(async () => (before = (await panel.boundingBox())?.width ?? 0))
      .toBeGreaterThan(0);
    await expect(grid.getByRole('columnheader', { name: 'Timeline' })).toBeVisible();

    await panel.getByRole('button', { name: 'Maximise span details' }).click();
    await expect(panel.getByRole('button', { name: 'Restore span details' })).toBeVisible();
    await expect.poll(async () => (await panel.boundingBox())!.width).toBeGreaterThan(before * 1.5);
    // The waterfall keeps names and durations, not the time axis.
    await expect(grid.getByRole('columnheader', { name: 'Timeline' })).toBeHidden();
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/layout=max/);

    // A link keeps it: opened afresh, the panel is still maximised.
    await page.reload();
    await expect(panelOf(page).getByRole('button', { name: 'Restore span details' })).toBeVisible();

    await panelOf(page).getByRole('button', { name: 'Restore span details' }).click();
    await expect
      .poll(async () => (await panelOf(page).boundingBox())!.width)
      .toBeLessThan(before * 1.2);
    await expect(grid.getByRole('columnheader', { name: 'Timeline' })).toBeVisible();
    await expect(page).not.toHaveURL(/layout=max/);
  });
});

test.describe('the name column', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('widens and narrows from the keyboard, and keeps its width on the next trace', async ({
    page,
  }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { grid } = waterfallOf(page);
    const nameHeader = grid.getByRole('columnheader', { name: 'Span' });
    const handle = grid.getByRole('separator', { name: 'Resize span names' });
    const start = (await nameHeader.boundingBox())!.width;

    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await nameHeader.boundingBox())!.width).toBe(start + 48);
    await expect(handle).toHaveAttribute('aria-valuenow', String(Math.round(start + 48)));

    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await nameHeader.boundingBox())!.width).toBe(start + 48 - 96);

    // The width is the reader's preference: the next trace opens with it.
    await openTrace(page, '/traces?agent_id=support_agent');
    await expect
      .poll(
        async () =>
          (await waterfallOf(page).grid.getByRole('columnheader', { name: 'Span' }).boundingBox())!
            .width,
      )
      .toBe(start - 48);

    // Enter goes back to the default width.
    await waterfallOf(page)
      .grid.getByRole('separator', { name: 'Resize span names' })
      .press('Enter');
    await expect
      .poll(
        async () =>
          (await waterfallOf(page).grid.getByRole('columnheader', { name: 'Span' }).boundingBox())!
            .width,
      )
      .toBe(start);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the panel is a full-screen sheet with a way back to the spans', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { rows } = waterfallOf(page);
    await rows.nth(1).click();
    const panel = panelOf(page);
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(380);
    expect(box.height).toBeGreaterThan(700);
    await panel.getByRole('button', { name: 'Back to the spans' }).click();
    await expect(panel).toHaveCount(0);
    await expect(rows.nth(1)).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Settings' })).toBeInViewport();
  });
});
