import { describe, expect, it } from 'vitest';
import { entryPointDifference, entryPointOf, normalizeEntryPoint } from './spanNames';

describe('normalizeEntryPoint', () => {
  it.each([
    ['Research_Team.arun', 'Research_Team.run'],
    ['AwsBedrock.ainvoke', 'AwsBedrock.invoke'],
    ['AwsBedrock.ainvoke_stream', 'AwsBedrock.invoke_stream'],
    ['extract.aexecute', 'extract.execute'],
    ['OpenAIChat.aresponse', 'OpenAIChat.response'],
    ['Support_Agent.aprint_response', 'Support_Agent.print_response'],
    ['Support_Agent.acontinue_run', 'Support_Agent.continue_run'],
  ])('%s is matched as %s', (name, expected) => {
    expect(normalizeEntryPoint(name)).toBe(expected);
  });

  it.each([
    'Research_Team.run',
    'AwsBedrock.invoke',
    'apply',
    'arun',
    'tools.apply',
    'Agent.arun_later',
    'Agent.Arun',
    'a.b.c',
    '',
  ])('leaves %s as it is', (name) => {
    expect(normalizeEntryPoint(name)).toBe(name);
  });

  it('changes only the part after the last dot', () => {
    expect(normalizeEntryPoint('arun.pipeline.arun')).toBe('arun.pipeline.run');
  });
});

describe('entryPointOf', () => {
  it('reads the method and whether it is the async one', () => {
    expect(entryPointOf('Research_Team.arun')).toEqual({
      owner: 'Research_Team.',
      method: 'arun',
      syncMethod: 'run',
      isAsync: true,
    });
    expect(entryPointOf('Research_Team.run')).toMatchObject({ method: 'run', isAsync: false });
  });

  it('finds none in a tool name', () => {
    expect(entryPointOf('delegate_task_to_member')).toBeNull();
    expect(entryPointOf('math.apply')).toBeNull();
  });
});

describe('entryPointDifference', () => {
  it('names both entry points of the same step', () => {
    expect(entryPointDifference('Research_Team.arun', 'Research_Team.run')).toEqual({
      a: '.arun',
      b: '.run',
    });
  });

  it('is null for the same name, and for different steps', () => {
    expect(entryPointDifference('Research_Team.run', 'Research_Team.run')).toBeNull();
    expect(entryPointDifference('Research_Team.arun', 'Support_Agent.run')).toBeNull();
    expect(entryPointDifference('Team.run', 'Team.invoke')).toBeNull();
  });
});
