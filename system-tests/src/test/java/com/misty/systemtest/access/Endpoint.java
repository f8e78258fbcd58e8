package com.misty.systemtest.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One endpoint of the suite as the gateway exposes it: method, path template, the body's fields (with their kind,
 * so hostile tests know what breaks them), which state it can touch, how to make a valid call of it, and what
 * each caller must get for that valid call (the access matrix; a caller not listed must get 403).
 */
public final class Endpoint {

    /** The state an endpoint can change; hostile tests read it before and after. */
    public enum Area { AUTH, STOCK, ORDERS, PAYROLL }

    /** What a body field holds; decides which hostile values are certainly invalid for it. */
    public enum Kind {
        /** Free text: any string of permitted length is valid data. */
        TEXT,
        /** An identifier that is looked up, or a value from a closed set (role, leave type, week, grant type). */
        CODE,
        /** A whole number that must be positive. */
        COUNT,
        /** A whole number that may be negative (but not zero). */
        SIGNED,
        /** An optimistic-locking version. */
        VERSION,
        /** A decimal that must not be negative. */
        DECIMAL,
        DATE,
        BOOLEAN,
        LIST,
        OBJECT
    }

    public record Field(Kind kind, boolean required) {
    }

    private final String method;
    private final String template;
    private final Area area;
    private final Function<World, Call> call;
    private Function<World, Call> stableCall;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<Caller, Set<Integer>> expected = new EnumMap<>(Caller.class);
    private boolean open;
    private boolean endsSession;
    private boolean stream;
    private String note = "";

    private Endpoint(String method, String template, Area area, Function<World, Call> call) {
        this.method = method;
        this.template = template;
        this.area = area;
        this.call = call;
    }

    static Endpoint of(String method, String template, Area area, Function<World, Call> call) {
        return new Endpoint(method, template, area, call);
    }

    /** These callers get one of {@code statuses} for a valid call. */
    Endpoint allow(Set<Integer> statuses, Caller... callers) {
        for (Caller caller : callers) {
            expected.put(caller, statuses);
        }
        return this;
    }

    Endpoint allow(int status, Caller... callers) {
        return allow(Set.of(status), callers);
    }

    Endpoint field(String name, Kind kind, boolean required) {
        fields.put(name, new Field(kind, required));
        return this;
    }

    /**
     * The valid call hostile tests break: by default {@link #call}; set where a fresh target would still be
     * changing on its own while the attacks run (a new order is confirmed by the saga a moment later).
     */
    Endpoint stableCall(Function<World, Call> stable) {
        stableCall = stable;
        return this;
    }

    /** Reachable without a token (sign-in, refresh, client credentials, key set). */
    Endpoint open() {
        open = true;
        return this;
    }

    /** Ends the caller's own login(s): the access matrix runs it last. */
    Endpoint endingSession() {
        endsSession = true;
        return this;
    }

    /** Server-Sent Events: the answer never ends by itself. */
    Endpoint stream() {
        stream = true;
        return this;
    }

    /** Why a caller's expected answer is what it is, where the README alone does not say. */
    Endpoint note(String text) {
        note = text;
        return this;
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public Area area() {
        return area;
    }

    /** A fresh valid call (it may create the object it acts on, e.g. a pending leave to approve). */
    public Call call(World world) {
        return call.apply(world);
    }

    /** A valid call whose target does not change by itself meanwhile (for before/after comparisons). */
    public Call stableCall(World world) {
        return (stableCall == null ? call : stableCall).apply(world);
    }

    public Map<String, Field> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public boolean hasBody() {
        return !fields.isEmpty();
    }

    /** Whether the body may be left out altogether (then a missing or empty body is valid input). */
    public boolean bodyRequired() {
        return fields.values().stream().anyMatch(Field::required);
    }

    public boolean hasId() {
        return template.contains("{id}");
    }

    public boolean isOpen() {
        return open;
    }

    public boolean endsSession() {
        return endsSession;
    }

    public boolean isStream() {
        return stream;
    }

    public String note() {
        return note;
    }

    /** What {@code caller} must get for a valid call: a success (or documented outcome), otherwise 403. */
    public Set<Integer> expectedFor(Caller caller) {
        return expected.getOrDefault(caller, Set.of(403));
    }

    public boolean allows(Caller caller) {
        return expected.containsKey(caller);
    }

    /** The least privileged caller allowed to use it (hostile input comes from there). */
    public Caller attacker() {
        for (Caller caller : new Caller[] {Caller.EMPLOYEE, Caller.PRODUCTION, Caller.MANAGER, Caller.ADMIN}) {
            Set<Integer> statuses = expected.get(caller);
            if (statuses != null && statuses.stream().anyMatch(s -> s < 300)) {
                return caller;
            }
        }
        return Caller.ADMIN;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
