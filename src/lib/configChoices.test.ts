import { describe, expect, it } from 'vitest';
import { configChoices } from './configChoices';

describe('configChoices', () => {
  it('is empty without a config', () => {
    expect(configChoices(undefined)).toEqual({
      agents: [],
      teams: [],
      workflows: [],
      databases: [],
    });
  });

  it('lists ids with their names, once each, skipping entities without an id', () => {
    const choices = configChoices({
      agents: [
        { id: 'stock_agent', name: 'Stock Agent' },
        { id: 'stock_agent', name: 'Again' },
        { name: 'no id' },
        { id: 'web_agent', name: 'web_agent' },
      ],
    });
    expect(choices.agents).toEqual([
      { value: 'stock_agent', label: 'Stock Agent' },
      { value: 'web_agent' },
    ]);
  });

  it('takes the databases from traces.dbs, else from databases', () => {
    expect(
      configChoices({
        databases: ['a', 'b', 'c'],
        os_database: 'b',
        traces: { dbs: [{ db_id: 'a', domain_config: { display_name: 'Prod' } }, { db_id: 'b' }] },
      }),
    ).toMatchObject({
      databases: [{ value: 'a', label: 'Prod' }, { value: 'b' }],
      defaultDatabase: 'b',
    });
    expect(configChoices({ databases: ['x', 'y'] })).toMatchObject({
      databases: [{ value: 'x' }, { value: 'y' }],
      defaultDatabase: 'x',
    });
  });
});
