/**
 * A view model for unit tests: a clock that ticks one second per reading from 2025-01-01T00:00:00Z and
 * ids numbered in order ("step-1", "note-2"…), so what it records can be compared exactly.
 */
import { ViewModel } from '../../client/src/model/viewModel.ts';

export function testModel(): ViewModel {
  let n = 0;
  let t = Date.parse('2025-01-01T00:00:00Z');
  const now = () => {
    t += 1000;
    return new Date(t);
  };
  return new ViewModel({ now, newId: (p) => `${p}-${++n}` });
}
