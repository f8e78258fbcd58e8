package com.misty.orders.domain;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the counter's value into the number people read and say on the phone, e.g. {@code ORD-000123}. */
public final class OrderNumbers {

    private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d+)$");

    private final String prefix;
    private final int digits;

    public OrderNumbers(String prefix, int digits) {
        this.prefix = prefix;
        this.digits = digits;
    }

    public String format(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("Order numbers start at 1, not " + sequence);
        }
        return prefix + String.format("%0" + digits + "d", sequence);
    }

    /** The {@code n}th holder (from 2) of a number the original system gave twice: visibly marked, e.g. ORD-0042-DUP2. */
    public static String duplicate(String orderNumber, int n) {
        return orderNumber + "-DUP" + n;
    }

    /** The sequence an existing number carries (also numbers imported from the original system), if any. */
    public static OptionalLong sequenceOf(String orderNumber) {
        if (orderNumber == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = TRAILING_DIGITS.matcher(orderNumber);
        if (!matcher.find() || matcher.group(1).length() > 18) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }
}
