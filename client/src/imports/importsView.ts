/**
 * The import dialog's parts as lit templates (importsPanel.ts holds the state and the actions): what
 * the last upload came to (a summary, a refused file's problems, or a job's progress bar), and the
 * "Recent imports" table with each job's status, who ran it, when, its progress and its actions.
 * Templates render data as text, never as HTML: file names and problems come from the user's file.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportResponse } from '../../../contract/api.ts';
import type { DryRunResponse } from '../../../contract/curation.ts';
import type { ImportJob } from '../../../contract/importJob.ts';
import {
  canResume,
  canRollBack,
  changedWords,
  counted,
  heldWords,
  isActive,
  jobOutcome,
  localTime,
  problemsHeading,
  progressText,
  ROLLBACK_QUESTION,
  statusWords,
} from './importWords.ts';
import type { ImportRefusedError } from './importsApi.ts';

/** What the last upload came to. */
export type Outcome =
  | { kind: 'none' }
  | { kind: 'checking'; fileName: string }
  /** The dry run's answer, waiting for Import or Cancel; `names` by node id, held ones as `held:<id>`. */
  | { kind: 'preview'; fileName: string; answer: DryRunResponse; names: Map<string, string> }
  | { kind: 'sending'; fileName: string }
  | { kind: 'written'; fileName: string; summary: ImportResponse }
  | { kind: 'refused'; fileName: string; error: ImportRefusedError }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'job'; job: ImportJob };

/**
 * The progress bar and "12,000 of 48,002 items" of a job; a rollback's bar runs without a value (it has
 * no count), and a job rolled back has no bar: what it had written is gone.
 */
export function jobProgress(job: ImportJob, testid: string): TemplateResult | typeof nothing {
  if (job.status === 'rolledBack') return nothing;
  const counting = job.status !== 'rollingBack';
  return html`<span class="imports-progress">
    ${
      counting
        ? html`<progress data-testid=${testid} max=${Math.max(job.total, 1)} .value=${job.done}></progress>`
        : html`<progress data-testid=${testid}></progress>`
    }
    <span data-testid=${`${testid}-text`}>${progressText(job.done, job.total)}</span>
  </span>`;
}

/** What the preview's buttons do: write the file, or put it back unwritten. */
export interface PreviewActions {
  confirm(): void;
  cancel(): void;
}

