package com.lambdarelease.sandbox.lambda;

import java.util.Optional;

/**
 * A configuration's State and LastUpdateStatus as AWS reports them
 * (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html): a new function
 * is Pending ("The function is being created.", Creating) until it is Active; an update is InProgress
 * until Successful, or Failed when the new environment asks for it ({@code SANDBOX_UPDATE_FAILS=true}).
 * While Pending, AWS reports no LastUpdateStatus.
 */
record FunctionStatus(String state, Optional<String> stateReason, Optional<String> stateReasonCode,
                      Optional<String> lastUpdateStatus, Optional<String> lastUpdateReason,
                      Optional<String> lastUpdateReasonCode) {

    static final String CREATING = "The function is being created.";

    static final FunctionStatus READY = new FunctionStatus("Active", Optional.empty(), Optional.empty(),
            Optional.of("Successful"), Optional.empty(), Optional.empty());
    static final FunctionStatus PENDING = new FunctionStatus("Pending", Optional.of(CREATING), Optional.of("Creating"),
            Optional.empty(), Optional.empty(), Optional.empty());
    /** AWS words an update in progress as the creation it reuses. */
    static final FunctionStatus UPDATING = new FunctionStatus("Active", Optional.empty(), Optional.empty(),
            Optional.of("InProgress"), Optional.of(CREATING), Optional.of("Creating"));

    static FunctionStatus updateFailed(String reason) {
        return new FunctionStatus("Active", Optional.empty(), Optional.empty(), Optional.of("Failed"),
                Optional.of(reason), Optional.of("InvalidConfiguration"));
    }

    boolean pending() {
        return state.equals("Pending");
    }

    boolean updating() {
        return lastUpdateStatus.filter("InProgress"::equals).isPresent();
    }
}
