package com.lambdarelease.bench;

import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link FirstScreenBenchmark}: what the console does for its first listing, in a
 * fresh JVM (clients built as SessionFactory builds them for an endpoint, the service layer, every
 * page), then {@code warm} more listings. Prints {@code jvm-to-main MS}, {@code cold MS N} and
 * {@code warm MS} lines. No request budget: the sandbox stands for an endpoint without one.
 *
 * <p>Run by the benchmark: {@code java -cp TEST_CLASSPATH com.lambdarelease.bench.ColdListing ENDPOINT WARM}.
 */
public final class ColdListing {

    public static void main(String[] args) throws Exception {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.out.println("jvm-to-main " + Duration.between(started, Instant.now()).toMillis());
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        long t0 = System.nanoTime();
        try (AwsClients clients = AwsClients.create(Optional.of(URI.create(args[0])), Region.US_EAST_1,
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("sandbox", "sandbox")))) {
            SdkLambdaService lambda = new SdkLambdaService(clients, RequestBudget.unlimited());
            int n = lambda.listAllFunctions().get(5, TimeUnit.MINUTES).size();
            System.out.println("cold " + (System.nanoTime() - t0) / 1_000_000 + " " + n);
            for (int i = 0; i < warm; i++) {
                long t = System.nanoTime();
                lambda.listAllFunctions().get(5, TimeUnit.MINUTES);
                System.out.println("warm " + (System.nanoTime() - t) / 1_000_000);
            }
        }
        System.exit(0);
    }
}
