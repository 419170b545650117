package com.lambdarelease.service.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console remembers of Identity Center between runs, names and ids only (never a token or
 * a credential): favourite account roles, the last account, role and region per session, and the
 * sign-in flow each session was last signed into with.
 *
 * @param favourites starred account roles, in the order they were starred
 * @param last       session label → the last choice made there
 * @param flows      session label → {@code BROWSER} or {@code DEVICE_CODE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SsoMemory(List<Favourite> favourites, Map<String, LastChoice> last, Map<String, String> flows) {

    /** A starred role in an account of a session. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Favourite(String session, String accountId, String accountName, String roleName) {
    }

    /** The account, role and region last connected to through a session. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastChoice(String accountId, String roleName, String region) {
    }

    public SsoMemory {
        favourites = favourites == null ? List.of() : List.copyOf(favourites);
        last = last == null ? Map.of() : Map.copyOf(last);
        flows = flows == null ? Map.of() : Map.copyOf(flows);
    }

    public static SsoMemory empty() {
        return new SsoMemory(List.of(), Map.of(), Map.of());
    }

    public boolean isFavourite(String session, String accountId, String roleName) {
        return favourites.stream().anyMatch(f -> f.session().equals(session) && f.accountId().equals(accountId)
                && f.roleName().equals(roleName));
    }

    /** This memory with the role starred, or unstarred when it already was. */
    public SsoMemory toggleFavourite(Favourite f) {
        List<Favourite> next = new ArrayList<>(favourites);
        if (!next.removeIf(x -> x.session().equals(f.session()) && x.accountId().equals(f.accountId())
                && x.roleName().equals(f.roleName()))) {
            next.add(f);
        }
        return new SsoMemory(next, last, flows);
    }

    public SsoMemory withLast(String session, LastChoice choice) {
        Map<String, LastChoice> next = new LinkedHashMap<>(last);
        next.put(session, choice);
        return new SsoMemory(favourites, next, flows);
    }

    public SsoMemory withFlow(String session, String flow) {
        Map<String, String> next = new LinkedHashMap<>(flows);
        next.put(session, flow);
        return new SsoMemory(favourites, last, next);
    }

    public Optional<LastChoice> lastFor(String session) {
        return Optional.ofNullable(last.get(session));
    }

    public Optional<String> flowFor(String session) {
        return Optional.ofNullable(flows.get(session));
    }
}
