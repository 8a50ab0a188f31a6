import { describe, expect, it } from 'vitest';
import { currentSamplePoint, drawTrainingTasks, inWindow, samplePoint } from './training-track';

// Art. 18: points 30, 45, …, 165 days after the start of exercise; windows (previous point, point].
describe('training track of new servers (arts. 16–21)', () => {
  const start = '2025-01-10';
  it('first point: day 30 = 2025-02-09, window (2025-01-10, 2025-02-09], due in 15 days (art. 20)', () => {
    expect(currentSamplePoint(start, '2025-02-08')).toBeNull(); // day 29
    expect(currentSamplePoint(start, '2025-02-09')).toEqual({
      days: 30,
      windowStart: '2025-01-10',
      windowEnd: '2025-02-09',
      dueDate: '2025-02-24',
    });
    expect(currentSamplePoint(start, '2025-02-23')!.days).toBe(30); // day 44
  });
  it('second point: day 45 = 2025-02-24, window (2025-02-09, 2025-02-24]', () => {
    expect(currentSamplePoint(start, '2025-02-24')).toMatchObject({
      days: 45,
      windowStart: '2025-02-09',
      windowEnd: '2025-02-24',
    });
  });
  it('last point 165 (day 165 … 179); nothing from day 180', () => {
    expect(currentSamplePoint(start, '2025-06-24')!.days).toBe(165); // 2025-01-10 + 165 days
    expect(currentSamplePoint(start, '2025-07-08')!.days).toBe(165); // day 179
    expect(currentSamplePoint(start, '2025-07-09')).toBeNull(); // day 180
    expect(() => samplePoint(start, 40)).toThrow();
  });
  it('window bounds: the previous point is excluded, this point included', () => {
    const p = samplePoint(start, 45);
    expect(inWindow(p, '2025-02-09')).toBe(false);
    expect(inWindow(p, '2025-02-10')).toBe(true);
    expect(inWindow(p, '2025-02-24')).toBe(true);
    expect(inWindow(p, '2025-02-25')).toBe(false);
    const first = samplePoint(start, 30);
    expect(inWindow(first, '2025-01-10')).toBe(false);
    expect(inWindow(first, '2025-01-11')).toBe(true);
  });
  it('prefers species not yet supervised in the track (art. 21 parágrafo único), whatever the seed', () => {
    const tasks = [
      { taskId: 'T1', species: 'B41' },
      { taskId: 'T2', species: 'B41' },
      { taskId: 'T3', species: 'B21' },
      { taskId: 'T4', species: 'B41' },
    ];
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      expect(drawTrainingTasks('S1', samplePoint(start, 30), tasks, new Set(['41']), seed)).toEqual(['T3']);
    }
    // every species covered: draws among all; two tasks → two different species first
    const two = drawTrainingTasks('S1', samplePoint(start, 30), tasks, new Set(), 'z', 2);
    expect(two).toContain('T3');
    expect(drawTrainingTasks('S1', samplePoint(start, 30), tasks, new Set(['41', '21']), 'z')).toHaveLength(
      1,
    );
    expect(drawTrainingTasks('S1', samplePoint(start, 30), [], new Set(), 'z')).toEqual([]);
  });
});
