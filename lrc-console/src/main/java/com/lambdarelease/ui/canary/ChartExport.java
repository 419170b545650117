package com.lambdarelease.ui.canary;

import com.lambdarelease.ui.common.UiContext;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Saves a chart as a PNG (snapshot on the FX thread, encoding and writing off it) or its data as
 * CSV. The file is chosen with a file chooser; outcomes go to the notifier, failures to the one
 * dialog service.
 */
final class ChartExport {

    private final UiContext ui;

    ChartExport(UiContext ui) {
        this.ui = ui;
    }

    /** Asks for a file, then writes the chart's picture. */
    void savePng(MetricChartView view, String baseName, Window owner) {
        File file = choose(owner, baseName + "-" + view.kind().slug() + ".png", "PNG image", "*.png");
        if (file != null) {
            writePng(view.chartNode(), file.toPath());
        }
    }

    /** Asks for a file, then writes the chart's data. */
    void saveCsv(MetricChartView view, String baseName, Window owner) {
        if (view.shown().isEmpty()) {
            ui.notifier().info("No data to export yet for " + view.kind().title() + ".");
            return;
        }
        File file = choose(owner, baseName + "-" + view.kind().slug() + ".csv", "CSV file", "*.csv");
        if (file != null) {
            writeCsv(view.shown().get(), file.toPath());
        }
    }

    /** Snapshots {@code node} now (FX thread) and writes it as PNG on the background scheduler. */
    CompletableFuture<Path> writePng(Node node, Path target) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        return finish(CompletableFuture.supplyAsync(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ui.background()), "Saved the chart as ");
    }

    CompletableFuture<Path> writeCsv(ChartModel model, Path target) {
        return finish(CompletableFuture.supplyAsync(() -> {
            try {
                Files.writeString(target, toCsv(model), StandardCharsets.UTF_8);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ui.background()), "Saved the data as ");
    }

    private CompletableFuture<Path> finish(CompletableFuture<Path> write, String success) {
        return write.whenCompleteAsync((path, error) -> {
            if (error == null) {
                ui.notifier().success(success + path.getFileName());
            } else {
                ui.dialogs().showError("Could not save the file", error.getCause() != null ? error.getCause() : error);
            }
        }, ui.fx());
    }

    /**
     * One row per period: the ISO time, then one column per line ("v3", "v4 p99"). An empty cell
     * is a gap (no datapoint), never a fake zero.
     */
    static String toCsv(ChartModel model) {
        StringBuilder out = new StringBuilder("time");
        List<ChartModel.Line> lines = model.lines();
        lines.forEach(l -> out.append(',').append(l.label()));
        out.append('\n');
        List<Instant> times = new ArrayList<>();
        if (!lines.isEmpty()) {
            lines.get(0).points().forEach(p -> times.add(p.time()));
        }
        for (int i = 0; i < times.size(); i++) {
            out.append(times.get(i));
            for (ChartModel.Line l : lines) {
                out.append(',');
                if (i < l.points().size() && !Double.isNaN(l.points().get(i).value())) {
                    out.append(number(l.points().get(i).value()));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static File choose(Window owner, String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        return chooser.showSaveDialog(owner);
    }
}
