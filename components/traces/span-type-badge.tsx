/** A fixed-width, colour-coded badge for an observation type, so names line up in the tree. */

const TYPE_STYLES: Record<string, { label: string; className: string }> = {
  GENERATION: {
    label: "GEN",
    className: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  },
  EMBEDDING: {
    label: "EMB",
    className: "bg-cyan-100 text-cyan-800 dark:bg-cyan-950 dark:text-cyan-300",
  },
  RETRIEVER: {
    label: "RET",
    className: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  },
  TOOL: {
    label: "TOOL",
    className: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  },
  AGENT: {
    label: "AGENT",
    className: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  },
  CHAIN: {
    label: "CHAIN",
    className: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  },
  GUARDRAIL: {
    label: "GUARD",
    className: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  },
  EVALUATOR: {
    label: "EVAL",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  },
  EVENT: {
    label: "EVENT",
    className: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  },
  SPAN: {
    label: "SPAN",
    className: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  },
};

/** Colour of a type's bar in the timeline. */
export const TYPE_BAR_CLASS: Record<string, string> = {
  GENERATION: "bg-violet-500",
  EMBEDDING: "bg-cyan-500",
  RETRIEVER: "bg-amber-500",
  TOOL: "bg-orange-500",
  AGENT: "bg-indigo-500",
  CHAIN: "bg-sky-500",
  GUARDRAIL: "bg-rose-500",
  EVALUATOR: "bg-emerald-500",
  EVENT: "bg-zinc-500",
  SPAN: "bg-zinc-400",
};

export function SpanTypeBadge({ type }: { type: string }) {
  const style = TYPE_STYLES[type] ?? {
    label: type.slice(0, 5),
    className: TYPE_STYLES.SPAN!.className,
  };
  return (
    <span
      title={type}
      data-span-type={type}
      className={`inline-flex w-12 shrink-0 justify-center rounded px-1 py-px text-[10px] font-semibold tracking-wide ${style.className}`}
    >
      {style.label}
    </span>
  );
}
