package com.lambdarelease.ui.sso;

import com.lambdarelease.service.sso.SsoAccount;
import com.lambdarelease.service.sso.SsoSignIn;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import software.amazon.awssdk.regions.Region;

/**
 * The Identity Center sign-in and account picker, built in code over {@link SsoPickerModel}: where to
 * sign in and how, the device code while it waits, then a searchable account list whose selection
 * loads that account's roles, a region, and a favourite star.
 */
public final class SsoPickerView {

    public static final String SESSION_ID = "sso-session";
    public static final String SIGN_IN_ID = "sso-sign-in";
    public static final String DEVICE_CODE_ID = "sso-device-code";
    public static final String MESSAGE_ID = "sso-message";
    public static final String FILTER_ID = "sso-filter";
    public static final String ACCOUNTS_ID = "sso-accounts";
    public static final String ROLES_ID = "sso-roles";
    public static final String REGION_ID = "sso-lambda-region";
    public static final String FAVOURITE_ID = "sso-favourite";
    public static final String PROFILE_NAME_ID = "sso-profile-name";
    public static final String SAVE_PROFILE_ID = "sso-save-profile";

    private final SsoPickerModel model;
    private final VBox root;

    public SsoPickerView(SsoPickerModel model) {
        this.model = model;
        root = new VBox(10, signInPane(), pickerPane());
        root.setPadding(new Insets(4, 10, 4, 10));
        root.getStyleClass().add("sso-picker");
    }

    public Node node() {
        return root;
    }

    /** One account: its name (starred when a role there is a favourite), its id, the email on hover. */
    private final class AccountCell extends ListCell<SsoAccount> {
        private final Label name = new Label();
        private final Label id = new Label();
        private final HBox box = new HBox(10, name, id);

        AccountCell() {
            id.getStyleClass().add("text-muted");
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0); // never wider than the list: no sideways scrolling
        }

