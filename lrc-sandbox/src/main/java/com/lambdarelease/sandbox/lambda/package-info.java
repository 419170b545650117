/**
 * The sandbox's Lambda backend: restJson1 (2015-03-31) control plane and Invoke, plus provisioned
 * concurrency configs (2019-09-30), answering like AWS (same status, error type and text; see
 * https://docs.aws.amazon.com/lambda/latest/api/welcome.html and AWS's recorded answers).
 *
 * <p>Error texts the sandbox had to invent, because neither AWS's documentation nor a recording gives them:
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
 * <p>Provisioned concurrency texts not in AWS's documentation nor a recording of ours, taken from AWS
 * errors quoted in public issues and from emulators that check themselves against AWS:
 * <ul>
 *   <li>$LATEST (or an alias on $LATEST) on Put: 400 InvalidParameterValueException "Provisioned
 *       Concurrency Configs cannot be applied to unpublished function versions."; on Get/Delete:
 *       "The function resource provided must be an alias or a published version."</li>
 *   <li>no config: 404 ProvisionedConcurrencyConfigNotFoundException "No Provisioned Concurrency Config
 *       found for this function"</li>
 *   <li>alias over a version that has its own config: 409 ResourceConflictException "Alias can't be used
 *       for Provisioned Concurrency configuration on an already Provisioned version"; the reverse:
 *       "Version is pointed by a Provisioned Concurrency alias"</li>
 * </ul>
 * The capacity is bookkeeping: Put answers READY at once with allocated = available = requested, and
 * Invoke ignores it. Deleting the alias or version drops its config; DeleteProvisionedConcurrencyConfig
 * without a config answers 204.
 *
 * <p>Behaviour kept deliberately like AWS: UpdateAlias without RoutingConfig keeps the current split
 * (so promoting needs {@code "AdditionalVersionWeights": {}}); DeleteFunction of an absent version
 * answers 204; version numbers are never reused; PublishVersion with nothing changed since the newest
 * version (the description aside) returns that version.
 */
package com.lambdarelease.sandbox.lambda;
