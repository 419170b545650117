/**
 * The sandbox's Lambda backend: restJson1 (2015-03-31) control plane and Invoke, answering like
 * AWS (same status, error type and text; see /work/shared/docs/AWS-FACTS.md).
 *
 * <p>Error texts the sandbox had to invent, because neither AWS-FACTS.md nor a recording gives them:
 * <ul>
 *   <li>different roles behind a weighted alias: 400 InvalidParameterValueException
 *       "Function versions in a routing configuration must have the same execution role. Version A has
 *       role R1 and version B has role R2."</li>
 *   <li>different dead-letter queues: 400 InvalidParameterValueException "Function versions in a routing
 *       configuration must have the same dead-letter queue configuration. Version A has X and version B has Y."
 *       (X/Y are the target ARN or "none")</li>
 *   <li>mistyped JSON members: 400 InvalidRequestContentException "Could not parse request body into json:
 *       Cannot deserialize value of type `T` from V value at 'Member'"</li>
 *   <li>non-numeric MaxItems: 400 ValidationException "... at 'maxItems' failed to satisfy constraint:
 *       Member must be an integer"; DeleteFunction with an alias qualifier: "Deletion of aliases is not
 *       supported."; missing code: "Please provide a source for function code."; more than 5 layers.</li>
 * </ul>
 *
 * <p>Behaviour kept deliberately like AWS: UpdateAlias without RoutingConfig keeps the current split
 * (so promoting needs {@code "AdditionalVersionWeights": {}}); DeleteFunction of an absent version
 * answers 204; version numbers are never reused; PublishVersion with nothing changed since the newest
 * version (the description aside) returns that version.
 */
package com.lambdarelease.sandbox.lambda;