        @Override
        protected void updateItem(SsoAccount a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText((model.isFavourite(a) ? "★ " : "") + a.accountName());
            id.setText(a.accountId());
            setTooltip(new javafx.scene.control.Tooltip(a.emailAddress()));
            setGraphic(box);
        }
    }

    private Node signInPane() {
        ToggleGroup where = new ToggleGroup();
        RadioButton configured = new RadioButton("Session");
        RadioButton typed = new RadioButton("Start URL");
        configured.setToggleGroup(where);
        typed.setToggleGroup(where);
        where.selectToggle(model.typedProperty().get() ? typed : configured);
        where.selectedToggleProperty().subscribe(t -> model.typedProperty().set(t == typed));

        ComboBox<String> sessions = new ComboBox<>(model.sessionNames());
        sessions.setId(SESSION_ID);
        sessions.setMaxWidth(Double.MAX_VALUE);
        sessions.valueProperty().bindBidirectional(model.sessionNameProperty());
        sessions.setOnAction(e -> model.selectSession(sessions.getValue()));
        sessions.disableProperty().bind(typed.selectedProperty());
        TextField startUrl = new TextField();
        startUrl.setId("sso-start-url");
        startUrl.setPromptText("https://my-org.awsapps.com/start");
        startUrl.textProperty().bindBidirectional(model.startUrlProperty());
        TextField ssoRegion = new TextField();
        ssoRegion.setId("sso-region");
        ssoRegion.setPrefColumnCount(10);
        ssoRegion.textProperty().bindBidirectional(model.ssoRegionProperty());
        HBox typedRow = new HBox(8, startUrl, new Label("Region:"), ssoRegion);
        typedRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(startUrl, Priority.ALWAYS);
        typedRow.disableProperty().bind(configured.selectedProperty());

        ToggleGroup flows = new ToggleGroup();
        RadioButton browser = new RadioButton("In the browser, opened once (recommended)");
        browser.setId("sso-flow-browser");
        RadioButton device = new RadioButton("With a code confirmed on any device (remote hosts, no browser here)");
        device.setId("sso-flow-device");
        browser.setToggleGroup(flows);
        device.setToggleGroup(flows);
        model.flowProperty().subscribe(f -> flows.selectToggle(f == SsoSignIn.Flow.DEVICE_CODE ? device : browser));
        flows.selectedToggleProperty().subscribe(t -> model.flowProperty().set(t == device
                ? SsoSignIn.Flow.DEVICE_CODE : SsoSignIn.Flow.BROWSER));

        Button signIn = new Button("Sign in", new FontIcon(Feather.LOG_IN));
        signIn.setId(SIGN_IN_ID);
        signIn.setDefaultButton(false);
        signIn.disableProperty().bind(model.phaseProperty().isEqualTo(SsoPickerModel.Phase.SIGNING_IN));
        signIn.setOnAction(e -> model.signIn());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.phaseProperty().isEqualTo(SsoPickerModel.Phase.SIGNING_IN));
        Label code = new Label();
        code.setId(DEVICE_CODE_ID);
        code.getStyleClass().addAll("title-2", "sso-device-code");
        code.textProperty().bind(model.deviceCodeProperty());
        code.visibleProperty().bind(model.deviceCodeProperty().isNotEmpty());
        code.managedProperty().bind(code.visibleProperty());
        HBox actions = new HBox(10, signIn, busy, code);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, configured, sessions);
        grid.addRow(1, typed, typedRow);
        grid.addRow(2, new Label("Sign in"), new VBox(6, browser, device));
        sessions.setTooltip(new javafx.scene.control.Tooltip("The [sso-session] sections of ~/.aws/config; "
                + "\"sandbox\" is the embedded sandbox's own Identity Center"));
        GridPane.setHgrow(sessions, Priority.ALWAYS);
        GridPane.setHgrow(typedRow, Priority.ALWAYS);
        Label title = new Label("1  Sign in to IAM Identity Center");
        title.getStyleClass().add("title-4");
        return new VBox(8, title, grid, actions, message);
    }

    private Node pickerPane() {
        TextField filter = new TextField();
        filter.setId(FILTER_ID);
        filter.setPromptText("Search accounts by name, id or email");
        filter.textProperty().bindBidirectional(model.filterProperty());
        ListView<SsoAccount> accounts = new ListView<>(model.visibleAccounts());
        accounts.setId(ACCOUNTS_ID);
        accounts.setPlaceholder(new Label("Sign in to see your accounts."));
        accounts.getStyleClass().add("dense");
        accounts.setCellFactory(list -> new AccountCell());
        accounts.getSelectionModel().selectedItemProperty().subscribe(a -> {
            if (a != null) {
                model.accountProperty().set(a);
            }
        });
        model.accountProperty().subscribe(a -> {
            if (a != null && accounts.getSelectionModel().getSelectedItem() != a) {
                accounts.getSelectionModel().select(a);
                accounts.scrollTo(a);
            }
        });
        VBox.setVgrow(accounts, Priority.ALWAYS);
        VBox left = new VBox(6, filter, accounts);
        HBox.setHgrow(left, Priority.ALWAYS);

        ListView<String> roles = new ListView<>(model.roles());
        roles.setId(ROLES_ID);
        roles.setPlaceholder(new Label("Pick an account."));
        roles.setPrefWidth(250);
        roles.setMinHeight(100); // three roles stay visible on a 700-pixel screen
        roles.getStyleClass().add("dense");
        roles.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : (model.isFavouriteRole(r) ? "★ " : "") + r);
            }
        });
        roles.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r != null) {
                model.roleProperty().set(r);
            }
        });
        model.roleProperty().subscribe(r -> {
            if (r != null && !r.equals(roles.getSelectionModel().getSelectedItem())) {
                roles.getSelectionModel().select(r);
            }
        });
        ComboBox<String> region = new ComboBox<>();
        region.setId(REGION_ID);
        region.setEditable(true);
        region.setMaxWidth(Double.MAX_VALUE);
        region.getItems().setAll(Region.regions().stream().map(Region::id).filter(id -> !id.startsWith("aws-")).sorted().toList());
        region.getEditor().textProperty().bindBidirectional(model.regionProperty());
        Button favourite = new Button("Favourite", new FontIcon(Feather.STAR));
        favourite.setId(FAVOURITE_ID);
        favourite.disableProperty().bind(model.roleProperty().isNull());
        favourite.setOnAction(e -> {
            model.toggleFavourite();
            roles.refresh();
            accounts.getSelectionModel().select(model.accountProperty().get()); // the list was re-sorted
            accounts.scrollTo(model.accountProperty().get());
        });
        TextField profileName = new TextField();
        profileName.setId(PROFILE_NAME_ID);
        profileName.setPromptText("profile name");
        model.roleProperty().subscribe(r -> profileName.setText(r == null || model.accountProperty().get() == null ? ""
                : model.accountProperty().get().accountName() + "-" + r));
        Button save = new Button("Save…");
        save.setTooltip(new javafx.scene.control.Tooltip("Save as a profile in ~/.aws/config (the lines are shown first)"));
        save.setId(SAVE_PROFILE_ID);
        save.disableProperty().bind(model.canConnectProperty().not());
        save.setOnAction(e -> model.saveAsProfile(profileName.getText()));
        VBox.setVgrow(roles, Priority.ALWAYS);
        HBox.setHgrow(profileName, Priority.ALWAYS);
        HBox saveRow = new HBox(6, profileName, save);
        VBox right = new VBox(6, new Label("Role"), roles, new Label("Lambda region"), region, favourite,
                new Label("AWS CLI profile"), saveRow);
        HBox body = new HBox(12, left, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label title = new Label("2  Account, role and region");
        title.getStyleClass().add("title-4");
        VBox pane = new VBox(8, title, body);
        VBox.setVgrow(pane, Priority.ALWAYS);
        pane.disableProperty().bind(model.phaseProperty().isNotEqualTo(SsoPickerModel.Phase.SIGNED_IN));
        return pane;
    }
}
