package org.hyparsim.core.step;

/** One interval of the replay for a trace: a compute task on an accelerator, or a transfer it sent. */
public record TraceEvent(String name, String category, int accelerator, boolean transfer, long startPs, long endPs) {
}
