package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.utskick.users.Users;

/**
 * Issue 12, finding 6: 100 sign-ins at once over real HTTP to the real web server, with a hash
 * memory (128 MiB each) that 100 parallel hashes could not hold. Each hash takes its permit before
 * the Argon2 memory is allocated, so at most the bound hold memory at once; the rest wait briefly
 * and are shed with 503. No request fails otherwise (no OutOfMemoryError, no 500), every answer
 * is a sign-in's (302 signed in, 401 refused, 429 throttled, 503 busy, with Retry-After) and the
 * node serves normally afterwards.
 */
class SignInLoadTest {
    static final Set<Integer> ANSWERS = Set.of(200, 302, 401, 429, 503);
    static final String PRE = "a".repeat(43);

    @Test
    void hundredParallelSignInsAreAnsweredWithoutRunningOutOfMemory() throws Exception {
        Map<String, String> heavy = Map.of("web.hash.memory", "131072", "web.hash.iterations", "1",
                "web.signin.max.failures", "1000");
        try (WebFixture fx = new WebFixture(300, heavy)) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService pool = Executors.newFixedThreadPool(100);
            Map<Integer, Integer> byStatus = new TreeMap<>();
            List<String> wrong = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    boolean right = i % 2 == 0;
                    String body = form("csrf", PRE, "username", right ? WebFixture.USER : "gissning" + i,
                            "password", right ? WebFixture.PASSWORD : "fel-lösenord-" + i);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(fx.base() + "/logga-in"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", SignInPages.PRE_COOKIE + "=" + PRE)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    answers.add(pool.submit(() -> {
                        go.await();
                        return client.send(request, HttpResponse.BodyHandlers.ofString());
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> f : answers) {
                    HttpResponse<String> r = f.get();
                    byStatus.merge(r.statusCode(), 1, Integer::sum);
                    if (!ANSWERS.contains(r.statusCode())) {
                        wrong.add(r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
                    }
                    if (r.statusCode() == 503) {
                        assertTrue(r.headers().firstValue("Retry-After").isPresent());
                        assertTrue(r.body().contains("Många loggar in just nu"), r.body());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println("100 parallel sign-ins over HTTP: " + byStatus + ", hashing " + fx.app.users().hashingLoad());

            assertTrue(wrong.isEmpty(), "answers other than a sign-in's: " + wrong);
            assertEquals(100, byStatus.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(byStatus.getOrDefault(302, 0) > 0, "some sign-ins got through: " + byStatus);
            Users.HashingLoad load = fx.app.users().hashingLoad();
            assertTrue(load.peakConcurrent() <= load.bound(), "at most " + load.bound() + " hashes held memory at once: " + load);

            // The node still serves: the form, a full sign-in and a page behind it.
            assertEquals(200, new Http(fx.base()).get("/logga-in").statusCode());
            assertEquals(200, fx.signedIn().get("/").statusCode());
        }
    }

    private static String form(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
