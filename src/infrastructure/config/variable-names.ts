import type { ConfigProblem } from './config-error.js';
import { KNOWN_VARIABLE_NAMES } from './env-variables.js';

const PREFIX = 'SKIM_';
const ALLOW_LIVE = 'SKIM_ALLOW_LIVE';
const MAX_SUGGESTION_DISTANCE = 3;

export interface VariableNameReport {
  /** Unknown SKIM_ variables: probable typos, reported but not fatal. */
  readonly warnings: ConfigProblem[];
  /** Variables that look like SKIM_ALLOW_LIVE without being it: fatal, so nobody believes live trading is on. */
  readonly problems: ConfigProblem[];
}

export function checkVariableNames(env: Readonly<Record<string, string | undefined>>): VariableNameReport {
  const report: VariableNameReport = { warnings: [], problems: [] };
  for (const name of Object.keys(env).sort()) {
    if (!name.toUpperCase().startsWith(PREFIX) || KNOWN_VARIABLE_NAMES.has(name)) continue;
    if (looksLikeAllowLive(name)) {
      report.problems.push({
        source: name,
        message: `looks like ${ALLOW_LIVE} but is not spelled exactly so; rename it (live trading stays refused)`,
      });
      continue;
    }
    const suggestion = closestKnownName(name);
    report.warnings.push({
      source: name,
      message: `not a Skim setting, ignored${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
    });
  }
  return report;
}

function looksLikeAllowLive(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper.includes('ALLOW') && upper.includes('LIVE')) return true;
  return editDistance(upper, ALLOW_LIVE) <= MAX_SUGGESTION_DISTANCE;
}

/** The known name within a few edits of `name`, or the one it abbreviates or extends. */
function closestKnownName(name: string): string | undefined {
  const upper = name.toUpperCase();
  let best: { name: string; distance: number } | undefined;
  for (const known of KNOWN_VARIABLE_NAMES) {
    const related = known.startsWith(upper) || upper.startsWith(known);
    const distance = related ? 0 : editDistance(upper, known);
    if (distance <= MAX_SUGGESTION_DISTANCE && (best === undefined || distance < best.distance)) {
      best = { name: known, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
