package com.misty.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * Puts the gateway's request id ({@code X-Request-Id}, also in the gateway's access line and in the answer the
 * client got) into every log line written for the request, beside the trace and span ids OpenTelemetry puts
 * there, so an operator goes from a complaint ("request abc failed") to the lines of every service involved.
 */
public class RequestIdLogging {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** What the gateway sends; anything else (a client talking to a service directly) is not logged verbatim. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void remember(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && PLAIN.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void forget() {
        MDC.remove(MDC_KEY);
    }
}
