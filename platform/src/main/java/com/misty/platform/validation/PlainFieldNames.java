package com.misty.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-form document (an imported record) whose field names, at any depth, are plain data names: none starts with
 * {@code $}. Such a name is a MongoDB operator ({@code {"$gt": ""}}), never a field of a stored record, so a record
 * carrying one is refused as a whole (400) before anything reads it.
 */
@Documented
@Constraint(validatedBy = PlainFieldNamesValidator.class)
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainFieldNames {

    String message() default "must not contain field names starting with '$' (operators are not data)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
