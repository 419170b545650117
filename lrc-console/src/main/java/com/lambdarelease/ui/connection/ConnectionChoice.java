package com.lambdarelease.ui.connection;

import com.lambdarelease.service.connection.AwsProfiles.ProfileInfo;
import com.lambdarelease.service.connection.ConnectionSpec;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * View-model of the connection chooser: the kind of connection, profile, region and endpoint the
 * operator typed, whether they make a connection, and why not. Holds no Node.
 */
public final class ConnectionChoice {

    public enum Kind { SANDBOX, PROFILE, ENDPOINT }

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.SANDBOX);
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "us-east-1");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "http://localhost:4566");
    private final ObservableList<ProfileInfo> profiles = FXCollections.observableArrayList();
    private final StringBinding problem;

    public ConnectionChoice() {
        problem = Bindings.createStringBinding(this::findProblem, kind, profile, region, endpoint, profiles);
    }

    /** Starts from what is connected now, so the dialog opens on the current choice. */
    public void startFrom(ConnectionSpec current, List<ProfileInfo> available) {
        profiles.setAll(available);
        if (current instanceof ConnectionSpec.Profile p) {
            kind.set(Kind.PROFILE);
            profile.set(p.profileName());
            region.set(p.region());
        } else if (current instanceof ConnectionSpec.CustomEndpoint e) {
            kind.set(Kind.ENDPOINT);
            endpoint.set(e.endpoint().toString());
            region.set(e.region());
            profile.set(e.profileName().orElse(""));
        } else {
            kind.set(Kind.SANDBOX);
            if (!available.isEmpty()) {
                profile.set(available.get(0).name());
                available.get(0).region().ifPresent(region::set);
            }
        }
    }

    /** Picking a profile takes its region, as the AWS CLI would. */
    public void selectProfile(String name) {
        profile.set(name == null ? "" : name);
        profiles.stream().filter(p -> p.name().equals(name)).findFirst()
                .flatMap(ProfileInfo::region).ifPresent(region::set);
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public ObservableList<ProfileInfo> profiles() {
        return profiles;
    }

    /** Why the current input makes no connection; empty when it does. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return problem.isEmpty();
    }

    /** The connection the input describes, or empty when {@link #problemProperty()} says why not. */
    public Optional<ConnectionSpec> toSpec() {
        if (!findProblem().isEmpty()) {
            return Optional.empty();
        }
        String r = region.get().trim();
        return Optional.of(switch (kind.get()) {
            case SANDBOX -> new ConnectionSpec.Sandbox();
            case PROFILE -> new ConnectionSpec.Profile(profile.get().trim(), r);
            case ENDPOINT -> new ConnectionSpec.CustomEndpoint(URI.create(endpoint.get().trim()), r,
                    Optional.of(profile.get().trim()).filter(s -> !s.isEmpty()));
        });
    }

    private String findProblem() {
        Kind k = kind.get();
        if (k == Kind.SANDBOX) {
            return "";
        }
        String r = region.get() == null ? "" : region.get().trim();
        if (!REGION.matcher(r).matches()) {
            return "'" + r + "' is not an AWS region name (for example eu-west-1).";
        }
        if (k == Kind.PROFILE) {
            String p = profile.get() == null ? "" : profile.get().trim();
            if (p.isEmpty()) {
                return profiles.isEmpty() ? "No AWS profiles were found in ~/.aws/config or ~/.aws/credentials."
                        : "Choose a profile.";
            }
            if (profiles.stream().noneMatch(i -> i.name().equals(p))) {
                return "There is no profile named '" + p + "'.";
            }
            return "";
        }
        String e = endpoint.get() == null ? "" : endpoint.get().trim();
        try {
            URI uri = new URI(e);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return "The endpoint must be an http:// or https:// URL with a host, like http://localhost:4566.";
            }
        } catch (java.net.URISyntaxException ex) {
            return "The endpoint is not a valid URL: " + ex.getReason() + ".";
        }
        return "";
    }
}
