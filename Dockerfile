# The app alone; Neo4j runs in its own container (docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
USER node
CMD ["npx", "tsx", "server/main.ts"]
