package com.lambdarelease.sandbox.lambda;

import java.time.Instant;

/**
 * Warm capacity configured for one alias or published version. The sandbox runs no execution
 * environments, so what was requested is at once allocated and available ({@code READY}).
 *
 * @param qualifier    the alias name or version number the capacity belongs to
 * @param requested    ProvisionedConcurrentExecutions as put
 * @param lastModified when it was last put
 */
record ProvisionedConcurrency(String qualifier, int requested, Instant lastModified) {
}
