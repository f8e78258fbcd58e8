package com.misty.payroll.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/** Recognises the unique-index violation (error 11000) that makes inserts idempotent. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    static boolean is(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e.getCode() == 11000;
    }
}
