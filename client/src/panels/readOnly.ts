/**
 * Commands that change the view's recipe (expand, hide, remove, keep only, clear, filters, paths,
 * lineage…) are offered disabled in a read-only investigation (a viewer's, a read share, an old
 * revision), with this title saying why. Bloom's read-only scenes are the model an analyst knows: the
 * scene shared with you is looked at, not edited, and a copy is what one edits; a change made here
 * could not be saved, and the view model refuses it anyway (model/viewModel.ts), so a button that
 * stayed enabled could only do nothing. Selecting, zooming, details and the console stay available.
 */

import { READ_ONLY_REASON } from '../model/modelTypes.ts';

export { READ_ONLY_REASON };

/** The title for a command: `normal` when it may run, else the read-only reason. */
export function commandTitle(readOnly: boolean, normal = ''): string {
  return readOnly ? READ_ONLY_REASON : normal;
}
