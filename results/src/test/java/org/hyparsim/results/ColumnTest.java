package org.hyparsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.results.report.Table;
import org.junit.jupiter.api.Test;

/** One column model, four writers: CSV, JSON, text and Markdown tables of the same columns agree. */
class ColumnTest {
    record Item(String name, double seconds, double bytes) {
    }

    static final List<Column<Item>> COLUMNS = List.of(Column.of("name", Unit.NONE, Item::name),
            Column.of("seconds", Unit.SECONDS, Item::seconds), Column.of("bytes", Unit.BYTES, Item::bytes));
    static final List<Item> ITEMS = List.of(new Item("a", 0.0125, 2048), new Item("b", 3, 0));

    @Test
    void csvAndJsonWriteEachColumnByItsName() {
        assertEquals("name,seconds,bytes\na,0.0125,2048.0\nb,3.0,0.0\n", RowCodec.csv(ITEMS, COLUMNS));
        assertEquals(List.of(Map.of("name", "a", "seconds", 0.0125, "bytes", 2048.0),
                Map.of("name", "b", "seconds", 3.0, "bytes", 0.0)), RowCodec.jsonRows(ITEMS, COLUMNS));
    }

    @Test
    void markdownHeadsEachColumnWithItsUnit() {
        Table t = Table.of(ITEMS, COLUMNS);
        assertEquals(List.of("name", "seconds (s)", "bytes (B)"), t.columns());
        assertEquals("| name | seconds (s) | bytes (B) |\n|---|---|---|\n| a | 0.0125 | 2048 |\n| b | 3 | 0 |\n",
                t.markdown());
    }

    @Test
    void textFormatsCellsByUnitAndPadsThemToWidth() {
        TextTable<Item> t = new TextTable<Item>().addLeft(COLUMNS.get(0), "item", 4).add(COLUMNS.get(1), "time", 9);
        String nl = System.lineSeparator();
        assertEquals("item      time" + nl + "a      12.5 ms" + nl + "b          3 s" + nl, t.render(ITEMS));
        TextTable<Double> g = new TextTable<Double>().add(Column.of("x", Unit.NONE, v -> v), "x", 9, TextTable::fourDigits);
        assertEquals("   0.1235" + nl, g.line(0.123456));
    }

    @Test
    void energyColumnsFollowTheComponentsInTheirOrder() {
        List<String> energy = RunColumn.summary().stream().filter(c -> c.component().isPresent())
                .map(RunColumn::header).toList();
        assertEquals(List.of(EnergyComponent.values()).stream().map(EnergyComponent::column).toList(), energy);
        assertEquals(List.of("energyMacJoules", "energyRegisterFileJoules", "energyArrayNetworkJoules",
                "energyGlobalBufferJoules", "energyDramJoules", "energyLinkJoules", "energyStaticJoules"), energy);
        assertEquals(RunColumn.ENERGY.ordinal() + 1, RunColumn.ENERGY_MAC.ordinal());
    }

    @Test
    void layerColumnsEndWithTheDynamicComponents() {
        List<String> names = Rows.LAYER_COLUMNS.stream().map(Column::header).toList();
        assertEquals(List.of("energyJoules", "energyMacJoules", "energyRegisterFileJoules", "energyArrayNetworkJoules",
                "energyGlobalBufferJoules", "energyDramJoules", "energyLinkJoules"),
                names.subList(names.size() - 7, names.size()));
    }
}
