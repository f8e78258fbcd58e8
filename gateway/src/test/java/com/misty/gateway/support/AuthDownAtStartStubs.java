package com.misty.gateway.support;

/** {@link DownstreamStubs} with auth-service not yet up when the gateway starts (the order after a NAS reboot). */
public class AuthDownAtStartStubs extends DownstreamStubs {

    @Override
    protected boolean authUpAtStart() {
        return false;
    }
}
