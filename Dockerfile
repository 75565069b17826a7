# BackgroundBot's image: `docker build -t backgroundbot .` (or `podman build`). See README, "Run it 24/7".
# The base images are arguments so a mirror (or a locally built stand-in) can be named: --build-arg RUNTIME_IMAGE=...
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore first, from the project files alone, so a change of code reuses the restored packages.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/BackgroundBot/BackgroundBot.csproj src/BackgroundBot/
COPY src/BackgroundBot.Discord/BackgroundBot.Discord.csproj src/BackgroundBot.Discord/
RUN dotnet restore src/BackgroundBot/BackgroundBot.csproj
COPY src/ src/
COPY prompts/ prompts/
RUN dotnet publish src/BackgroundBot/BackgroundBot.csproj -c Release --no-restore -o /app

FROM ${RUNTIME_IMAGE}
# The timeline picture's labels need a font, and the runtime image has none: SkiaSharp's Linux build (no fontconfig)
# reads faces from /usr/share/fonts, where fonts-dejavu-core puts DejaVu Sans, the face the chart names.
# The bot logs a warning at start when that face is missing.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The store, its lock, socket and backups live on the /data volume; the working folder is /data, so relative paths land there.
# Logs are JSON lines on standard error (docker logs, any shipper); the health listener and serve's endpoint use port 8080.
ENV Store__Path=/data/backgroundbot.db \
    Logging__Console__FormatterName=json \
    HostOptions__ShutdownTimeout=00:00:25 \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1
RUN mkdir -p /data && chown 1654:1654 /data
VOLUME /data
WORKDIR /data
# The runtime images' non-root user (app, uid 1654).
USER 1654
EXPOSE 8080
STOPSIGNAL SIGTERM
# The runtime image has no curl; the bot asks its own readiness endpoint.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 CMD ["dotnet", "/app/BackgroundBot.dll", "probe", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["dotnet", "/app/BackgroundBot.dll"]
# The gateway bot with its health and metrics listener; `serve` for the HTTP interactions endpoint instead.
CMD ["run", "--health-urls", "http://+:8080"]
