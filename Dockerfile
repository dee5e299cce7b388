# Build stage: the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src ./src
COPY webroot ./webroot
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE, the jar, and a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system talkingstick \
 && useradd --system --gid talkingstick --home-dir /app --no-create-home talkingstick \
 && mkdir -p /app /data \
 && chown talkingstick:talkingstick /data
COPY --from=build /src/target/talkingstick.jar /app/talkingstick.jar
ENV DATA_DIR=/data
# Signing keys (and, without DATABASE_URL, the embedded PostgreSQL) live here.
VOLUME /data
USER talkingstick
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/talkingstick.jar"]
