-- One invitation per person and organization. Double clicks and repeated invitations left
-- several rows: keep, per organization and email, the pending one created last (else the
-- newest), and drop pending invitations of people who are already members.
DELETE FROM "Invitation" AS i
USING "Membership" AS m JOIN "User" AS u ON u."id" = m."userId"
WHERE i."acceptedAt" IS NULL
  AND m."organizationId" = i."organizationId"
  AND lower(u."email") = i."email";

DELETE FROM "Invitation" AS i
WHERE i."id" IN (
  SELECT ranked."id" FROM (
    SELECT "id", row_number() OVER (
      PARTITION BY "organizationId", "email"
      ORDER BY ("acceptedAt" IS NULL) DESC, "createdAt" DESC, "id" DESC
    ) AS position
    FROM "Invitation"
  ) AS ranked
  WHERE ranked.position > 1
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_organizationId_email_key" ON "Invitation"("organizationId", "email");
