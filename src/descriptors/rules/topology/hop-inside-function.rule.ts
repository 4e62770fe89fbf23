import { defineRule } from '../rule';
import type { Report } from '../rule';
import { functionOf, pathsOf, stepsOf } from './path-steps';
import type { Step } from './path-steps';

/** Judges one maximal run of consecutive hops on the same function. */
function checkRun(pathId: string, fnId: string, run: Step[], report: Report): void {
  if (run.length >= 3) {
    const cps = run.map((s) => s.hop.connectionPointRef).join(' → ');
    report(run[2].hop.source, `forwarding path '${pathId}' moves around inside function '${fnId}' (positions ${run[0].hop.position}–${run[run.length - 1].hop.position}: ${cps}); a path enters a function once and leaves it once, so keep only the entry and the exit hop`);
  } else if (run.length === 2 && run[0].hop.connectionPointRef === run[1].hop.connectionPointRef) {
    report(run[1].hop.source, `forwarding path '${pathId}' enters and leaves function '${fnId}' through the same connection point '${run[0].hop.connectionPointRef}' (positions ${run[0].hop.position} and ${run[1].hop.position}); list the connection point through which traffic leaves the function, or drop the repeated hop`);
  }
}

/**
 * Paths alternate: a link brings traffic to a function's entry CP, the function carries it to its
 * exit CP, the next link takes it on. The model has no in/out direction on CPs, so the path itself
 * defines it: the first hop on a function is where traffic enters, the second where it leaves. A
 * third consecutive hop on the same function (e.g. `fn:in → fn:out → fn:in`, going back) or
 * leaving through the entry CP itself is traffic moving around inside the function, which no
 * switch can program.
 */
export const hopInsideFunctionRule = defineRule(
  { code: 'topology.hop-inside-function', level: 'topology', severity: 'error', summary: 'A forwarding path has three or more consecutive hops on one function, or enters and leaves a function through the same connection point.' },
  (set, ctx, report) => {
    for (const path of pathsOf(set)) {
      let run: Step[] = [];
      for (const step of [...stepsOf(path, ctx), undefined]) {
        const fn = step && functionOf(step);
        if (step && fn !== undefined && run.length > 0 && functionOf(run[0]) === fn) {
          run.push(step);
          continue;
        }
        if (run.length > 0) checkRun(path.id, functionOf(run[0])!, run, report);
        run = step && fn !== undefined ? [step] : [];
      }
    }
  },
);
