/**
 * Undo and redo live in the view model now (client/src/model/modelHistory.ts, used by
 * client/src/model/viewModel.ts); this re-export keeps the old import path working.
 */
export { History } from '../model/modelHistory.ts';
