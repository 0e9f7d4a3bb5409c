import type { Observation } from "./observation";

// Limitation: a generator that yields more than this many values records only the first ones
// as output (the span still ends when the generator does); output is for reading, not replay.
const MAX_COLLECTED_YIELDS = 10_000;

/** How the consumer resumed the generator: with a value for `next`, or an error to throw. */
type Resume<N> = { sent: N } | { thrown: unknown };

/** Whether a value is the object a `function*` call returns. */
export function isSyncGenerator(value: unknown): value is Generator<unknown, unknown, unknown> {
  return Object.prototype.toString.call(value) === "[object Generator]";
}

/** Whether a value is the object an `async function*` call returns. */
export function isAsyncGenerator(
  value: unknown,
): value is AsyncGenerator<unknown, unknown, unknown> {
  return Object.prototype.toString.call(value) === "[object AsyncGenerator]";
}

/**
 * A generator that behaves like `inner` (values, `next(x)`, `throw`, `return`) and runs every
 * step in the observation's context; the observation ends when the generator completes, fails,
 * or is closed early by the consumer.
 */
export function wrapSyncGenerator<T, R, N>(
  observation: Observation,
  inner: Generator<T, R, N>,
  captureOutput: boolean,
): Generator<T, R, N> {
  const collector = new YieldCollector(captureOutput);

  function* wrapper(): Generator<T, R, N> {
    let settled = false;
    try {
      let step = observation.run(() => inner.next());
      while (!step.done) {
        collector.add(step.value);
        let resume: Resume<N>;
        try {
          resume = { sent: yield step.value };
        } catch (error) {
          resume = { thrown: error };
        }
        const next = resume;
        step = observation.run(() =>
          "thrown" in next ? inner.throw(next.thrown) : inner.next(next.sent),
        );
      }
      settled = true;
      observation.end({ output: collector.output(step.value) });
      return step.value;
    } catch (error) {
      settled = true;
      observation.end({ error });
      throw error;
    } finally {
      if (!settled) {
        // The consumer stopped early (break, return()): close the inner generator as well.
        try {
          observation.run(() => inner.return(undefined as R));
        } finally {
          observation.end({ output: collector.output(undefined) });
        }
      }
    }
  }
  return wrapper();
}

/** {@link wrapSyncGenerator} for async generators. */
export function wrapAsyncGenerator<T, R, N>(
  observation: Observation,
  inner: AsyncGenerator<T, R, N>,
  captureOutput: boolean,
): AsyncGenerator<T, R, N> {
  const collector = new YieldCollector(captureOutput);

  async function* wrapper(): AsyncGenerator<T, R, N> {
    let settled = false;
    try {
      let step = await observation.run(() => inner.next());
      while (!step.done) {
        collector.add(step.value);
        let resume: Resume<N>;
        try {
          resume = { sent: yield step.value };
        } catch (error) {
          resume = { thrown: error };
        }
        const next = resume;
        step = await observation.run(() =>
          "thrown" in next ? inner.throw(next.thrown) : inner.next(next.sent),
        );
      }
      settled = true;
      observation.end({ output: collector.output(step.value) });
      return step.value;
    } catch (error) {
      settled = true;
      observation.end({ error });
      throw error;
    } finally {
      if (!settled) {
        try {
          await observation.run(() => inner.return(undefined as R));
        } finally {
          observation.end({ output: collector.output(undefined) });
        }
      }
    }
  }
  return wrapper();
}

/** The output of a generator: its return value, else its yields (strings joined). */
class YieldCollector {
  private readonly values: unknown[] = [];

  constructor(private readonly enabled: boolean) {}

  add(value: unknown): void {
    if (this.enabled && this.values.length < MAX_COLLECTED_YIELDS) this.values.push(value);
  }

  output(returned: unknown): unknown {
    if (!this.enabled) return undefined;
    if (returned !== undefined) return returned;
    if (this.values.length > 0 && this.values.every((value) => typeof value === "string")) {
      return this.values.join("");
    }
    return this.values;
  }
}
