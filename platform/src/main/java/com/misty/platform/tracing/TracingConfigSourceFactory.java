package com.misty.platform.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * One setting turns trace export on: {@code misty.tracing.otlp-endpoint} ({@code MISTY_TRACING_OTLP_ENDPOINT}).
 * Unset (the default: a NAS runs no collector), no span is sampled, so nothing is exported and no connection is
 * attempted, while trace and span ids still exist and travel (headers, outbox, logs). Set, every trace is sampled
 * and sent there. The quarkus.otel.* properties stay available to operators and win over these (ordinal 150,
 * below application.properties and the environment).
 */
public class TracingConfigSourceFactory implements ConfigSourceFactory {

    public static final String ENDPOINT = "misty.tracing.otlp-endpoint";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue endpoint = context.getValue(ENDPOINT);
        boolean exporting = endpoint != null && endpoint.getValue() != null && !endpoint.getValue().isBlank();
        Map<String, String> properties = exporting
                ? Map.of("quarkus.otel.traces.sampler.arg", "1.0",
                         "quarkus.otel.exporter.otlp.traces.endpoint", endpoint.getValue().strip())
                : Map.of("quarkus.otel.traces.sampler.arg", "0.0");
        return List.of(new PropertiesConfigSource(properties, "misty-tracing", 150));
    }
}
