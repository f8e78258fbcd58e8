package com.misty.gateway;

import com.misty.gateway.support.CapturedLog;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One access line per request through the running gateway, with the request id the service also got, never the
 * query (which may carry a token), and the event-loop thread that served it. The batching itself: AccessLogTest.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class AccessLogResourceTest {

    private static final String CATEGORY = "com.misty.gateway.access";
    private static final String TOKEN = TestTokens.accessToken("access-log-tester", "admin");

    private CapturedLog log;

    @BeforeEach
    void listen() {
        log = CapturedLog.of(CATEGORY);
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void eachRequestGetsOneLineWithItsIdTimeAndThread() {
        Instant before = Instant.now();
        List<String> ids = List.of("access-log-1-aaaaaaaa", "access-log-2-bbbbbbbb", "access-log-3-cccccccc");
        for (String id : ids) {
            given().auth().oauth2(TOKEN).header("X-Request-Id", id).queryParam("secret", "do-not-log")
                    .get("/api/orders/o-1").then().statusCode(200).header("X-Request-Id", id);
        }
        Instant after = Instant.now();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(linesFor(id)).hasSize(1)));
        for (String id : ids) {
            LogRecord line = linesFor(id).get(0);
            assertThat(line.getMessage()).matches("\\[" + id + "] GET /api/orders/o-1 200 \\d+\\.\\dms")
                    .doesNotContain("do-not-log");
            // Stamped when the response ends, which the client may see a moment before (AccessLogTest is exact).
            assertThat(line.getInstant()).isBetween(before, after.plusSeconds(1));
            assertThat(((org.jboss.logmanager.ExtLogRecord) line).getThreadName()).startsWith("vert.x-eventloop");
        }
    }

    private List<LogRecord> linesFor(String requestId) {
        return log.records().stream()
                .filter(r -> r.getMessage() != null && r.getMessage().startsWith("[" + requestId + "]"))
                .toList();
    }
}
