package com.misty.platform.validation;

import com.misty.platform.problem.DomainException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Typed query parameters ({@code LocalDate}, enums, {@code Boolean}, {@code Integer}) whose malformed value is a
 * 400 {@code INVALID_PARAMETER} naming the parameter: JAX-RS itself answers 404 when a query parameter does not
 * convert. Enums read case-insensitively; a blank value counts as absent (its {@code @DefaultValue}, else null).
 * Ranges and sizes are bean validation's job on the resource method.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, annotations, LocalDate::parse, "must be a date like 2026-11-23.");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, annotations,
                    value -> Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)), "has an unknown value.");
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, annotations, QueryParamConverters::strictBoolean,
                    "must be true or false.");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, annotations, value -> Integer.valueOf(value.trim()),
                    "must be a whole number.");
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Annotation[] annotations, Function<String, T> parse,
                                                   String expectation) {
        String fallback = defaultValue(annotations);
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                String given = value == null || value.isBlank() ? fallback : value;
                if (given == null) {
                    return null;
                }
                try {
                    return parse.apply(given);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    // JAX-RS keeps a WebApplicationException from a converter; the problem mapper unwraps the cause.
                    throw new BadRequestException(DomainException.badRequest("INVALID_PARAMETER",
                            name + " " + expectation).with("field", name));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean strictBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException(value);
    }

    private static String queryParamName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private static String defaultValue(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof DefaultValue value) {
                return value.value();
            }
        }
        return null;
    }
}
