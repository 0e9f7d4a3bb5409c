import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Stat } from "./trace-header";

// Regression: the Cost card's detail line was truncated, hiding its end ("1 generation without
// a price"); it now wraps and carries the whole text as its title.
describe("Stat", () => {
  it("should show a long detail line whole, wrapping instead of truncating", () => {
    const detail = "$0.00003 in · $0.0003 out · 1 generation without a price";
    const html = renderToStaticMarkup(
      createElement(Stat, { label: "Cost", value: "$0.00033", detail }),
    );
    expect(html).toContain(`title="${detail}"`);
    expect(html).toContain(`>${detail}</div>`);
    expect(html).not.toContain("truncate");
  });
});
