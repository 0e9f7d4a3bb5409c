"use client";

import { Component, useState, type ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import { safeLinkHref, UNTRUSTED_LINK_REL } from "@/lib/explorer/safe-url";
import { splitMediaTags } from "@/lib/media/media-tag";

import { MediaReference } from "./media-reference";

/**
 * Markdown from span content, rendered without any way to run script or load remote content:
 * - no raw HTML: react-markdown builds React elements from the syntax tree (no innerHTML), and
 *   HTML written in the markdown is turned into visible text by showHtmlAsText below;
 * - links only for http(s)/mailto (safeLinkHref), opened in a new tab with rel=noopener
 *   noreferrer nofollow; anything else stays text;
 * - images are never loaded: an image becomes a link labelled with its alt text.
 */

/** Longer texts render as plain text by default: parsing megabytes of markdown stalls the tab. */
const MARKDOWN_MAX_CHARS = 30_000;

interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}

/** A remark plugin: HTML nodes (inline or block) become text nodes, so they show as written. */
function showHtmlAsText() {
  return (tree: MdastNode) => {
    const stack: MdastNode[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop() as MdastNode;
      if (node.type === "html") node.type = "text";
      if (node.children) stack.push(...node.children);
    }
  };
}

const components: Components = {
  a: ({ href, children }) => {
    const safe = safeLinkHref(href);
    if (!safe) return <span className="text-zinc-600 dark:text-zinc-400">{children}</span>;
    return (
      <a
        href={safe}
        target="_blank"
        rel={UNTRUSTED_LINK_REL}
        referrerPolicy="no-referrer"
        className="text-indigo-600 underline decoration-dotted hover:decoration-solid dark:text-indigo-400"
      >
        {children}
      </a>
    );
  },
  img: ({ src, alt }) => {
    const safe = typeof src === "string" ? safeLinkHref(src) : null;
    const label = `[image${alt ? `: ${alt}` : ""}]`;
    return safe ? (
      <a
        href={safe}
        target="_blank"
        rel={UNTRUSTED_LINK_REL}
        referrerPolicy="no-referrer"
        title={`Image not loaded: ${safe}`}
        data-testid="markdown-image-link"
        className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      >
        {label}
      </a>
    ) : (
      <span className="font-mono text-xs text-zinc-500">{label}</span>
    );
  },
  pre: ({ children }) => (
    <pre className="my-2 overflow-x-auto rounded-md bg-zinc-100 p-2 text-xs dark:bg-zinc-950">
      {children}
    </pre>
  ),
  code: ({ children, className }) => (
    <code
      className={`rounded bg-zinc-100 px-1 font-mono text-[0.85em] dark:bg-zinc-800 ${className ?? ""}`}
    >
      {children}
    </code>
  ),
  p: ({ children }) => <p className="my-1.5 first:mt-0 last:mb-0">{children}</p>,
  ul: ({ children }) => <ul className="my-1.5 list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-1.5 list-decimal pl-5">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="my-1.5 border-l-2 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      {children}
    </blockquote>
  ),
  h1: ({ children }) => <h4 className="mt-2 mb-1 text-base font-semibold">{children}</h4>,
  h2: ({ children }) => <h4 className="mt-2 mb-1 text-sm font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-2 mb-1 text-sm font-semibold">{children}</h5>,
  h4: ({ children }) => <h5 className="mt-2 mb-1 text-sm font-medium">{children}</h5>,
  h5: ({ children }) => <h6 className="mt-2 mb-1 text-sm font-medium">{children}</h6>,
  h6: ({ children }) => <h6 className="mt-2 mb-1 text-sm font-medium">{children}</h6>,
  hr: () => <hr className="my-2 border-zinc-200 dark:border-zinc-800" />,
};

/** Plain text, whitespace kept. */
export function PlainText({ text }: { text: string }) {
  return <div className="font-mono text-xs whitespace-pre-wrap break-words">{text}</div>;
}

/** Falls back to plain text if rendering throws (e.g. pathological nesting in the markdown). */
class FallbackToText extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PlainText text={this.props.text} /> : this.props.children;
  }
}

/** Span text as markdown (or plain text when long, or on request). */
export function SafeMarkdown({ text }: { text: string }) {
  const [plain, setPlain] = useState(text.length > MARKDOWN_MAX_CHARS);

  return (
    <div className="group/markdown relative text-sm leading-relaxed break-words">
      <button
        type="button"
        onClick={() => setPlain(!plain)}
        className="absolute -top-1 right-0 hidden rounded px-1 text-[10px] text-zinc-500 hover:bg-zinc-100 group-hover/markdown:block dark:hover:bg-zinc-800"
      >
        {plain ? "Markdown" : "Plain"}
      </button>
      {plain ? (
        <PlainText text={text} />
      ) : (
        // Media tags (files the SDK uploaded instead of inlining them) show as the file.
        splitMediaTags(text).map((part, index) =>
          typeof part === "string" ? (
            <FallbackToText key={index} text={part}>
              <Markdown remarkPlugins={[showHtmlAsText]} components={components} skipHtml={false}>
                {part}
              </Markdown>
            </FallbackToText>
          ) : (
            <MediaReference key={index} tag={part} />
          ),
        )
      )}
    </div>
  );
}
