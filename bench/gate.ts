/**
 * The bench's gate: the verdict on each budget of a run. A budget passes
 * only on a measurement that holds it. One that was not taken (a size left
 * out, Lighthouse skipped), that is not a number, or that is a time of
 * zero (nothing was timed) fails with its reason, as one over its limit
 * fails: a run that measured less than its budgets ask cannot say they
 * held, and a partial run (`--sizes 1,500`, `--skip-lighthouse`) exits 1
 * naming what it left out. Imports nothing: the unit tests check it.
 */

export interface BudgetCheck {
  name: string;
  limit: string;
  /** What was measured, as the table shows it; `–` when nothing was. */
  actual: string;
  status: 'pass' | 'fail';
  /** Why a budget failed other than by its measurement being over the limit. */
  reason?: string | undefined;
}

export interface Reading {
  /** What is held to the limit; undefined when it was not measured. */
  value: number | undefined;
  /** What a run must do to measure it, said when it was not: `needs 5,000 transcripts (--large)`. */
  missing: string;
  /**
   * The readings the value is or was computed from, each of which must be a
   * positive number: a build's seconds (two for a ratio), its peak memory, a
   * median of milliseconds. Zero means the clock, or /proc, never ran.
   */
  readings?: readonly (number | undefined)[];
}

/** The verdict on one reading: `holds` is asked only of a value that was truly measured. */
export function verdict(
  { value, missing, readings = [] }: Reading,
  holds: (value: number) => boolean,
): Pick<BudgetCheck, 'status' | 'reason'> {
  const fail = (reason: string) => ({ status: 'fail' as const, reason });
  if (value === undefined || readings.includes(undefined)) return fail(`not measured: ${missing}`);
  for (const reading of readings as number[]) {
    if (Number.isNaN(reading)) return fail('a time or reading is NaN: it was not measured');
    if (!(reading > 0)) return fail(`a time or reading of ${reading}: nothing was measured`);
  }
  if (!Number.isFinite(value)) return fail(`not a measurement (${value})`);
  return holds(value) ? { status: 'pass' } : { status: 'fail' };
}

/** Collects the checks of a run, each with its verdict. */
export class Gate {
  readonly checks: BudgetCheck[] = [];

  /** `actual` shows the reading; it is not read when nothing was measured. */
  check(
    name: string,
    limit: string,
    reading: Reading,
    holds: (value: number) => boolean,
    actual: () => string,
  ): void {
    const taken = reading.value !== undefined && !reading.readings?.includes(undefined);
    this.checks.push({ name, limit, actual: taken ? actual() : '–', ...verdict(reading, holds) });
  }
}

/** The result column of the budgets table: `pass`, `fail`, or `fail: <reason>`. */
export function result(check: BudgetCheck): string {
  return check.reason ? `${check.status}: ${check.reason}` : check.status;
}
