import type { Observation } from "./observation";
import type { ObservationRuntime } from "./runtime";
import { runSafely } from "./run-safely";
import {
  startAgentWith,
  startEmbeddingWith,
  startGenerationWith,
  startObservationWith,
  startToolWith,
} from "./start-observations";
import type { ObservationType, ObserveOptions } from "./types";
import {
  isAsyncGenerator,
  isSyncGenerator,
  wrapAsyncGenerator,
  wrapSyncGenerator,
} from "./wrap-generator";

/** A function of any signature; `never[]` parameters accept every function type. */
export type AnyFunction = (...args: never[]) => unknown;

/**
 * Wraps `fn` so that each call is an observation: started when called, ended when the result is
 * ready (a promise settles, a generator completes). The runtime is looked up at each call, so
 * functions wrapped at import time use the client that `init()` creates later. Errors thrown by
 * `fn` are recorded and rethrown unchanged; errors of the SDK itself are swallowed.
 */
export function observeWith<F extends AnyFunction>(
  resolveRuntime: () => ObservationRuntime,
  fn: F,
  options: ObserveOptions = {},
): F {
  if (typeof fn !== "function") return fn;
  const type = options?.type ?? "SPAN";
  const name = options?.name || fn.name || "anonymous";
  const captureInput = options?.captureInput ?? true;
  const captureOutput = options?.captureOutput ?? true;

  const observed = function (this: unknown, ...args: Parameters<F>): unknown {
    const call = () => fn.apply(this, args);
    const runtime = resolveRuntime();
    const observation = runSafely(
      runtime.log,
      `observe "${name}"`,
      () => startFor(runtime, type, name, captureInput ? inputOf(args) : undefined),
      null,
    );
    if (!observation) return call();

    let result: unknown;
    try {
      result = observation.run(call);
    } catch (error) {
      observation.end({ error });
      throw error;
    }
    return settle(observation, result, captureOutput);
  };

  Object.defineProperty(observed, "name", { value: fn.name });
  return observed as F;
}

function startFor(
  runtime: ObservationRuntime,
  type: ObservationType,
  name: string,
  input: unknown,
): Observation {
  const options = { name, input };
  if (type === "GENERATION") return startGenerationWith(runtime, options);
  if (type === "EMBEDDING") return startEmbeddingWith(runtime, options);
  if (type === "TOOL") return startToolWith(runtime, options);
  if (type === "AGENT") return startAgentWith(runtime, options);
  return startObservationWith(runtime, { ...options, type });
}

/** One argument is recorded as itself, several as a list, none not at all. */
function inputOf(args: readonly unknown[]): unknown {
  if (args.length === 0) return undefined;
  return args.length === 1 ? args[0] : [...args];
}

/** Ends the observation when the result is ready, returning a result that behaves the same. */
function settle(observation: Observation, result: unknown, captureOutput: boolean): unknown {
  const outputOf = (value: unknown) => (captureOutput ? value : undefined);

  if (isSyncGenerator(result)) return wrapSyncGenerator(observation, result, captureOutput);
  if (isAsyncGenerator(result)) return wrapAsyncGenerator(observation, result, captureOutput);
  if (isPromiseLike(result)) {
    return Promise.resolve(result).then(
      (value) => {
        observation.end({ output: outputOf(value) });
        return value;
      },
      (error: unknown) => {
        observation.end({ error });
        throw error;
      },
    );
  }

  observation.end({ output: outputOf(result) });
  return result;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
