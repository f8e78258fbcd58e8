package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.jwtPart;
import static com.misty.auth.AuthApi.session;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** The JWKS, and every way a presented access token can be wrong: each one is a 401 problem. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class TokenVerificationResourceTest {

    @Test
    void jwksPublishesTheSigningKeyAtBothAddresses() {
        for (String path : List.of("/api/auth/jwks", "/.well-known/jwks.json")) {
            given().when().get(path).then().statusCode(200)
                    .body("keys", hasSize(greaterThanOrEqualTo(1)))
                    .body("keys[0].kty", equalTo("RSA"))
                    .body("keys[0].use", equalTo("sig"))
                    .body("keys[0].alg", equalTo("RS256"))
                    .body("keys[0].d", equalTo(null));
        }
    }

    @Test
    void anIssuedTokenVerifiesAgainstThePublishedJwksAsOtherServicesDo() throws Exception {
        String username = uniqueName("verifier");
        String id = createUser(username, "employee");
        String accessToken = (String) session(username).get("access_token");
        String jwks = given().when().get("/api/auth/jwks").then().statusCode(200).extract().asString();

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("https://auth.misty.local").setExpectedAudience("misty-suite")
                .build().processToClaims(accessToken);
        assertThat(claims.getSubject()).isEqualTo(id);
        assertThat(jwtPart(accessToken, 0).get("kid")).isEqualTo(new JsonWebKeySet(jwks).getJsonWebKeys().get(0).getKeyId());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = TestTokens.builder("u-expired", "admin").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign(TestTokens.privateKey());
        assertRefused(expired);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String username = uniqueName("tamper");
        createUser(username, "employee");
        String token = (String) session(username).get("access_token");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"employee\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(200);
        assertRefused(forged);
        given().auth().oauth2(forged).when().get("/api/auth/users").then().statusCode(401);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String body = b64("{\"iss\":\"https://auth.misty.local\",\"aud\":\"misty-suite\",\"sub\":\"x\",\"upn\":\"x\","
                + "\"groups\":[\"admin\"],\"token_use\":\"access\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");
        assertRefused(header + "." + body + ".");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenWithOurKid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        String kid = given().when().get("/api/auth/jwks").then().extract().path("keys[0].kid");

        String token = TestTokens.builder("intruder", "admin").jws().keyId(kid).sign(foreign);
        assertRefused(token);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        assertRefused(Jwt.issuer("https://auth.misty.local").audience("another-suite").subject("x").upn("x")
                .groups("admin").claim("token_use", "access").sign(TestTokens.privateKey()));
        assertRefused(Jwt.issuer("https://evil.example").audience("misty-suite").subject("x").upn("x")
                .groups("admin").claim("token_use", "access").sign(TestTokens.privateKey()));
    }

    @Test
    void aSignedTokenThatIsNotAnAccessTokenIsRefused() {
        assertRefused(TestTokens.builder("u-refresh", "admin").claim("token_use", "refresh").sign(TestTokens.privateKey()));
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).when().get("/api/auth/me")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
