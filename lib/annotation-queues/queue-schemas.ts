import { z } from "zod";

const MAX_SELECTED_TRACES = 1000;

const idText = z.string().trim().min(1, "must not be empty").max(200);

/** Where a queue's items come from: a traces-list filter (its URL query) or chosen trace ids. */
const ItemSourceZ = z.object({
  /** The traces list's URL query, e.g. "tag=beta&score=faithfulness:lt:0.6&range=7d". */
  filter: z.string().max(8000).nullish(),
  traceIds: z.array(idText).max(MAX_SELECTED_TRACES).nullish(),
  /** With a filter: add at most this many (the newest not queued yet), to fill in batches. */
  limit: z.number().int().min(1).max(50_000).nullish(),
});

/** Body of POST /api/projects/:projectId/queues. */
export const CreateQueueZ = ItemSourceZ.extend({
  name: z.string().trim().min(1, "must not be empty").max(100),
  description: z.string().trim().max(2000).nullish(),
  scoreConfigIds: z.array(idText).max(50).default([]),
});

/** Body of POST /api/projects/:projectId/queues/:queueId/items. */
export const AddQueueItemsZ = ItemSourceZ.refine(
  (body) => Boolean(body.filter) !== Boolean(body.traceIds),
  { path: ["traceIds"], message: "give either traceIds or filter" },
);

/** Body of PATCH /api/projects/:projectId/queues/:queueId/items/:itemId. */
export const UpdateQueueItemZ = z.object({ status: z.enum(["PENDING", "COMPLETED"]) });
