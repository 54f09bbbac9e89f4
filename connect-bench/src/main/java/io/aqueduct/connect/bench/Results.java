package io.aqueduct.connect.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything measured in one benchmark run, by metric, mode, runtime and repetition. Thread-confined. */
final class Results {

    /** A row of the report: one metric in one mode (standalone, distributed, or the raw client). */
    record Row(Metric metric, String mode) {
    }

    /** One runtime's values in a row, by repetition number, plus why it has none if so. */
    static final class Cell {
        final TreeMap<Integer, Double> byRepetition = new TreeMap<>();
        final List<String> unavailable = new ArrayList<>();

        List<Double> values() {
            return new ArrayList<>(byRepetition.values());
        }
    }

    private final Map<Row, Map<String, Cell>> rows = new LinkedHashMap<>();

    /** Fixes the row's place in the report (rows appear in the order they were first declared or recorded). */
    void declare(Metric metric, String mode) {
        rows.computeIfAbsent(new Row(metric, mode), r -> new LinkedHashMap<>());
    }

    void record(Metric metric, String mode, String runtime, int repetition, double value) {
        cell(metric, mode, runtime).byRepetition.put(repetition, value);
    }

    void unavailable(Metric metric, String mode, String runtime, String reason) {
        Cell cell = cell(metric, mode, runtime);
        if (!cell.unavailable.contains(reason)) {
            cell.unavailable.add(reason);
        }
    }

    Map<Row, Map<String, Cell>> rows() {
        return rows;
    }

    Cell get(Row row, String runtime) {
        return rows.getOrDefault(row, Map.of()).get(runtime);
    }

    /** Aqueduct/Apache for every repetition where both have a value, in repetition order. */
    List<Double> ratios(Row row, String numerator, String denominator) {
        return ratios(get(row, numerator), get(row, denominator));
    }

    /** {@code top}/{@code bottom} for every repetition where both have a non-zero value, in repetition order. */
    static List<Double> ratios(Cell top, Cell bottom) {
        List<Double> ratios = new ArrayList<>();
        if (top == null || bottom == null) {
            return ratios;
        }
        top.byRepetition.forEach((rep, value) -> {
            Double other = bottom.byRepetition.get(rep);
            if (other != null && other != 0) {
                ratios.add(value / other);
            }
        });
        return ratios;
    }

    private Cell cell(Metric metric, String mode, String runtime) {
        return rows.computeIfAbsent(new Row(metric, mode), r -> new LinkedHashMap<>())
                .computeIfAbsent(runtime, r -> new Cell());
    }
}
