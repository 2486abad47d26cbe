# Geo: the API and the CLI in one image, with the Kota Metro demo data (boundaries, indicators).
#   docker compose up            PostGIS + API and the map page on http://localhost:8080, then the demo loader
#   docker run IMAGE             the API alone (set GEO_DATABASE_URL)
# The CLI is at /app/cli/geo.dll: docker compose run --rm --entrypoint dotnet api /app/cli/geo.dll --help

# The map page: bundled at build time, so the running image loads nothing from the internet.
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
# The map labels' font is cut at build time from the one the publications embed (web/build.mjs).
COPY src/Geo.Publication/Fonts/ /src/Geo.Publication/Fonts/
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so that restore is cached until a dependency changes.
COPY Directory.Build.props Directory.Packages.props Geo.sln ./
COPY src/Geo.Core/Geo.Core.csproj src/Geo.Core/
COPY src/Geo.Data/Geo.Data.csproj src/Geo.Data/
COPY src/Geo.Publication/Geo.Publication.csproj src/Geo.Publication/
COPY src/Geo.Api/Geo.Api.csproj src/Geo.Api/
COPY src/Geo.Cli/Geo.Cli.csproj src/Geo.Cli/
RUN dotnet restore src/Geo.Api/Geo.Api.csproj && dotnet restore src/Geo.Cli/Geo.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Geo.Api/Geo.Api.csproj -c Release --no-restore -o /out/api \
 && dotnet publish src/Geo.Cli/Geo.Cli.csproj -c Release --no-restore -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/api api/
# The API serves the page from wwwroot beside its binary (Geo:Web:Folder overrides).
COPY --from=web /web/dist api/wwwroot/
COPY --from=build /out/cli cli/
# The CLI finds data/ by walking up from its own folder: /app/cli -> /app.
COPY data data
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
WORKDIR /app/api
ENTRYPOINT ["dotnet", "/app/api/Geo.Api.dll"]
