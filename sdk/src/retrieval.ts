import type { Span } from "@opentelemetry/api";

import { ATTRIBUTES } from "./attribute-names";
import { Observation } from "./observation";
import { runSafely } from "./run-safely";
import { toJsonText } from "./serialize-value";
import type { EndRetrievalOptions, RetrievedDocument } from "./types";
import { applyMask, writeValue } from "./write-payload";

/**
 * A retrieval step (RETRIEVER). Its documents are written the OpenInference way,
 * `retrieval.documents.N.document.{id,content,score,metadata}`, which Sightline, Phoenix and
 * other OpenInference readers show as a ranked list.
 */
export class Retrieval extends Observation {
  /** Ends the step with the documents found. Only the first call counts. */
  override end(options: EndRetrievalOptions = {}): void {
    runSafely(
      this.runtime.log,
      "end retrieval",
      () =>
        this.finish(options, () => {
          if (options.documents !== undefined) this.writeDocuments(options.documents);
        }),
      undefined,
    );
  }

  private writeDocuments(documents: RetrievedDocument[]): void {
    const masked = applyMask(this.runtime, documents, "output", this.name);
    if (Array.isArray(masked)) {
      masked.forEach((document: unknown, index) => writeDocument(this.span, index, document));
    } else {
      writeValue(this.span, ATTRIBUTES.outputValue, ATTRIBUTES.outputMimeType, masked);
    }
  }
}

function writeDocument(span: Span, index: number, document: unknown): void {
  const prefix = `${ATTRIBUTES.retrievalDocumentsPrefix}${index}.document.`;
  if (typeof document !== "object" || document === null) {
    span.setAttribute(
      `${prefix}content`,
      typeof document === "string" ? document : toJsonText(document),
    );
    return;
  }

  const { id, content, score, metadata } = document as RetrievedDocument;
  if (id !== undefined) span.setAttribute(`${prefix}id`, String(id));
  if (content !== undefined) {
    span.setAttribute(
      `${prefix}content`,
      typeof content === "string" ? content : toJsonText(content),
    );
  }
  if (typeof score === "number" && Number.isFinite(score))
    span.setAttribute(`${prefix}score`, score);
  if (metadata !== undefined) span.setAttribute(`${prefix}metadata`, toJsonText(metadata));
}
