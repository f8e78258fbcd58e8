package com.misty.systemtest.operability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector as small as a test needs: accepts OTLP/HTTP trace exports ({@code http/protobuf}, as the services'
 * exporter sends them when {@code MISTY_TRACING_OTLP_ENDPOINT} points here) and keeps every span with the name of
 * the service that sent it. The protobuf is read by hand: only the few fields the test looks at, by field number
 * (opentelemetry-proto trace.proto), so the test needs no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, as logs and traceparent headers write them. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        static final int SERVER = 2;
        static final int CONSUMER = 5;
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            spans.addAll(exportRequest(ByteBuffer.wrap(body.readAllBytes())));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest: 1 = resource_spans. */
    private static List<ReceivedSpan> exportRequest(ByteBuffer message) {
        List<ReceivedSpan> found = new ArrayList<>();
        forEachField(message, (field, value) -> {
            if (field == 1) {
                found.addAll(resourceSpans(value));
            }
        });
        return found;
    }

    /** ResourceSpans: 1 = resource (1 = attributes: KeyValue), 2 = scope_spans (2 = spans). */
    private static List<ReceivedSpan> resourceSpans(ByteBuffer message) {
        String[] service = {"?"};
        List<ByteBuffer> spanMessages = new ArrayList<>();
        forEachField(message, (field, value) -> {
            if (field == 1) {
                forEachField(value, (resourceField, attribute) -> {
                    if (resourceField == 1 && "service.name".equals(keyValue(attribute)[0])) {
                        service[0] = keyValue(attribute)[1];
                    }
                });
            } else if (field == 2) {
                forEachField(value, (scopeField, span) -> {
                    if (scopeField == 2) {
                        spanMessages.add(span);
                    }
                });
            }
        });
        return spanMessages.stream().map(span -> span(service[0], span)).toList();
    }

    /** Span: 1 = trace_id, 2 = span_id, 4 = parent_span_id, 5 = name, 6 = kind (varint). */
    private static ReceivedSpan span(String service, ByteBuffer message) {
        String[] ids = new String[3];
        String[] name = {""};
        int[] kind = {0};
        HexFormat hex = HexFormat.of();
        forEachField(message, (field, value) -> {
            switch (field) {
                case 1 -> ids[0] = hex.formatHex(bytes(value));
                case 2 -> ids[1] = hex.formatHex(bytes(value));
                case 4 -> ids[2] = hex.formatHex(bytes(value));
                case 5 -> name[0] = StandardCharsets.UTF_8.decode(value).toString();
                case 6 -> kind[0] = (int) value.getLong(0);
                default -> { }
            }
        });
        return new ReceivedSpan(service, ids[0], ids[1], ids[2] == null ? "" : ids[2], name[0], kind[0]);
    }

    /** KeyValue: 1 = key, 2 = value (AnyValue: 1 = string_value). */
    private static String[] keyValue(ByteBuffer message) {
        String[] pair = {"", ""};
        forEachField(message, (field, value) -> {
            if (field == 1) {
                pair[0] = StandardCharsets.UTF_8.decode(value).toString();
            } else if (field == 2) {
                forEachField(value, (anyField, text) -> {
                    if (anyField == 1) {
                        pair[1] = StandardCharsets.UTF_8.decode(text).toString();
                    }
                });
            }
        });
        return pair;
    }

    private interface FieldVisitor {
        /** A length-delimited field's bytes, or a varint/fixed field's value as an 8-byte big-endian buffer. */
        void visit(int field, ByteBuffer value);
    }

    /** Walks the fields of one protobuf message (wire types 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
    private static void forEachField(ByteBuffer message, FieldVisitor visitor) {
        ByteBuffer in = message.duplicate();
        while (in.hasRemaining()) {
            long key = varint(in);
            int field = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> visitor.visit(field, ByteBuffer.allocate(8).putLong(0, varint(in)));
                case 1 -> visitor.visit(field, ByteBuffer.allocate(8).putLong(0, Long.reverseBytes(in.getLong())));
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer value = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    visitor.visit(field, value);
                }
                case 5 -> visitor.visit(field, ByteBuffer.allocate(8).putLong(0, Integer.reverseBytes(in.getInt()) & 0xffffffffL));
                default -> throw new IllegalArgumentException("unsupported protobuf wire type in field " + field);
            }
        }
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static byte[] bytes(ByteBuffer value) {
        byte[] copy = new byte[value.remaining()];
        value.duplicate().get(copy);
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** For messages the test prints when it fails. */
    static String describe(List<ReceivedSpan> spans) {
        StringBuilder text = new StringBuilder();
        spans.forEach(s -> text.append('\n').append(s.service()).append(' ').append(s.traceId()).append(' ')
                .append(s.name()));
        return text.toString();
    }
}
