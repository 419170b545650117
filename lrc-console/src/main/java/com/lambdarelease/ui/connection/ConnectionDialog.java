package com.lambdarelease.ui.connection;

import com.lambdarelease.service.connection.AwsProfiles.ProfileInfo;
import com.lambdarelease.service.connection.ConnectionSpec;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import software.amazon.awssdk.regions.Region;

import java.util.List;
import java.util.Optional;

/** The connection chooser: sandbox, an AWS profile in a region, or a custom endpoint. */
public final class ConnectionDialog {

    private final ConnectionChoice choice;
    private final Dialog<ConnectionSpec> dialog = new Dialog<>();
    private final Runnable identityCenter;
    private boolean handedOver;

    public ConnectionDialog(ConnectionChoice choice, Window owner) {
        this(choice, owner, null);
    }

    /** With a "Sign in with IAM Identity Center" button that closes this chooser and runs {@code identityCenter}. */
    public ConnectionDialog(ConnectionChoice choice, Window owner, Runnable identityCenter) {
        this.choice = choice;
        this.identityCenter = identityCenter;
        dialog.setTitle("Connect");
        dialog.setHeaderText("Where are your Lambda functions?");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType connect = new ButtonType("_Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().setMinWidth(600);
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(choice.validProperty().not());
        dialog.setResultConverter(b -> b == connect ? choice.toSpec().orElse(null) : null);
    }

    /** Shows the dialog; the answer arrives when the operator closes it (empty on Cancel). */
    public void show(java.util.function.Consumer<Optional<ConnectionSpec>> answer) {
        dialog.setOnHidden(e -> {
            if (handedOver) {
                identityCenter.run();
            } else {
                answer.accept(Optional.ofNullable(dialog.getResult()));
            }
        });
        dialog.show();
    }

    Dialog<ConnectionSpec> dialog() {
        return dialog;
    }

    private GridPane form() {
        ToggleGroup kinds = new ToggleGroup();
        RadioButton sandbox = radio("_Sandbox: a demo account on this computer", ConnectionChoice.Kind.SANDBOX, kinds);
        RadioButton profile = radio("AWS _profile", ConnectionChoice.Kind.PROFILE, kinds);
        RadioButton endpoint = radio("Custom _endpoint (LocalStack, a sandbox elsewhere)", ConnectionChoice.Kind.ENDPOINT, kinds);
        kinds.selectToggle(List.of(sandbox, profile, endpoint).get(choice.kindProperty().get().ordinal()));
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                choice.kindProperty().set((ConnectionChoice.Kind) b.getUserData());
            }
        });

        ComboBox<ProfileInfo> profiles = new ComboBox<>(choice.profiles());
        profiles.setId("connection-profile");
        profiles.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProfileInfo p) {
                return p == null ? "" : p.name() + (p.usesSso() ? "  (IAM Identity Center)" : "");
            }

            @Override
            public ProfileInfo fromString(String s) {
                return null;
            }
        });
        profiles.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ProfileInfo p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? "" : profiles.getConverter().toString(p));
            }
        });
        choice.profiles().stream().filter(p -> p.name().equals(choice.profileProperty().get())).findFirst()
                .ifPresent(profiles.getSelectionModel()::select);
        profiles.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> choice.selectProfile(b == null ? "" : b.name()));
        profiles.disableProperty().bind(choice.kindProperty().isEqualTo(ConnectionChoice.Kind.SANDBOX));

        ComboBox<String> region = new ComboBox<>();
        region.setId("connection-region");
        region.setEditable(true);
        region.getItems().setAll(Region.regions().stream().map(Region::id).filter(id -> !id.startsWith("aws-")).sorted().toList());
        region.getEditor().textProperty().bindBidirectional(choice.regionProperty());
        region.disableProperty().bind(choice.kindProperty().isEqualTo(ConnectionChoice.Kind.SANDBOX));

        TextField url = new TextField();
        url.setId("connection-endpoint");
        url.textProperty().bindBidirectional(choice.endpointProperty());
        url.disableProperty().bind(choice.kindProperty().isNotEqualTo(ConnectionChoice.Kind.ENDPOINT));

        Label problem = new Label();
        problem.setId("connection-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        problem.textProperty().bind(choice.problemProperty());

        for (javafx.scene.control.Control c : List.of(profiles, region, url)) {
            c.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(c, javafx.scene.layout.Priority.ALWAYS);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.add(sandbox, 0, 0, 2, 1);
        grid.add(profile, 0, 1, 2, 1);
        grid.add(endpoint, 0, 2, 2, 1);
        grid.addRow(3, labelFor("Profile:", profiles), profiles);
        grid.addRow(4, labelFor("Region:", region), region);
        grid.addRow(5, labelFor("Endpoint URL:", url), url);
        grid.add(problem, 0, 6, 2, 1);
        if (identityCenter != null) {
            javafx.scene.control.Button sso = new javafx.scene.control.Button("Sign in with IAM Identity Center…");
            sso.setId("connection-identity-center");
            sso.setOnAction(e -> {
                handedOver = true;
                dialog.setResult(null);
                dialog.close();
            });
            grid.add(new javafx.scene.control.Separator(), 0, 7, 2, 1);
            Label or = new Label("Or reach your accounts through IAM Identity Center (AWS SSO), with no profile:");
            or.setWrapText(true);
            or.setMaxWidth(540);
            grid.add(or, 0, 8, 2, 1);
            grid.add(sso, 0, 9, 2, 1);
        }
        return grid;
    }

    private RadioButton radio(String text, ConnectionChoice.Kind kind, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setUserData(kind);
        b.setToggleGroup(group);
        b.setId("connection-kind-" + kind.name().toLowerCase());
        return b;
    }

    private static Label labelFor(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        return l;
    }
}