/** "1 source, 2 nodes and 3 relationships created; 1 node updated", or that nothing would change. */
export function wouldChangeWords(c: DryRunResponse['changes']): string {
  const list = (s: number, n: number, r: number) =>
    [s ? counted(s, 'source') : '', n ? counted(n, 'node') : '', r ? counted(r, 'relationship') : '']
      .filter(Boolean)
      .join(', ');
  const created = list(c.sourcesCreated, c.nodesCreated, c.relationshipsCreated);
  const updated = list(c.sourcesUpdated, c.nodesUpdated, c.relationshipsUpdated);
  const parts = [created ? `${created} created` : '', updated ? `${updated} updated` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'nothing would change: the database holds all of it already';
}

/** The dry run's answer: what would change, the possible duplicates, and Import / Cancel. */
function previewView(outcome: Extract<Outcome, { kind: 'preview' }>, actions: PreviewActions): TemplateResult {
  const { answer, names } = outcome;
  const named = (id: string, name: string | undefined) => (name && name !== id ? `${name} (${id})` : id);
  return html`<div class="imports-outcome" data-testid="imports-preview" role="status">
    <p data-testid="imports-would-change">Nothing is written yet. <strong dir="auto">${outcome.fileName}</strong> would
      have ${wouldChangeWords(answer.changes)}.</p>
    ${
      answer.possibleDuplicates.length
        ? html`<p data-testid="imports-duplicates-heading">${counted(answer.possibleDuplicates.length, 'possible duplicate')} of what is held${
            answer.possibleDuplicatesTruncated ? ' (the first 1,000; there are more)' : ''
          }: importing keeps both; merge them afterwards if they are one.</p>
          <table class="imports-duplicates" data-testid="imports-duplicates">
            <thead><tr><th>In the file</th><th>Held node</th><th>Score</th><th>Why</th></tr></thead>
            <tbody>${answer.possibleDuplicates.map(
              (d) => html`<tr data-testid="imports-duplicate">
                <td dir="auto" data-testid="imports-duplicate-incoming">${named(d.incoming, names.get(d.incoming))}</td>
                <td dir="auto" data-testid="imports-duplicate-existing">${named(d.existing, names.get(`held:${d.existing}`))}</td>
                <td data-testid="imports-duplicate-score">${Math.round(d.score * 100)} %</td>
                <td>${d.reasons.join('; ')}</td>
              </tr>`,
            )}</tbody>
          </table>`
        : html`<p data-testid="imports-no-duplicates">No possible duplicates: none of the file's new nodes matches a held node.</p>`
    }
    <p class="imports-preview-actions">
      <button type="button" class="primary" data-testid="imports-confirm" @click=${actions.confirm}>Import</button>
      <button type="button" data-testid="imports-cancel" @click=${actions.cancel}>Cancel</button>
    </p>
  </div>`;
}

/** The upload's outcome, under the file chooser. */
export function outcomeView(outcome: Outcome, actions: PreviewActions): TemplateResult | typeof nothing {
  switch (outcome.kind) {
    case 'none':
      return nothing;
    case 'checking':
      return html`<div class="imports-outcome" data-testid="imports-outcome" role="status">
        <p>Checking <strong dir="auto">${outcome.fileName}</strong> against what is held; nothing is written yet…</p><progress></progress>
      </div>`;
    case 'preview':
      return previewView(outcome, actions);
    case 'sending':
      return html`<div class="imports-outcome" data-testid="imports-outcome" role="status">
        <p>Sending <strong dir="auto">${outcome.fileName}</strong> and checking it…</p><progress></progress>
      </div>`;
    case 'written':
      return html`<div class="imports-outcome" data-testid="imports-outcome" role="status">
        <p data-testid="imports-summary">
          <strong dir="auto">${outcome.fileName}</strong> held ${heldWords(outcome.summary)}; ${changedWords(outcome.summary.changes)}.
        </p>
      </div>`;
    case 'refused': {
      const { error } = outcome;
      return html`<div class="imports-outcome refused" data-testid="imports-outcome" role="alert">
        <p data-testid="imports-refused"><strong dir="auto">${outcome.fileName}</strong> was refused${
          // The server's message repeats the first problem, listed below anyway: only a conflict's cause is said.
          error.status === 409 ? ': it disagrees with what the database holds.' : '.'
        }</p>
        <p data-testid="imports-problems-heading">${problemsHeading(error.problems.length, error.truncated)}</p>
        <ol class="imports-problems" data-testid="imports-problems">
          ${error.problems.map(
            (p) =>
              html`<li><code data-testid="imports-problem-path">${p.path || '(the file)'}</code> ${p.message}</li>`,
          )}
        </ol>
      </div>`;
    }
    case 'failed':
      return html`<div class="imports-outcome refused" data-testid="imports-outcome" role="alert">
        <p data-testid="imports-failed"><strong dir="auto">${outcome.fileName}</strong>: ${outcome.message}</p>
      </div>`;
    case 'job': {
      const { job } = outcome;
      const ended = jobOutcome(job);
      return html`<div class="imports-outcome" data-testid="imports-outcome" role="status">
        <p>
          <strong dir="auto">${job.fileName ?? job.id}</strong>, imported in batches:
          <span data-testid="imports-status">${statusWords(job)}</span>
        </p>
        ${jobProgress(job, 'imports-progress')}
        ${ended ? html`<p data-testid="imports-job-outcome">${ended}</p>` : nothing}
      </div>`;
    }
  }
}

/** What the Recent imports table needs besides the jobs. */
export interface RecentState {
  jobs: readonly ImportJob[];
  loading: boolean;
  problem: string;
  /** The job whose rollback awaits confirmation. */
  confirming: string | null;
  /** Jobs with a request under way (their buttons wait). */
  busy: ReadonlySet<string>;
  /** A refusal or a poll that failed, per job. */
  rowProblems: ReadonlyMap<string, string>;
  username: string;
  admin: boolean;
}

export interface RecentActions {
  refresh(): void;
  resume(id: string): void;
  askRollback(id: string | null): void;
  rollback(id: string): void;
}

/** "Recent imports": the jobs the server lists, newest first. */
export function recentView(state: RecentState, act: RecentActions): TemplateResult {
  return html`<section class="imports-recent" aria-labelledby="imports-recent-title">
    <div class="imports-recent-head">
      <h3 id="imports-recent-title">Recent imports</h3>
      <button type="button" data-testid="imports-refresh" ?disabled=${state.loading} @click=${act.refresh}>Refresh</button>
    </div>
    ${state.problem ? html`<p class="error" role="alert" data-testid="imports-list-problem">${state.problem}</p>` : nothing}
    ${
      state.jobs.length === 0
        ? html`<p class="muted" data-testid="imports-none">${state.loading ? 'Loading…' : 'No import was large enough to be written in batches yet.'}</p>`
        : html`<table class="admin-table imports-table">
            <thead><tr><th>Status</th><th>File</th><th>By</th><th>Started</th><th>Progress</th><th></th></tr></thead>
            <tbody>${state.jobs.map((job) => jobRow(job, state, act))}</tbody>
          </table>`
    }
  </section>`;
}

function jobRow(job: ImportJob, state: RecentState, act: RecentActions): TemplateResult {
  const busy = state.busy.has(job.id);
  const problem = state.rowProblems.get(job.id);
  const ended = isActive(job) ? null : jobOutcome(job);
  return html`<tr data-testid="imports-job" data-job=${job.id}>
    <td data-testid="imports-job-status" class=${`imports-status-${job.status}${job.interrupted ? ' cut-off' : ''}`}>${statusWords(job)}</td>
    <td dir="auto" data-testid="imports-job-file" title=${job.id}>${job.fileName ?? job.id}</td>
    <td dir="auto">${job.by}</td>
    <td title=${job.startedAt}>${localTime(job.startedAt)}</td>
    <td>
      ${jobProgress(job, 'imports-job-progress')}
      ${job.status === 'failed' || job.status === 'rolledBack' || job.interrupted ? html`<div class="imports-note">${ended}</div>` : nothing}
      ${keptList(job)}
      ${problem ? html`<div class="error" role="alert" data-testid="imports-job-problem">${problem}</div>` : nothing}
    </td>
    <td class="imports-actions">${actions(job, state, act, busy)}</td>
  </tr>`;
}

function actions(job: ImportJob, state: RecentState, act: RecentActions, busy: boolean): TemplateResult {
  if (state.confirming === job.id) {
    return html`<div class="imports-confirm" role="group" aria-label="Confirm the rollback">
      <p data-testid="imports-rollback-question">${ROLLBACK_QUESTION}</p>
      <button type="button" class="danger" data-testid="imports-rollback-confirm" ?disabled=${busy} @click=${() => act.rollback(job.id)}>Roll back</button>
      <button type="button" data-testid="imports-rollback-cancel" @click=${() => act.askRollback(null)}>Cancel</button>
    </div>`;
  }
  return html`
    ${canResume(job) ? html`<button type="button" data-testid="imports-resume" ?disabled=${busy} @click=${() => act.resume(job.id)}>Resume</button>` : nothing}
    ${
      canRollBack(job, state.username, state.admin)
        ? html`<button type="button" data-testid="imports-rollback" ?disabled=${busy} @click=${() => act.askRollback(job.id)}>Roll back</button>`
        : nothing
    }`;
}

/** The nodes a rollback kept because later imports link to them, by id. */
function keptList(job: ImportJob): TemplateResult | typeof nothing {
  if (job.status !== 'rolledBack' || job.kept.length === 0) return nothing;
  return html`<details class="imports-kept" data-testid="imports-kept">
    <summary>Kept nodes (${job.kept.length.toLocaleString('en')})</summary>
    <ul>${job.kept.map((id) => html`<li><code>${id}</code></li>`)}</ul>
  </details>`;
}
