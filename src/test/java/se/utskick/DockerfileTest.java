package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run on the build machines, so this guards the {@code Dockerfile} by reading it:
 * a build stage that makes the jar with the Maven wrapper, a JRE stage that runs it as a non-root
 * user, every file it copies exists and is not excluded by {@code .dockerignore}, and its health
 * check asks {@code /health} on the port the web server listens on.
 */
class DockerfileTest {
    private static List<String> instructions;
    private static List<String> ignored;

    @BeforeAll
    static void read() throws Exception {
        DockerComposeTest.read();
        // Join continuation lines, drop comments: one entry per instruction.
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
            } else {
                current.append(t);
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void buildsTheJarWithTheWrapperOnAJdkOfTheProjectsRelease() throws IOException {
        List<String> froms = starting("FROM ");
        assertEquals(2, froms.size(), froms::toString);
        assertTrue(froms.get(0).matches("FROM eclipse-temurin:(\\d+)-jdk AS build"), froms.get(0));
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(pom);
        assertTrue(release.find(), "pom.xml names its release");
        assertTrue(froms.get(0).contains(":" + release.group(1) + "-jdk"), "build on the pom's release " + release.group(1));
        assertTrue(starting("RUN ").stream().anyMatch(r -> r.contains("./mvnw") && r.contains("package")));
    }

    @Test
    void runsOnAJreAsANonRootUser() {
        List<String> froms = starting("FROM ");
        assertTrue(froms.get(1).matches("FROM eclipse-temurin:\\d+-jre"), froms.get(1));
        List<String> users = starting("USER ");
        assertEquals(1, users.size(), users::toString);
        String user = users.get(0).substring("USER ".length()).strip();
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), user);
        int userAt = instructions.indexOf(users.get(0));
        assertTrue(instructions.subList(userAt, instructions.size()).stream().noneMatch(i -> i.startsWith("RUN ")),
                "nothing runs as root after USER");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("COPY --from=build ") && i.contains("target/utskick.jar")));
        assertTrue(starting("ENTRYPOINT ").get(0).contains("/app/utskick.jar"));
        assertTrue(starting("CMD ").get(0).contains("\"serve\""));
    }

    @Test
    void everyCopiedPathExistsAndIsNotIgnored() {
        for (String copy : starting("COPY ")) {
            if (copy.startsWith("COPY --from=")) {
                continue;
            }
            String[] parts = copy.substring("COPY ".length()).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                String source = parts[i];
                assertTrue(Files.exists(Path.of(source)), copy + ": " + source + " does not exist");
                assertFalse(ignored.stream().anyMatch(p -> p.replaceAll("/$", "").equals(source.replaceAll("/$", ""))),
                        source + " is copied but .dockerignore excludes it");
            }
        }
        assertTrue(ignored.containsAll(List.of("target/", "data/", ".git/")),
                "build output, local data and history stay out of the build context: " + ignored);
    }

    @Test
    void healthCheckAsksHealthOnTheExposedWebPort() {
        String expose = starting("EXPOSE ").get(0).substring("EXPOSE ".length()).strip();
        assertEquals(DockerComposeTest.env("utskick").get("UTSKICK_WEB_PORT"), expose);
        String health = starting("HEALTHCHECK ").get(0);
        assertTrue(health.contains("/dev/tcp/127.0.0.1/" + expose) && health.contains("GET /health "), health);
    }

    private static List<String> starting(String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword)).toList();
    }
}
