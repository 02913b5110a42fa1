package org.hyparsim.noc;

import java.util.Arrays;

/**
 * Slots of a table of arrays: those released are taken again first, then the next never used.
 * The table's owner widens its arrays when {@link #take} returns their length.
 */
final class FreeSlots {
    private int[] free = new int[64];
    private int freeCount;
    private int used;

    /** A slot: one released before, else the next never used (equal to the table's length when it is full). */
    int take() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        return used++;
    }

    void release(int slot) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }
}
