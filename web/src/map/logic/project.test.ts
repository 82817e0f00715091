// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { projectTopology, relativePosition, topologyFeatures } from './project.ts';

function shipped(level: string): Topology {
  const url = new URL(`../../../../reference-data/${level}_2025.topojson`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Topology;
}

describe('projectTopology on the shipped CBS boundaries', () => {
  it.each([
    ['gemeente', 342],
    ['veiligthuisregio', 25],
    ['provincie', 12],
  ])('projects every %s (%i areas) to a path inside the viewBox', (level, count) => {
    const { shapes, viewBox } = projectTopology(shipped(level), 600);
    expect(shapes).toHaveLength(count);
    const [minX, minY, width, height] = viewBox;
    // The Netherlands is taller than wide in Mercator, but not absurdly: a ring wound the wrong way would
    // cover the whole globe and blow this up.
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(620);
    expect(height / width).toBeGreaterThan(1);
    expect(height / width).toBeLessThan(1.4);
    for (const shape of shapes) {
      expect(shape.d).toMatch(/^M/);
      expect(shape.centroid[0]).toBeGreaterThan(minX);
      expect(shape.centroid[0]).toBeLessThan(minX + width);
      expect(shape.centroid[1]).toBeGreaterThan(minY);
      expect(shape.centroid[1]).toBeLessThan(minY + height);
    }
  });

  it('takes codes and names from the CBS properties', () => {
    const { shapes } = projectTopology(shipped('gemeente'));
    expect(shapes.find((s) => s.code === 'GM0363')?.name).toBe('Amsterdam');
    expect(new Set(shapes.map((s) => s.code)).size).toBe(342);
  });

  it('places Groningen north-east of Maastricht', () => {
    const { shapes } = projectTopology(shipped('gemeente'));
    const groningen = shapes.find((s) => s.code === 'GM0014');
    const maastricht = shapes.find((s) => s.code === 'GM0935');
    expect(groningen && maastricht).toBeTruthy();
    if (!groningen || !maastricht) return;
    expect(groningen.centroid[1]).toBeLessThan(maastricht.centroid[1]);
    expect(groningen.centroid[0]).toBeGreaterThan(maastricht.centroid[0]);
  });
});

describe('topologyFeatures', () => {
  it('refuses a topology without a GeometryCollection', () => {
    const empty = { type: 'Topology', objects: {}, arcs: [] } as unknown as Topology;
    expect(() => topologyFeatures(empty)).toThrow(/GeometryCollection/);
  });
});

describe('relativePosition', () => {
  it('converts viewBox coordinates to percentages', () => {
    expect(relativePosition([50, 25], [0, 0, 100, 100])).toEqual({ left: 50, top: 25 });
    expect(relativePosition([10, 10], [-10, 0, 40, 20])).toEqual({ left: 50, top: 50 });
  });
});
