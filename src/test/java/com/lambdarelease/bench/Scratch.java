package com.lambdarelease.bench;
import com.fasterxml.jackson.databind.*;
import com.lambdarelease.sandbox.*;
import com.lambdarelease.service.*;
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
public class Scratch {
    public static void main(String[] a) throws Exception {
        long L = Long.parseLong(a[0]);
        try (Sandbox s = Sandbox.start(SandboxOptions.forTests().withSyntheticFunctions(9995).withRequestLatency(Duration.ofMillis(L)))) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper m = new ObjectMapper();
            for (int run = 0; run < 4; run++) {
                long t0 = System.nanoTime(); int pages = 0; String marker = null;
                long[] each = new long[200]; int k = 0;
                do {
                    long r0 = System.nanoTime();
                    String q = marker == null ? "" : "&Marker=" + java.net.URLEncoder.encode(marker, "UTF-8");
                    var resp = http.send(HttpRequest.newBuilder(URI.create(s.endpoint() + "/2015-03-31/functions/?MaxItems=50" + q)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    JsonNode n = m.readTree(resp.body()); pages++;
                    marker = n.path("NextMarker").isMissingNode() ? null : n.path("NextMarker").asText();
                    if (k < 200) each[k++] = System.nanoTime() - r0;
                } while (marker != null);
                java.util.Arrays.sort(each);
                System.out.printf("  per request: min %.2f med %.2f p90 %.2f max %.2f ms%n", each[0]/1e6, each[100]/1e6, each[180]/1e6, each[199]/1e6);
                System.out.printf("raw http: %d pages %d ms%n", pages, (System.nanoTime()-t0)/1000000);
            }
            try (AwsClients c = AwsClients.forSandbox(s.endpoint())) {
                var svc = new SdkLambdaService(c.lambda(), RequestBudget.unlimited());
                for (int run = 0; run < 4; run++) {
                    long t0 = System.nanoTime();
                    svc.listAllFunctions().get();
                    System.out.printf("sdk async: %d ms%n", (System.nanoTime()-t0)/1000000);
                }
            }
        }
        System.exit(0);
    }
}
