package com.lambdarelease.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the command line's exit status means, stable for scripts; {@code --help} lists them. */
public final class ExitCodes {

    public static final int DONE = 0;
    /** Nothing was sent: bad input, the routing pre-flight said no, or the write was not confirmed. */
    public static final int REFUSED = 1;
    /** Someone else changed the alias or $LATEST since it was read: nothing was overwritten. */
    public static final int CONFLICT = 2;
    /** AWS refused the request, or the endpoint could not be reached. */
    public static final int AWS_ERROR = 3;
    /** A rollout ended rolled back: the alias holds exactly what it held before. */
    public static final int ROLLED_BACK = 4;
    /** A rollout waits for an operator and this process stopped driving it (--exit-when-asked, an unjudged pause); it stays in the journal. */
    public static final int NEEDS_OPERATOR = 5;

    private ExitCodes() {
    }

    /** For picocli's exitCodeList. */
    static Map<String, String> described() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(DONE + "", "Done.");
        codes.put(REFUSED + "", "Refused, nothing sent: bad input (e.g. --weight 150), the pre-flight check, or not confirmed.");
        codes.put(CONFLICT + "", "Conflict: someone else changed the alias or $LATEST since it was read; nothing overwritten.");
        codes.put(AWS_ERROR + "", "AWS refused the request (its message is printed), or the endpoint could not be reached.");
        codes.put(ROLLED_BACK + "", "Rollout rolled back: the alias holds exactly what it held before the rollout.");
        codes.put(NEEDS_OPERATOR + "", "Rollout waits for an operator and this process stopped driving it (--exit-when-asked, "
                + "or an unjudged canary with --when-unjudged pause); see `rollout status`.");
        return codes;
    }
}
