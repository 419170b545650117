package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.TrafficSplit;

import java.util.List;
import java.util.stream.Collectors;

/** A version as the Versions tab shows it: its configuration and the aliases that send it traffic. */
public record VersionRow(FunctionConfig config, List<AliasShare> aliases) {

    /** An alias that points at this version and the share of that alias's traffic it gets. */
    public record AliasShare(String alias, double weight) {
        @Override
        public String toString() {
            return weight >= 1.0 ? alias : alias + " " + TrafficSplit.percent(weight);
        }
    }

    public VersionRow {
        aliases = List.copyOf(aliases);
    }

    public static VersionRow of(FunctionConfig config, List<AliasRoute> allAliases) {
        List<AliasShare> shares = allAliases.stream().filter(a -> a.pointsAt(config.version()))
                .map(a -> new AliasShare(a.name(), a.weightOf(config.version()))).toList();
        return new VersionRow(config, shares);
    }

    public String version() {
        return config.version();
    }

    /** "prod 90% · canary" — who points here, with the weight where it is not all traffic. */
    public String aliasesText() {
        return aliases.stream().map(AliasShare::toString).collect(Collectors.joining(" · "));
    }

    public List<String> aliasNames() {
        return aliases.stream().map(AliasShare::alias).toList();
    }
}
