package org.hyparsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figures for people: decimal prefixes for bytes moved, binary ones for memory capacities. */
class UnitsTest {
    @Test
    void decimalBytesUseSiPrefixes() {
        assertEquals("15.94 GB", Units.bytes(15.94e9));
        assertEquals("512 B", Units.bytes(512));
        assertEquals("0 B", Units.bytes(0));
    }

    @Test
    void binaryBytesUsePowersOf1024() {
        assertEquals("4 GiB", Units.binaryBytes(4L << 30));
        assertEquals("1.5 MiB", Units.binaryBytes(1.5 * (1 << 20)));
        assertEquals("1023 B", Units.binaryBytes(1023));
        assertEquals("1 KiB", Units.binaryBytes(1024));
        // 24.98e9 bytes are 24.98e9 / 2^30 = 23.264... GiB
        assertEquals("23.26 GiB", Units.binaryBytes(24.98e9));
        assertEquals("0 B", Units.binaryBytes(0));
    }
}
