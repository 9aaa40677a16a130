import { describe, expect, it } from 'vitest';
import { generateFramework, parseFramework } from '../src/index.ts';

describe('generateFramework', () => {
  it('makes a valid framework of the size asked for', () => {
    const data = generateFramework({ occupations: 300, competencies: 1400, requirements: 15000 });
    expect(data.occupations).toHaveLength(300);
    expect(data.competencies).toHaveLength(1400);
    expect(data.requirements).toHaveLength(15000);
    expect(() => parseFramework(data)).not.toThrow();
  });

  it('terminates on tiny sizes, with fewer requirements when there are not enough competencies to draw', () => {
    const data = generateFramework({ occupations: 3, competencies: 5, requirements: 8 });
    expect(data.occupations).toHaveLength(3);
    expect(data.requirements.length).toBeGreaterThan(0);
    expect(data.requirements.length).toBeLessThanOrEqual(8);
    expect(() => parseFramework(data)).not.toThrow();
  });

  it('is deterministic for a seed', () => {
    expect(generateFramework({ occupations: 20, competencies: 50, requirements: 200, seed: 3 })).toEqual(
      generateFramework({ occupations: 20, competencies: 50, requirements: 200, seed: 3 }),
    );
  });
});
