import { describe, expect, it } from 'vitest';
import { indexOf, recordedTree } from '../../../test/recordedTraces';
import { buildLaneLayout } from './laneLayout';
import { laneStep } from './laneNavigation';

describe('laneStep', () => {
  const tree = recordedTree('trace-team-delegation.json');
  const layout = buildLaneLayout(tree);
  const id = (index: number | null) => (index === null ? null : tree.nodes[index]!.id);
  const step = (fromId: string | null, key: string) =>
    id(laneStep(layout, tree, fromId === null ? null : indexOf(tree, fromId), key));

  it('moves along a lane in time with ← and →, and stops at its ends', () => {
    // Researcher's lane: its run, then the model call that starts 2.7 ms later.
    expect(step('02bd622906e277eb', 'ArrowRight')).toBe('f29616328972ff83');
    expect(step('f29616328972ff83', 'ArrowRight')).toBe('43147a055be665bf');
    expect(step('43147a055be665bf', 'ArrowLeft')).toBe('f29616328972ff83');
    expect(step('02bd622906e277eb', 'ArrowLeft')).toBeNull();
    expect(step('49c5cc7f4b159a70', 'ArrowRight')).toBeNull();
    expect(step('43147a055be665bf', 'End')).toBe('49c5cc7f4b159a70');
  });

  it('moves between lanes with ↑ and ↓ to the span starting nearest in time', () => {
    // From web_search (12.873) up to the leader: its delegating tool started at 12.721, the
    // next leader span at 13.455.
    expect(step('43147a055be665bf', 'ArrowUp')).toBe('87de9d874c645e7a');
    // From the leader's last model call (13.819) down to Researcher: its last call (13.370).
    expect(step('aa560c5339e385a5', 'ArrowDown')).toBe('49c5cc7f4b159a70');
    expect(step('683f8ae5e588b937', 'ArrowDown')).toBeNull();
  });

  it('starts at the first lane from no selection', () => {
    expect(step(null, 'ArrowDown')).toBe('ad0f514d076a759a');
    expect(step(null, 'x')).toBeNull();
  });
});
