# Production image: builds once, then `npm start` serves with migrations applied at start.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
ENV NODE_ENV=production PORT=3000 SIGHTLINE_SKIP_BUILD=1
EXPOSE 3000
CMD ["node", "--import", "tsx", "scripts/start.ts"]
