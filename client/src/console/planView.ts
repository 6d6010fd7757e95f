/**
 * The Plan tab of a console result: the plan of a query sent with EXPLAIN (what the database would do,
 * with its estimates) or the profile of one sent with PROFILE (what it did: rows and database hits per
 * operator), one operator per row, each indented under the operator it feeds. Rendered as text by lit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { QueryPlan } from '../../../contract/console.ts';

const count = (n: number | null) => (n === null ? '' : Math.round(n).toLocaleString('en'));

/** The plan or profile as a table, with a line saying which it is. */
export function planTemplate(plan: QueryPlan): TemplateResult {
  const runtime = plan.runtime ? ` · ${plan.runtime.toLowerCase()} runtime` : '';
  return html`<div class="console-plan" data-testid="console-plan">
    <p class="console-plan-head" data-testid="console-plan-head">
      ${
        plan.profiled
          ? html`<strong>Profile</strong>: as run, ${count(plan.totalDbHits)} database hits in all${runtime}`
          : html`<strong>Plan</strong>: as the database would run it, not run (EXPLAIN)${runtime}`
      }
    </p>
    <table class="console-table console-plan-table">
      <thead>
        <tr>
          <th scope="col">Operator</th>
          <th scope="col">Details</th>
          <th scope="col" class="number">Estimated rows</th>
          ${plan.profiled ? html`<th scope="col" class="number">Rows</th><th scope="col" class="number">DB hits</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${plan.operators.map(
          (op) => html`<tr>
            <td class="console-plan-operator" style="padding-inline-start: ${0.4 + op.depth * 1.1}em">
              ${op.depth > 0 ? html`<span class="muted" aria-hidden="true">└ </span>` : nothing}${op.operator}
            </td>
            <td><code>${op.details}</code></td>
            <td class="number">${count(op.estimatedRows)}</td>
            ${plan.profiled ? html`<td class="number">${count(op.rows)}</td><td class="number">${count(op.dbHits)}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
