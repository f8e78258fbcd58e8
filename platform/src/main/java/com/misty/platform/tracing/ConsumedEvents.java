package com.misty.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs a consumer's handling of one record inside a span that continues the producer's trace (the
 * {@code traceparent} header the outbox relay sent). Events the handler writes into its own outbox while the span is
 * current carry the same trace on, so the saga's answer joins the trace of the request that started it.
 *
 * <pre>
 * &#64;Incoming(CHANNEL)
 * public void onOrderEvent(ConsumerRecord&lt;String, String&gt; record) {
 *     consumed.handle(record, CHANNEL, value -&gt; IncomingEvents.read(value, CHANNEL).ifPresent(saga::handle));
 * }
 * </pre>
 */
@ApplicationScoped
public class ConsumedEvents {

    private final Tracer tracer;

    public ConsumedEvents(Tracer tracer) {
        this.tracer = tracer;
    }

    /** What a consumer does with a record's value. */
    @FunctionalInterface
    public interface Handler<E extends Exception> {
        void accept(String value) throws E;
    }

    public <E extends Exception> void handle(ConsumerRecord<String, String> record, String channel, Handler<E> handler)
            throws E {
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceHeaders.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", channel)
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handler.accept(record.value());
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
