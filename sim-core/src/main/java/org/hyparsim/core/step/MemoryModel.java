package org.hyparsim.core.step;

/** The time a compute task spends moving bytes to and from its accelerator's memory (implemented by the accelerator model). */
public interface MemoryModel {
    /** Picoseconds to move {@code bytes} between memory and the on-chip buffer. */
    long transferPs(double bytes);
}
