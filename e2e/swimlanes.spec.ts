import { expect, test, type Page } from '@playwright/test';
import { panelOf, waterfallOf } from './support/tracePage';

/*
 * Issue 15, item 2: a team or workflow trace as swimlanes, one lane per agent or step on the
 * waterfall's time axis, with the hand-offs between them drawn as arrows. On the recorded real
 * AgentOS traces the demo serves (database `recorded-agentos`).
 */

const TEAM_TRACE = '/traces/5eeb8e69da2ce65fa94a1c0735a561b5?db_id=recorded-agentos&view=all';
const LOOP_TRACE = '/traces/c7baf301c967af108f7447dcbf8914bc?db_id=recorded-agentos&view=all';

const lanesOf = (page: Page) => page.getByRole('table', { name: 'Swimlanes' });
/** The lanes' header cells, top to bottom, as their text reads. */
const laneHeaders = (page: Page) => lanesOf(page).getByRole('rowheader');
/** A lane's row, by the name its header starts with. */
const laneRow = (page: Page, name: string) =>
  lanesOf(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) });

test('a team run shows one lane per member, each delegation drawn as an arrow', async ({
  page,
}) => {
  await page.goto(TEAM_TRACE);
  await expect(waterfallOf(page).grid).toBeVisible();
  await page.getByRole('checkbox', { name: 'Lanes' }).check();
  await expect(page).toHaveURL(/[?&]lanes=1/);

  // The leader, then its two members, in the order they first ran.
  await expect(laneHeaders(page)).toHaveCount(3);
  await expect(laneHeaders(page).nth(0)).toContainText('Research_Team');
  await expect(laneHeaders(page).nth(1)).toContainText('Researcher');
  await expect(laneHeaders(page).nth(2)).toContainText('Writer');
  // A lane's header gives its time and tokens: Researcher.run took 707 ms, its three model
  // calls 108 + 280 + 511 tokens.
  await expect(laneHeaders(page).nth(1)).toContainText('707ms');
  await expect(laneHeaders(page).nth(1)).toContainText('899 tok');

  // Each delegate_task_to_member hands off to its member's lane.
  const arrows = page.getByRole('group', { name: 'Hand-offs' }).getByRole('img');
  await expect(arrows).toHaveCount(2);
  await expect(
    page.getByRole('img', { name: 'Hand-off: Research_Team delegates to Researcher' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Hand-off: Research_Team delegates to Writer' }),
  ).toBeVisible();

  // The leader's delegations wait on the members; the member's calls sit in its own lane.
  const leader = laneRow(page, 'Research_Team');
  await expect(
    leader.getByRole('button', {
      name: /^TOOL delegate_task_to_member, .*waiting on another lane/,
    }),
  ).toHaveCount(2);
  const researcher = laneRow(page, 'Researcher');
  await expect(researcher.getByRole('button', { name: /^TOOL web_search, / })).toHaveCount(1);
  await expect(leader.getByRole('button', { name: /web_search/ })).toHaveCount(0);

  // A bar opens its span.
  await researcher.getByRole('button', { name: /^TOOL web_search, / }).click();
  await expect(page).toHaveURL(/[?&]span=43147a055be665bf/);
  await expect(panelOf(page).getByRole('heading', { name: 'web_search' })).toBeVisible();
});

test('arrow keys move along a lane and across lanes, and the link keeps the lanes', async ({
  page,
}) => {
  await page.goto(`${TEAM_TRACE}&lanes=1`);
  const leader = laneRow(page, 'Research_Team');
  // The first delegation (12.7217 s); the lane below starts Researcher.run 1.6 ms later.
  await leader
    .getByRole('button', { name: /^TOOL delegate_task_to_member/ })
    .first()
    .click();
  await expect(page).toHaveURL(/[?&]span=87de9d874c645e7a/);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]span=02bd622906e277eb/);
  await expect(laneRow(page, 'Researcher').getByRole('button', { pressed: true })).toBeFocused();
  // Along Researcher's lane: its first model call, then web_search.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]span=43147a055be665bf/);

  // Reloaded from its link, the page is in lanes with the same span open.
  await page.reload();
  await expect(laneHeaders(page)).toHaveCount(3);
  await expect(page.getByRole('checkbox', { name: 'Lanes' })).toBeChecked();
  await expect(panelOf(page).getByRole('heading', { name: 'web_search' })).toBeVisible();

  // Unticked, the tree is back with the selected span in view.
  await page.getByRole('checkbox', { name: 'Lanes' }).uncheck();
  await expect(page).not.toHaveURL(/lanes=/);
  await expect(
    waterfallOf(page).grid.locator('[role="row"][aria-selected="true"]'),
  ).toBeInViewport();
});

test('a looped workflow has one lane per step, each step handing off to the next', async ({
  page,
}) => {
  await page.goto(`${LOOP_TRACE}&lanes=1`);
  await expect(laneHeaders(page)).toHaveCount(5);
  const names = ['Nightly_ETL', 'extract', 'transform', 'load', 'summary'];
  for (const [position, name] of names.entries()) {
    await expect(laneHeaders(page).nth(position)).toContainText(name);
  }
  // The loop ran its three steps four times: one lane each, four runs.
  await expect(laneRow(page, 'extract').getByRole('rowheader')).toContainText('×4');
  await expect(laneRow(page, 'extract').getByRole('button')).toHaveCount(4);
  // The workflow starts extract, each step hands to the next, load back to extract, load to
  // summary: 1 + 4 × 2 + 3 + 1 arrows.
  const arrows = page.getByRole('group', { name: 'Hand-offs' }).getByRole('img');
  await expect(arrows).toHaveCount(13);
  await expect(
    page.getByRole('img', { name: 'Hand-off: extract then transform' }).first(),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'Hand-off: load then summary' })).toBeVisible();
});

test('a single agent run offers no lanes, and a link asking for them says why', async ({
  page,
}) => {
  await page.goto(
    '/traces/44499f90eea1c19da8c105c689773670?db_id=recorded-agentos&view=all&lanes=1',
  );
  await expect(waterfallOf(page).grid).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Lanes' })).toHaveCount(0);
  await expect(page.getByText('no team or workflow in this trace')).toBeVisible();
});
