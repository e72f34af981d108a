import { describe, expect, it } from 'vitest';
import { compareNames } from './collation';

describe('compareNames', () => {
  it('orders numbers within names by value, and ignores case and accents', () => {
    expect(['Agent 10', 'agent 2', 'Agent 1', 'Émilie', 'emile', 'Agent 11'].sort(compareNames))
      .toEqual(['Agent 1', 'agent 2', 'Agent 10', 'Agent 11', 'emile', 'Émilie']);
  });
});
