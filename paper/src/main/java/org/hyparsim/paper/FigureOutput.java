package org.hyparsim.paper;

import java.util.List;

/** What a figure writes: its tables (one CSV each) and its charts, in order. */
public interface FigureOutput {
    List<NamedTable> tables();

    List<Chart> charts();
}
