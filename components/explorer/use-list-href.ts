"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { toTraceListSearchParams, type TraceListQuery } from "@/lib/explorer/trace-list-query";

/**
 * Builds links to the traces list with some of its state changed. Any change starts from the
 * first page again (a cursor belongs to one filter and sort), and live mode is carried along.
 */
export function useListHref(query: TraceListQuery): (changes: Partial<TraceListQuery>) => string {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const live = searchParams.get("live") === "1";

  return useCallback(
    (changes: Partial<TraceListQuery>) => {
      const params = toTraceListSearchParams({ ...query, cursor: undefined, ...changes });
      if (live) params.set("live", "1");
      const text = params.toString();
      return text ? `${pathname}?${text}` : pathname;
    },
    [query, pathname, live],
  );
}
