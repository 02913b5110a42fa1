package org.hyparsim.cli;

import java.util.Locale;
import org.hyparsim.core.Units;

/** The text lines of a plan's memory footprint, for {@code plan} and {@code run}. */
final class MemoryLines {
    private MemoryLines() {
    }

    /**
     * "dp: peak memory 23.19 GiB of 4 GiB per accelerator: fits", and below it a warning line when
     * it does not fit (saying so for a timed plan that had to fit and found no plan that does).
     */
    static String of(String strategy, double peakBytes, long capacityBytes, boolean fits, boolean required,
            boolean timed) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s peak memory %s of %s per accelerator: %s%n",
                strategy, Units.binaryBytes(peakBytes), Units.binaryBytes(capacityBytes), fits ? "fits" : "does not fit"));
        if (!fits) {
            sb.append(String.format(Locale.ROOT, "WARNING: %s's plan needs %s on its largest accelerator, more than its "
                    + "%s%s%n", strategy, Units.binaryBytes(peakBytes), Units.binaryBytes(capacityBytes),
                    required && timed ? " (fit: required, but no candidate plan fits: timed chose the fastest)" : ""));
        }
        return sb.toString();
    }
}
