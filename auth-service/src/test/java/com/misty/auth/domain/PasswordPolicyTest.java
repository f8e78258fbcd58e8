package com.misty.auth.domain;

import com.misty.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @Test
    void acceptsALongVariedPassword() {
        assertThatCode(() -> PasswordPolicy.requireAcceptable("correct-Horse-battery-9", "lena")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortRepetitiveCommonOverlongAndUsernameBearingPasswords() {
        for (String password : new String[] {"Sh0rt-pass", "aaaaaaaaaaaaaaaa", "Password1234", "x".repeat(40) + "é".repeat(20),
                "my-name-is-lena-ok"}) {
            assertThatThrownBy(() -> PasswordPolicy.requireAcceptable(password, "lena"))
                    .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "WEAK_PASSWORD");
        }
    }
}
