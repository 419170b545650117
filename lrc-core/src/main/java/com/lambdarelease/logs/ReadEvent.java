package com.lambdarelease.logs;

import com.lambdarelease.domain.FunctionLogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A log event with what it says already read: its error signature if it is a runtime error, its
 * REPORT figures if it is one. Made off the UI thread, so showing a batch only files them.
 */
public record ReadEvent(FunctionLogEvent event, Optional<ErrorSignature> signature, Optional<RunReport> report) {

    public static ReadEvent of(FunctionLogEvent e) {
        return new ReadEvent(e, ErrorSignature.of(e.message()), RunReport.parse(e.message()));
    }

    public static List<ReadEvent> all(List<FunctionLogEvent> events) {
        List<ReadEvent> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(of(e)));
        return List.copyOf(out);
    }

    public boolean isError() {
        return signature.isPresent();
    }
}
