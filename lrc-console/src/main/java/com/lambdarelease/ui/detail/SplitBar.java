package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.TrafficSplit;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** An alias's traffic split drawn as a bar (primary, then additional version) beside "90% v3 · 10% v4". */
public final class SplitBar extends HBox {
    public static final String STYLE = "split-bar";
    private static final double WIDTH = 120;

    private final Region primary = new Region();
    private final Region canary = new Region();
    private final Label text = new Label();

    public SplitBar() {
        super(8);
        getStyleClass().add(STYLE);
        primary.getStyleClass().add("split-primary");
        canary.getStyleClass().add("split-canary");
        HBox bar = new HBox(primary, canary);
        bar.getStyleClass().add("split-track");
        bar.setMinWidth(WIDTH);
        bar.setMaxWidth(WIDTH);
        bar.setPrefHeight(10);
        bar.setMaxHeight(10);
        getChildren().addAll(bar, text);
        setAlignment(Pos.CENTER_LEFT);
    }

    public void show(TrafficSplit split) {
        primary.setPrefWidth(WIDTH * split.primaryWeight());
        primary.setMinWidth(WIDTH * split.primaryWeight());
        canary.setPrefWidth(WIDTH * split.canaryWeight());
        canary.setMinWidth(WIDTH * split.canaryWeight());
        canary.setVisible(split.isSplit());
        text.setText(split.describe());
        Tooltip.install(this, new Tooltip(split.describe()));
    }

    public String text() {
        return text.getText();
    }
}
