/** A document of the demo's knowledge base (the help center of a fictional SaaS, Northwind). */
export interface KnowledgeDocument {
  id: string;
  title: string;
  content: string;
}

export const DOCUMENTS: readonly KnowledgeDocument[] = [
  {
    id: "kb-001",
    title: "Refund policy",
    content:
      "Monthly plans can be refunded within 14 days of the charge. Annual plans are refunded " +
      "pro rata for the unused months when cancelled within 30 days. Refunds go back to the " +
      "original card within 5 to 10 business days.",
  },
  {
    id: "kb-002",
    title: "Changing your plan",
    content:
      "Upgrades take effect immediately and are prorated on the next invoice. Downgrades take " +
      "effect at the end of the billing period. Owners and billing admins can change the plan " +
      "under Settings, Billing.",
  },
  {
    id: "kb-003",
    title: "Declined card payments",
    content:
      "A card is usually declined for insufficient funds, an expired card or a bank fraud " +
      "check. Update the card under Settings, Billing, then retry the payment. After three " +
      "failed retries the workspace becomes read-only until the invoice is paid.",
  },
  {
    id: "kb-004",
    title: "Invoices and VAT",
    content:
      "Invoices are emailed to the billing contact and listed under Settings, Billing, " +
      "Invoices. Add a VAT number before the next charge to have reverse charge applied. Past " +
      "invoices cannot be reissued with a different company name.",
  },
  {
    id: "kb-005",
    title: "Cancelling a subscription",
    content:
      "Cancel under Settings, Billing, Cancel plan. The workspace keeps its paid features " +
      "until the end of the period, then moves to the free plan. Data is kept for 90 days " +
      "after a cancellation.",
  },
  {
    id: "kb-006",
    title: "Single sign-on with SAML",
    content:
      "Enterprise workspaces can enable SAML single sign-on with Okta, Azure AD, Google " +
      "Workspace or any SAML 2.0 identity provider. Upload the IdP metadata XML under " +
      "Settings, Security, SSO, then verify your email domain.",
  },
  {
    id: "kb-007",
    title: "SCIM user provisioning",
    content:
      "SCIM 2.0 provisioning creates, updates and deactivates members from your identity " +
      "provider. Generate a SCIM token under Settings, Security. Deactivated members lose " +
      "access at once but their pages stay in the workspace.",
  },
  {
    id: "kb-008",
    title: "Two-factor authentication",
    content:
      "Members can enable two-factor authentication with an authenticator app or a security " +
      "key. Admins can require it for the whole workspace. Recovery codes are shown once, " +
      "when two-factor authentication is turned on.",
  },
  {
    id: "kb-009",
    title: "Resetting a password",
    content:
      "Use Forgot password on the sign-in page to receive a reset link valid for one hour. " +
      "Members of an SSO workspace reset their password with their identity provider instead.",
  },
  {
    id: "kb-010",
    title: "API keys",
    content:
      "Create API keys under Settings, Developers. A key inherits the role of the member who " +
      "created it. Secret keys are shown once; rotate a key by creating a new one and deleting " +
      "the old one.",
  },
  {
    id: "kb-011",
    title: "API rate limits",
    content:
      "The REST API allows 600 requests per minute per workspace and 60 write requests per " +
      "minute per key. Requests over the limit get HTTP 429 with a Retry-After header. Bulk " +
      "endpoints count as one request.",
  },
  {
    id: "kb-012",
    title: "Webhooks",
    content:
      "Webhooks send page, comment and member events as JSON POST requests. Each request is " +
      "signed with an HMAC SHA-256 header. Failed deliveries are retried with backoff for up " +
      "to 24 hours.",
  },
  {
    id: "kb-013",
    title: "Exporting data",
    content:
      "Export a workspace as Markdown, HTML or CSV under Settings, Workspace, Export. Large " +
      "exports run in the background and a download link is emailed when ready. The link " +
      "expires after 7 days.",
  },
  {
    id: "kb-014",
    title: "Data retention",
    content:
      "Deleted pages stay in the trash for 30 days on the free plan and 90 days on paid plans. " +
      "Version history is kept for 7 days on the free plan and without limit on Enterprise.",
  },
  {
    id: "kb-015",
    title: "Data residency",
    content:
      "Workspaces are hosted in the United States or the European Union. The region is chosen " +
      "when the workspace is created and cannot be changed later without an export and import.",
  },
  {
    id: "kb-016",
    title: "Uptime SLA",
    content:
      "Enterprise plans include a 99.9 percent monthly uptime commitment. Service credits of " +
      "10 to 25 percent apply when uptime falls below it and are requested through support " +
      "within 30 days.",
  },
  {
    id: "kb-017",
    title: "Status page and incidents",
    content:
      "Live service status and incident history are on status.northwind.example. Subscribe to " +
      "email or Slack updates there. Post-incident reports are published within five business " +
      "days.",
  },
  {
    id: "kb-018",
    title: "Inviting teammates",
    content:
      "Invite members by email under Settings, Members. Invitations expire after 7 days. Guests " +
      "can be invited to single pages and do not count as paid seats.",
  },
  {
    id: "kb-019",
    title: "Roles and permissions",
    content:
      "Workspaces have owner, admin, member and guest roles. Only owners can delete the " +
      "workspace or change billing. Page permissions can further restrict who can view or edit.",
  },
  {
    id: "kb-020",
    title: "Audit log",
    content:
      "Enterprise workspaces keep an audit log of sign-ins, permission changes, exports and " +
      "API key events for one year. Export it as CSV or stream it to a SIEM over webhooks.",
  },
  {
    id: "kb-021",
    title: "Slack integration",
    content:
      "Connect Slack under Settings, Integrations to get mentions and comment notifications in " +
      "a channel. Links to pages unfurl with a preview for members who have access.",
  },
  {
    id: "kb-022",
    title: "Mobile apps and offline mode",
    content:
      "The iOS and Android apps keep recently opened pages available offline. Edits made " +
      "offline sync when the device reconnects; conflicting edits are kept as separate versions.",
  },
  {
    id: "kb-023",
    title: "Storage and upload limits",
    content:
      "Free workspaces get 5 GB of storage and a 20 MB limit per file. Paid plans get 100 GB " +
      "per seat and a 5 GB limit per file. Videos are streamed, not downloaded.",
  },
  {
    id: "kb-024",
    title: "Search syntax",
    content:
      "Search supports quoted phrases, minus to exclude a word, and filters such as author:, " +
      "tag: and updated:>2024-01-01. Results are ranked by relevance and recency.",
  },
  {
    id: "kb-025",
    title: "Backups",
    content:
      "Workspaces are backed up every hour and backups are kept for 35 days. Support can " +
      "restore a whole workspace to a point in time on Enterprise plans.",
  },
  {
    id: "kb-026",
    title: "GDPR and data processing agreement",
    content:
      "Northwind acts as a processor for workspace content. Sign the data processing agreement " +
      "under Settings, Legal. Data subject requests are answered within 30 days.",
  },
  {
    id: "kb-027",
    title: "Nonprofit and education discounts",
    content:
      "Registered nonprofits get 50 percent off paid plans. Students and teachers with a " +
      "school email get the Plus plan free. Apply through the discounts form with proof of status.",
  },
  {
    id: "kb-028",
    title: "Browser support",
    content:
      "Northwind supports the two latest versions of Chrome, Firefox, Safari and Edge. Internet " +
      "Explorer is not supported. Clearing the cache fixes most loading problems.",
  },
  {
    id: "kb-029",
    title: "AI assistant usage limits",
    content:
      "The AI assistant answers questions about your pages and drafts text. Free workspaces get " +
      "20 requests per member per month; paid plans have a fair-use limit of 1,000 per month.",
  },
  {
    id: "kb-030",
    title: "Deleting a workspace",
    content:
      "Owners can delete a workspace under Settings, Workspace, Danger zone. Deletion is " +
      "permanent after 30 days; until then support can restore it on request.",
  },
];
