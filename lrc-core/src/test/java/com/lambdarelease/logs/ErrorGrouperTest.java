package com.lambdarelease.logs;

import com.lambdarelease.domain.FunctionLogEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Error lines of each runtime grouped by masked signature, counted per version, marked when only one version says it. */
class ErrorGrouperTest {

    private static int id;

    private static FunctionLogEvent event(String version, String message) {
        id++;
        return new FunctionLogEvent(Instant.ofEpochSecond(1_800_000_000L + id), version, "2026/12/01/[" + version + "]abc",
                message, "e" + id);
    }

    @Test
    void theSameFailureWithOtherNumbersAndIdsIsOneSignature() {
        assertThat(ErrorSignature.mask("No pricing rule matches tier 'gold-4821' for order ord-3f9a1c2e"))
                .isEqualTo("No pricing rule matches tier 'gold-<n>' for order ord-<hex>");
        assertThat(ErrorSignature.mask("request 0b0f3a2e-1c4d-4e5f-a6b7-c8d9e0f1a2b3 took 182.5 ms"))
                .isEqualTo("request <id> took <n> ms");
        assertThat(ErrorSignature.mask("cannot identify image file <_io.BytesIO object at 0x7f1a2b3c4d>"))
                .isEqualTo("cannot identify image file <_io.BytesIO object at <hex>>");
        assertThat(ErrorSignature.mask("connect ETIMEDOUT 10.0.31.17:443")).isEqualTo("connect ETIMEDOUT <n>.<n>.<n>.<n>:<n>");
        assertThat(ErrorSignature.mask("order ord-31415926 failed")).as("an id that happens to be all digits")
                .isEqualTo(ErrorSignature.mask("order ord-3f9a1c2e failed"));
    }

    @Test
    void eachRuntimesErrorLineIsRead() {
        assertThat(ErrorSignature.of("[ERROR] KeyError: 'customer_id'\nTraceback (most recent call last):\n  File ..."))
                .contains(new ErrorSignature("KeyError", "'customer_id'"));
        assertThat(ErrorSignature.of("2026-12-01T10:00:00.123Z\tabc\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\","
                + "\"errorMessage\":\"Cannot read properties of undefined (reading 'items')\",\"stack\":[]}"))
                .contains(new ErrorSignature("TypeError", "Cannot read properties of undefined (reading 'items')"));
        assertThat(ErrorSignature.of("{\"errorMessage\":\"Signature check failed for event evt_1a2b3c4d\","
                + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[]}"))
                .contains(new ErrorSignature("java.lang.IllegalStateException", "Signature check failed for event evt_<hex>"));
        assertThat(ErrorSignature.of("START RequestId: x Version: 4")).isEmpty();
        assertThat(ErrorSignature.of("LAMBDA_WARNING: Unhandled exception. The most likely cause")).isEmpty();
        assertThat(ErrorSignature.of("REPORT RequestId: x\tDuration: 3000.00 ms\tStatus: timeout")).isPresent();
    }

    @Test
    void countsPerVersionAndMarksWhatOnlyTheCanarySays() {
        ErrorGrouper g = new ErrorGrouper();
        g.add(event("3", "[ERROR] KeyError: 'customer_id'"));
        g.add(event("4", "[ERROR] KeyError: 'customer_id'"));
        FunctionLogEvent first = event("4", "[ERROR] PricingRuleError: No pricing rule matches tier 'gold-12' for order ord-aa11bb22");
        g.add(first);
        g.add(event("4", "[ERROR] PricingRuleError: No pricing rule matches tier 'gold-99' for order ord-cc33dd44"));
        g.add(event("4", "START RequestId: y Version: 4"));

        g.add(event("4", "[ERROR] PricingRuleError: No pricing rule matches tier 'gold-7' for order ord-ee55ff66"));
        List<ErrorGroup> groups = g.groups(List.of("3", "4"));
        assertThat(groups).hasSize(2);
        ErrorGroup pricing = groups.get(0);
        assertThat(pricing.signature().text()).isEqualTo("PricingRuleError: No pricing rule matches tier 'gold-<n>' for order ord-<hex>");
        assertThat(pricing.counts()).containsExactly(java.util.Map.entry("3", 0), java.util.Map.entry("4", 3));
        assertThat(pricing.onlyIn()).contains("4");
        assertThat(groups.get(1).onlyIn()).isEmpty();
        g.add(event("3", "[ERROR] TimeoutError: Connection to orders-db.internal:5432 timed out after 3000 ms"));
        assertThat(g.groups(List.of("3", "4"))).filteredOn(x -> x.signature().type().equals("TimeoutError"))
                .singleElement().satisfies(x -> assertThat(x.onlyIn()).as("the primary's own are not new").isEmpty());
        assertThat(groups.get(1).counts()).containsEntry("3", 1).containsEntry("4", 1);

        g.remove(first);
        assertThat(g.groups(List.of("3", "4")).get(0).total()).isEqualTo(2);
        assertThat(g.groups(List.of("4")).get(0).onlyIn()).as("nothing to compare with").isEqualTo(Optional.empty());
    }

    @Test
    void reportLinesGiveColdStartsAndMemory() {
        RunReport cold = RunReport.parse("REPORT RequestId: a\tDuration: 26.73 ms\tBilled Duration: 27 ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: 75 MB\tInit Duration: 130.49 ms\t").orElseThrow();
        RunReport warm = RunReport.parse("REPORT RequestId: b\tDuration: 12.00 ms\tBilled Duration: 12 ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: 79 MB\t").orElseThrow();
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initMs().getAsDouble()).isEqualTo(130.49);
        assertThat(warm.coldStart()).isFalse();
        RunStats stats = RunStats.NONE.plus(cold).plus(warm);
        assertThat(stats.summary()).isEqualTo("1 cold start in 2 runs (mean init 130 ms) · max memory 79 of 128 MB");
        assertThat(RunReport.parse("REPORT garbage")).isEmpty();
    }
}
