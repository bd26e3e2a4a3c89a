# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper builds the executable jar; dependencies are cached in their own layer.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/issuer-connector-*.jar /connector.jar

# Run stage: JRE only, unprivileged user, no shell tools beyond the base image.
FROM eclipse-temurin:17-jre
RUN groupadd --system connector && useradd --system --gid connector --home-dir /app --shell /usr/sbin/nologin connector
WORKDIR /app
COPY --from=build /connector.jar /app/connector.jar
COPY type-metadata /type-metadata
USER connector:connector
EXPOSE 8080 8081
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/connector.jar"]
