package dev.boulevard.benchmarks.charts;

import dev.boulevard.benchmarks.charts.Charts.Pair;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/** Draws one PNG bar chart of a results file with JFreeChart. */
final class Bars {

  private Bars() {}

  /** Draws the chart; returns false, drawing nothing, when the file has nothing to draw. */
  static boolean draw(String name, List<Result> results, List<Pair> pairs, Path png)
      throws IOException {
    var data = new DefaultStatisticalCategoryDataset();
    boolean sampled = results.stream().anyMatch(r -> !r.percentiles().isEmpty());
    if (sampled) {
      for (Result r : results) {
        String column = r.label();
        data.add(r.percentiles().getOrDefault("50.0", 0.0).doubleValue(), 0.0, "p50", column);
        data.add(r.percentiles().getOrDefault("99.0", 0.0).doubleValue(), 0.0, "p99", column);
      }
    } else {
      boolean baselines = pairs.stream().anyMatch(p -> p.baseline().isPresent());
      boolean peers = pairs.stream().anyMatch(p -> p.peer().isPresent() || p.measured().peer());
      for (Pair pair : pairs) {
        Result r = pair.measured();
        String column =
            r.method()
                + " "
                + r.label()
                + pair.baseline()
                    .map(b -> String.format(Locale.ROOT, " (%.2f× plain)", r.ratioTo(b)))
                    .orElse("")
                + pair.peer()
                    .map(a -> String.format(Locale.ROOT, " (%.2f× Axon)", r.ratioTo(a)))
                    .orElse("");
        Optional<Result> axon = r.peer() ? Optional.of(r) : pair.peer();
        Optional<Result> boulevard = r.peer() ? Optional.empty() : Optional.of(r);
        // Every series in every column, empty where missing, keeps the series' order and colours.
        data.add(
            boulevard.map(Result::score).orElse(null),
            boulevard.map(Result::error).orElse(null),
            "Boulevard",
            column);
        if (baselines) {
          data.add(
              pair.baseline().map(Result::score).orElse(null),
              pair.baseline().map(Result::error).orElse(null),
              "baseline",
              column);
        }
        if (peers) {
          data.add(
              axon.map(Result::score).orElse(null),
              axon.map(Result::error).orElse(null),
              "Axon",
              column);
        }
      }
    }
    if (data.getColumnCount() == 0) {
      return false;
    }
    String unit = results.get(0).unit();
    var categories = new CategoryAxis();
    categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    categories.setMaximumCategoryLabelLines(3);
    var renderer = new StatisticalBarRenderer();
    renderer.setErrorIndicatorPaint(Color.BLACK);
    renderer.setSeriesPaint(0, new Color(0x1f77b4));
    renderer.setSeriesPaint(1, new Color(0xaaaaaa));
    if (data.getRowIndex("Axon") >= 0) {
      renderer.setSeriesPaint(data.getRowIndex("Axon"), new Color(0xff7f0e));
    }
    double max = 0;
    double min = Double.MAX_VALUE;
    for (int row = 0; row < data.getRowCount(); row++) {
      for (int column = 0; column < data.getColumnCount(); column++) {
        Number value = data.getValue(row, column);
        if (value != null && value.doubleValue() > 0) {
          max = Math.max(max, value.doubleValue());
          min = Math.min(min, value.doubleValue());
        }
      }
    }
    // Scores across databases can differ a hundredfold: a log axis keeps the small ones visible.
    ValueAxis values = new NumberAxis(unit);
    if (max / min > 20) {
      values = new LogAxis(unit + " (log scale)");
      values.setRange(min / 2, max * 2);
    }
    var plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    var chart =
        new JFreeChart(
            name
                + (sampled ? " (latency)" : " (ratios: Boulevard ÷ plain, Boulevard ÷ Axon speed)"),
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    int width = Math.max(800, 120 * data.getColumnCount());
    ChartUtils.saveChartAsPNG(png.toFile(), chart, width, 600);
    return true;
  }
}
