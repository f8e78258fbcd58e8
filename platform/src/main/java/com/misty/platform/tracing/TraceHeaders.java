package com.misty.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the work that caused an event, carried with
 * it: captured when the event is written into an outbox (the request's span is current then), stored beside the
 * event, sent as Kafka headers by the relay, and read back by the consumer, so the placement of an order, the
 * inventory saga step and the confirmation are one trace although minutes and processes may lie between them.
 */
public final class TraceHeaders {

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** The current trace context as header values; empty when no valid span is current (e.g. a timer's work). */
    public static Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (Span.current().getSpanContext().isValid()) {
            W3C.inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
        }
        return headers;
    }

    /** The context a consumer continues: the producer's, or the root context when the record carries none. */
    public static Context extract(Headers headers) {
        return W3C.extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /** The header names this class reads and writes. */
    public static List<String> names() {
        return List.copyOf(W3C.fields());
    }
}
