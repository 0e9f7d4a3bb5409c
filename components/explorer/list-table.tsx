import type { ReactNode } from "react";

/** Plain table chrome shared by the sessions and users lists. */
export function ListTable({
  headers,
  children,
  testId,
}: {
  headers: Array<{ label: string; align?: "right" }>;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-xs" data-testid={testId}>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-[11px] text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900/60">
          <tr>
            {headers.map((header) => (
              <th
                key={header.label}
                scope="col"
                className={`px-3 py-2 font-medium tracking-wide whitespace-nowrap ${header.align === "right" ? "text-right" : ""}`}
              >
                {header.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const cellClass = "px-3 py-2 border-t border-zinc-100 dark:border-zinc-800";
export const numberCellClass = `${cellClass} text-right font-mono tabular-nums`;
