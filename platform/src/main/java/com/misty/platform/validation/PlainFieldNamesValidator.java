package com.misty.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Collection;
import java.util.Map;

/** Checks {@link PlainFieldNames}: walks maps and lists to any depth. */
public class PlainFieldNamesValidator implements ConstraintValidator<PlainFieldNames, Map<String, ?>> {

    @Override
    public boolean isValid(Map<String, ?> document, ConstraintValidatorContext context) {
        return document == null || plain(document);
    }

    private static boolean plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (String.valueOf(field.getKey()).startsWith("$") || !plain(field.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!plain(item)) {
                    return false;
                }
            }
        }
        return true;
    }
}
