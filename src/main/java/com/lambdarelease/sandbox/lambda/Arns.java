package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.Sandbox;

/** ARNs in the sandbox's one account and region. */
final class Arns {

    private static final String PREFIX = "arn:aws:lambda:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT + ":function:";

    private Arns() {
    }

    static String function(String name) {
        return PREFIX + name;
    }

    static String function(String name, String qualifier) {
        return PREFIX + name + ":" + qualifier;
    }

    static String role(String roleName) {
        return "arn:aws:iam::" + Sandbox.ACCOUNT + ":role/" + roleName;
    }
}
