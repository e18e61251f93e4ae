package io.transferbench.run;

import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

import java.time.Duration;
import java.util.Locale;

/**
 * The bar's one line, fitted to the terminal: {@code suite 40% [====>     ] 4/10 0:01:10 ETA 0:01:45 label}.
 * The library's own renderer gave the bar whatever width the (long) cell label left, so it
 * collapsed to {@code [=]}; here the bar keeps a minimum width and the label is cut instead.
 */
final class BarLine implements ProgressBarRenderer {

    static final int MIN_BAR = 10;
    static final int MAX_BAR = 40;
    private static final int MIN_LABEL = 8;

    @Override
    public String render(ProgressState state, int maxLength) {
        return format(state.getTaskName(), state.getStart(), state.getCurrent(), state.getMax(),
                state.getElapsedAfterStart(), state.getExtraMessage(), maxLength);
    }

    /**
     * @param start cells already done when this process started (they say nothing of the pace)
     * @param elapsed time since this process started on the grid
     */
    static String format(String task, long start, long current, long max, Duration elapsed, String label, int width) {
        int percent = max <= 0 ? 100 : (int) (100 * current / max);
        String head = task + String.format(Locale.ROOT, " %3d%% ", percent);
        String tail = " " + current + "/" + max + " " + clock(elapsed) + " ETA " + eta(start, current, max, elapsed);
        int room = width - head.length() - tail.length() - 2;
        int barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, room - MIN_LABEL - 1));
        StringBuilder line = new StringBuilder(head).append('[').append(bar(current, max, barWidth)).append(']')
                .append(tail);
        // one column is kept free: a line as wide as the terminal wraps, and the next redraw lands below it
        int labelRoom = width - line.length() - 2;
        if (label != null && !label.isEmpty() && labelRoom >= MIN_LABEL) {
            line.append(' ').append(label.length() <= labelRoom ? label : label.substring(0, labelRoom - 1) + "…");
        }
        return line.length() < width ? line.toString() : line.substring(0, Math.max(0, width - 1));
    }

    private static String bar(long current, long max, int width) {
        int filled = max <= 0 ? width : (int) (width * Math.min(current, max) / max);
        StringBuilder bar = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return bar.toString();
    }

    /** Remaining time at this session's pace per cell; unknown until a cell has finished. */
    static String eta(long start, long current, long max, Duration elapsed) {
        long done = current - start;
        if (done <= 0 || current >= max) {
            return current >= max ? clock(Duration.ZERO) : "?";
        }
        return clock(elapsed.multipliedBy(max - current).dividedBy(done));
    }

    static String clock(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
