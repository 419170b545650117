package com.lambdarelease.testing;

import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkIdentityService;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkLogsService;
import com.lambdarelease.service.SdkMetricsService;
import com.lambdarelease.service.SdkTrailService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Another operator on another machine, for tests: the release core over SDK clients signed with their own key (a
 * local sandbox's STS names the IAM user after it), their own journal, the sandbox's clock.
 */
public final class OtherOperator {

    private OtherOperator() {
    }

    /** A session as {@code accessKey} in {@code region} on {@code endpoint}, journalling to {@code journal}. */
    public static ReleaseSession session(URI endpoint, String region, String accessKey, Clock clock, Path journal,
                                         Executor io, ScheduledExecutorService timer) {
        AwsClients clients = AwsClients.create(Optional.of(endpoint), Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, accessKey)));
        ConsoleServices services = new ConsoleServices("Sandbox as " + accessKey,
                new SdkLambdaService(clients, RequestBudget.unlimited()), new SdkMetricsService(clients.cloudWatch(), clock),
                new SdkLogsService(clients.logs(), SdkLogsService.filterLogEventsBudget(Clock.systemUTC(), timer)),
                clients.activity(), clock, 1, clients, "key " + accessKey, new SdkIdentityService(clients.sts()),
                // CloudTrail's own rate, as the console keeps to it
                new SdkTrailService(clients.cloudTrail(), SdkTrailService.lookupBudget(Clock.systemUTC(), timer)));
        return ReleaseSession.of(services, ReleaseJournal.at(journal), io);
    }
}
