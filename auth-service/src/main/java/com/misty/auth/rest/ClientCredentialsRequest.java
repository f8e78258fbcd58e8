package com.misty.auth.rest;

import jakarta.validation.constraints.Size;

public record ClientCredentialsRequest(@Size(max = 64) String grantType, @Size(max = 128) String clientId,
                                       @Size(max = 256) String clientSecret) {
}
