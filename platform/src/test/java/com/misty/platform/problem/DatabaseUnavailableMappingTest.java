package com.misty.platform.problem;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** An unreachable database is "try again shortly" (503 + Retry-After), not a bug (500). */
class DatabaseUnavailableMappingTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void noServerWithinTheSelectionTimeoutIs503WithRetryAfter() {
        assertUnavailable(mappers.databaseUnreachable(new MongoTimeoutException("Timed out while waiting for a server")));
    }

    @Test
    void aLostConnectionIs503WithRetryAfter() {
        assertUnavailable(mappers.databaseConnectionLost(
                new MongoSocketOpenException("Exception opening socket", new ServerAddress(), new IOException("refused"))));
    }

    @Test
    void otherFailuresStay500() {
        assertThat(mappers.unexpected(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.DATABASE_RETRY_AFTER_SECONDS);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(problem.detail()).doesNotContain("Timed out").doesNotContain("refused");
    }
}
