import { expect, test } from '@playwright/test';
import { panelOf } from './support/tracePage';

/*
 * Issue 15: the transcript tab reads a run as a conversation, on the team trace recorded from
 * the real AgentOS (src/mocks/recorded/real-agentos/trace-team-delegation.json): the user's
 * input, the leader's delegations, each member's run as a card with its tool calls.
 */
const TEAM_TRACE = '/traces/5eeb8e69da2ce65fa94a1c0735a561b5?db_id=recorded-agentos';
const ROOT_SPAN = 'ad0f514d076a759a';

test('the transcript of a team run shows the input, member cards and tool calls; an entry opens its span', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${TEAM_TRACE}&span=${ROOT_SPAN}`);
  await page.getByRole('tab', { name: 'Transcript' }).click({ timeout: 30_000 });
  await expect(page).toHaveURL(/tab=transcript/);
  const feed = page.getByRole('feed', { name: 'Transcript' });

  const entries = feed.getByRole('article');
  await expect(entries.nth(0)).toHaveAccessibleName('TEAM Research_Team.run');
  await expect(entries.nth(1)).toHaveAccessibleName('User');
  await expect(entries.nth(1)).toContainText('Write a brief on solid-state batteries');
  // The leader's model asks for a delegation; the delegation is a tool call with its arguments.
  await expect(entries.nth(2)).toContainText('delegate_task_to_member');
  const delegation = feed.getByRole('article', { name: 'Tool · delegate_task_to_member' }).first();
  await expect(delegation).toContainText(
    '"task": "Research solid-state batteries: state of the art in 2025."',
  );
  // The member's run is a card of its own, with the task it was given and its tool calls.
  const researcher = feed.getByRole('article', { name: 'AGENT Researcher.run' });
  await expect(researcher).toBeVisible();
  await expect(feed.getByRole('article', { name: 'Task' }).first()).toContainText(
    'Research solid-state batteries: state of the art in 2025.',
  );
  const search = feed.getByRole('article', { name: 'Tool · web_search' });
  await expect(search).toContainText('"query": "solid-state batteries 2025"');
  await expect(search).toContainText('Result 1 for solid-state batteries 2025');

  // An entry opens its span in the panel, and the link names it.
  await search.getByRole('button', { name: 'Tool · web_search: open span web_search' }).click();
  await expect(panelOf(page).getByRole('heading', { level: 2 })).toHaveText('web_search');
  await expect(page).toHaveURL(/span=43147a055be665bf/);
  await expect(search).toHaveAttribute('aria-current', 'true');

  // A member's card folds away its turns.
  await researcher.getByRole('button', { name: 'Fold Researcher.run' }).click();
  await expect(search).toHaveCount(0);
  await expect(researcher).toContainText('entries folded');
  await expect(feed.getByRole('article', { name: 'AGENT Writer.run' })).toBeVisible();
});

test('folded cards are in the link: another browser opens them folded', async ({
  page,
  browser,
}) => {
  // Two browsers, each starting the demo server and the transcript: slow on a busy CI box.
  test.slow();
  await page.goto(`${TEAM_TRACE}&tab=transcript`);
  const feed = page.getByRole('feed', { name: 'Transcript' });
  const researcher = feed.getByRole('article', { name: 'AGENT Researcher.run' });
  await researcher.getByRole('button', { name: 'Fold Researcher.run' }).click({ timeout: 30_000 });
  await expect(researcher).toContainText('entries folded');
  await expect(page).toHaveURL(/[?&]tfold=/);

  const other = await browser.newPage();
  await other.goto(page.url());
  const shared = other
    .getByRole('feed', { name: 'Transcript' })
    .getByRole('article', { name: 'AGENT Researcher.run' });
  await expect(shared).toContainText('entries folded', { timeout: 30_000 });
  await expect(
    other
      .getByRole('feed', { name: 'Transcript' })
      .getByRole('article', { name: 'Tool · web_search' }),
  ).toHaveCount(0);
  await other.close();
});

test('selecting a span elsewhere scrolls the transcript to its entry', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // The failing fetch_page, near the end of the Researcher's run.
  await page.goto(`${TEAM_TRACE}&tab=transcript&span=18f491865c91282e`);
  const feed = page.getByRole('feed', { name: 'Transcript' });
  const failed = feed.getByRole('article', { name: 'Tool · fetch_page' }).last();
  await expect(failed).toBeInViewport({ timeout: 30_000 });
  await expect(failed).toHaveAttribute('aria-current', 'true');
  await expect(failed.getByRole('note', { name: 'Span error' })).toContainText(
    '403 Forbidden while fetching https://paywall.example.com/ssb',
  );
});
