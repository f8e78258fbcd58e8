package com.misty.platform.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;

/**
 * Recognises the unique-index violation (error 11000) that makes inserts idempotent and keeps two writers from
 * both creating one thing. A single write reports it as a {@link MongoWriteException}, a bulk per failed
 * {@link WriteError}, a command (such as {@code findOneAndUpdate} with upsert) as a {@link MongoException}
 * carrying the code.
 */
public final class DuplicateKeys {

    public static final int DUPLICATE_KEY_CODE = 11000;

    private DuplicateKeys() {
    }

    public static boolean is(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return is(write.getError());
        }
        return e instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY_CODE;
    }

    /** One failed write of a bulk (an unordered {@code insertMany}), or of a single write. */
    public static boolean is(WriteError error) {
        return error.getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
