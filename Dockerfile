# Utskick's image: builds the jar with the Maven wrapper, then runs it on a JRE as a non-root user.
#   docker build -t utskick .            (or: docker compose up --build)
# src/test/java/se/utskick/DockerfileTest.java keeps this file and docker-compose.yml consistent
# (no Docker engine runs on the build machines).

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# The wrapper and the pom first: the dependency layer is rebuilt only when the pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY config config
RUN ./mvnw -B -q -o -DskipTests package

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 utskick \
    && useradd --system --uid 10001 --gid utskick --home-dir /app --no-create-home utskick
WORKDIR /app
COPY --from=build /src/target/utskick.jar /app/utskick.jar
COPY config /app/config
COPY templates /app/templates
# data/ (an embedded database, if no db.url is set) and out/ (previews) belong to the user.
RUN mkdir -p /app/data /app/out && chown utskick:utskick /app/data /app/out && chmod 0700 /app/data
USER utskick
EXPOSE 8080
# /health answers 200 when the node can work, 503 with the reason when not; bash's /dev/tcp needs no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/utskick.jar"]
CMD ["serve"]
