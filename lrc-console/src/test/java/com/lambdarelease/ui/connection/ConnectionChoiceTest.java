package com.lambdarelease.ui.connection;

import com.lambdarelease.service.connection.AwsProfiles.ProfileInfo;
import com.lambdarelease.service.connection.ConnectionSpec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionChoiceTest {

    private final List<ProfileInfo> profiles = List.of(
            new ProfileInfo("dev", Optional.of("eu-west-1"), false),
            new ProfileInfo("prod-admin", Optional.of("eu-central-1"), true));

    @Test
    void pickingAProfileTakesItsRegion() {
        ConnectionChoice choice = new ConnectionChoice();
        choice.startFrom(new ConnectionSpec.Sandbox(), profiles);
        choice.kindProperty().set(ConnectionChoice.Kind.PROFILE);
        choice.selectProfile("prod-admin");

        assertThat(choice.toSpec()).contains(new ConnectionSpec.Profile("prod-admin", "eu-central-1"));
    }

    @Test
    void aMistypedRegionIsRefusedWithAReason() {
        ConnectionChoice choice = new ConnectionChoice();
        choice.startFrom(new ConnectionSpec.Profile("dev", "eu-west-1"), profiles);
        choice.regionProperty().set("Frankfurt");

        assertThat(choice.validProperty().get()).isFalse();
        assertThat(choice.problemProperty().get()).contains("'Frankfurt' is not an AWS region name");
        assertThat(choice.toSpec()).isEmpty();
        assertThat(choice.regionProperty().get()).as("what was typed is kept").isEqualTo("Frankfurt");
    }

    @Test
    void aCustomEndpointNeedsAnHttpUrl() {
        ConnectionChoice choice = new ConnectionChoice();
        choice.kindProperty().set(ConnectionChoice.Kind.ENDPOINT);
        choice.endpointProperty().set("localhost:4566");
        assertThat(choice.problemProperty().get()).contains("http:// or https://");

        choice.endpointProperty().set("http://localhost:4566");
        assertThat(choice.toSpec()).contains(new ConnectionSpec.CustomEndpoint(URI.create("http://localhost:4566"),
                "us-east-1", Optional.empty()));
    }

    @Test
    void anUnknownProfileIsNamed() {
        ConnectionChoice choice = new ConnectionChoice();
        choice.startFrom(new ConnectionSpec.Sandbox(), profiles);
        choice.kindProperty().set(ConnectionChoice.Kind.PROFILE);
        choice.profileProperty().set("nobody");
        assertThat(choice.problemProperty().get()).isEqualTo("There is no profile named 'nobody'.");
    }
}
