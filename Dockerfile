# Marquee as a container: build once, run `next start`. Configure with the settings in README.md.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app /app
RUN npm prune --omit=dev --no-audit --no-fund && npm install --no-save --no-audit --no-fund tsx
EXPOSE 3000
# Migrations run when the server starts (an advisory lock lets several replicas start at once).
CMD ["sh", "-c", "npx tsx scripts/check-env.ts && npx next start -p ${PORT}"]
