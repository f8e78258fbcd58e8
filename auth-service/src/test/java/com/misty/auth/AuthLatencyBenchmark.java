package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.login;
import static com.misty.auth.AuthApi.refresh;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;

/**
 * Latency of login (bcrypt cost 12, deliberately slow), refresh (two single-document writes and an RS256
 * signature) and an authenticated call (RS256 verification), one request at a time over real HTTP against
 * the test kit's broker and MongoDB stand-in. Not part of the test run (the name does not end in Test):
 * {@code ./mvnw -B -q -pl auth-service -am verify -Dtest=AuthLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class AuthLatencyBenchmark {

    @Test
    void measure() {
        String username = uniqueName("bench");
        createUser(username, "employee");

        List<Long> logins = time(5, 30, () -> login(username, PASSWORD).then().statusCode(200).extract().path("refresh_token"));

        String[] refreshToken = {login(username, PASSWORD).then().statusCode(200).extract().path("refresh_token")};
        List<Long> refreshes = time(50, 300, () -> {
            refreshToken[0] = refresh(refreshToken[0]).then().statusCode(200).extract().path("refresh_token");
            return refreshToken[0];
        });

        String accessToken = login(username, PASSWORD).then().statusCode(200).extract().path("access_token");
        List<Long> verified = time(100, 500, () ->
                given().auth().oauth2(accessToken).when().get("/api/auth/me").then().statusCode(200).extract().asString());

        System.out.println("BENCHMARK auth-service (ms)   median     p99   (n)");
        report("login", logins);
        report("refresh", refreshes);
        report("GET /me (token verification)", verified);
    }

    private static List<Long> time(int warmup, int n, Supplier<Object> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.get();
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return nanos;
    }

    private static void report(String name, List<Long> sorted) {
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        System.out.println(String.format(Locale.ROOT, "BENCHMARK %-30s %8.1f %8.1f   (%d)", name, median, p99, sorted.size()));
    }
}
