import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { openTrace, panelOf, waterfallOf } from './support/tracePage';

/** Switches to the Flame graph tab and waits for the graph to be drawn. */
async function openFlameGraph(page: Page) {
  await page.getByRole('tab', { name: 'Flame graph' }).click();
  return flameGraphOf(page);
}

async function flameGraphOf(page: Page) {
  await expect(page.getByRole('tab', { name: 'Flame graph' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const graph = page.getByRole('application', { name: /^Flame graph of [\d,]+ spans$/ });
  await expect(graph).toBeVisible();
  // Drawn at least once: a click before that would find no cells yet.
  await expect(graph).toHaveAttribute('data-drawn', /^[1-9]/);
  return graph;
}

/** The span panel's title: the selected span's name. */
const panelTitle = (page: Page) => panelOf(page).getByRole('heading', { level: 2 });

test.describe('flame graph', () => {
  test('a click on a cell opens that span, and the view survives a reload', async ({ page }) => {
    // Two page loads, each with the lazy flame graph and span panel: slow on a busy CI box.
    test.slow();
    // A trace's name is its root span's: the root is the top row, from the axis start.
    const { name: rootName } = await openTrace(page, '/traces?agent_id=stock_agent');
    const graph = await openFlameGraph(page);
    await expect(page).toHaveURL(/[?&]tab=flame(&|$)/);

    await graph.hover({ position: { x: 3, y: 3 } });
    await expect(page.getByRole('tooltip')).toContainText(rootName);
    await expect(page.getByRole('tooltip')).toContainText('Self time');

    await graph.click({ position: { x: 3, y: 3 } });
    await expect(panelOf(page)).toBeVisible();
    await expect(panelTitle(page)).toHaveText(rootName);
    await expect(page).toHaveURL(/[?&]span=/);
    await expect(page.getByText(`Selected: ${rootName}`, { exact: true })).toBeVisible();

    await page.reload();
    await flameGraphOf(page);
    await expect(page).toHaveURL(/[?&]tab=flame(&|$)/);
    await expect(panelTitle(page)).toHaveText(rootName);
  });

  test('has no serious accessibility violations', async ({ page }) => {
    // An axe scan of the whole trace page, panel open: slow on a busy CI box.
    test.slow();
    await openTrace(page, '/traces?agent_id=stock_agent');
    const graph = await openFlameGraph(page);
    await graph.click({ position: { x: 3, y: 3 } });
    await expect(panelOf(page)).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('arrow keys walk the tree, Enter opens, and a zoom into a span survives a reload', async ({
    page,
  }) => {
    // Two page loads, each with the lazy flame graph and span panel: slow on a busy CI box.
    test.slow();
    const { name: rootName } = await openTrace(page, '/traces?agent_id=stock_agent');
    // The root's first child is the waterfall's second row (it starts all expanded).
    await waterfallOf(page).rows.nth(1).click();
    const childName = (await panelTitle(page).textContent()) ?? '';
    expect(childName).not.toBe('');
    await panelOf(page).getByRole('button', { name: 'Close span details' }).click();
    await expect(panelOf(page)).toBeHidden();

    const graph = await openFlameGraph(page);
    await graph.focus();
    await page.keyboard.press('ArrowUp'); // from the child to its parent, the root
    await expect(page.getByText(`Selected: ${rootName}`, { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByText(`Selected: ${rootName} › ${childName}`)).toBeVisible();
    await expect(panelOf(page)).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(panelTitle(page)).toHaveText(childName);

    const before = await graph.getAttribute('aria-label');
    await page.getByRole('button', { name: 'Zoom into this span' }).click();
    await expect(graph).not.toHaveAttribute('aria-label', before!);
    const zoomed = await graph.getAttribute('aria-label');
    await expect(page).toHaveURL(/[?&]flame=/);

    await page.reload();
    await flameGraphOf(page);
    await expect(graph).toHaveAttribute('aria-label', zoomed!);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(graph).toHaveAttribute('aria-label', before!);
    await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeDisabled();
  });
});
