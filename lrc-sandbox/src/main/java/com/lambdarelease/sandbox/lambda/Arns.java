package com.lambdarelease.sandbox.lambda;

/**
 * ARNs and code locations in one account and region: every answer a client gets carries the region
 * (and account) its request was signed for.
 */
record Arns(String account, String region) {

    String function(String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    String function(String name, String qualifier) {
        return function(name) + ":" + qualifier;
    }

    String role(String roleName) {
        return "arn:aws:iam::" + account + ":role/" + roleName;
    }

    /** Where GetFunction says the code can be downloaded, in this region's bucket, as AWS words it. */
    String codeLocation(String name, String codeSha256) {
        return "https://awslambda-" + region + "-tasks.s3." + region + ".amazonaws.com/snapshots/" + account + "/"
                + name + "-" + java.util.UUID.nameUUIDFromBytes(codeSha256.getBytes())
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature=sandbox";
    }
}
