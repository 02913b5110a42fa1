package org.hyparsim.results.chakra;

import org.hyparsim.results.chakra.EtSchema.AttrField;

/**
 * One attribute of a node: its name and one value of the oneof. Integers of every width are held
 * as a long (and read as one, whichever member carried them).
 */
public record EtAttr(String name, AttrField field, long integer, double real, boolean flag, String text) {

    public static EtAttr int64(String name, long v) {
        return new EtAttr(name, AttrField.INT64_VAL, v, 0, false, null);
    }

    public static EtAttr int32(String name, int v) {
        return new EtAttr(name, AttrField.INT32_VAL, v, 0, false, null);
    }

    public static EtAttr uint64(String name, long v) {
        return new EtAttr(name, AttrField.UINT64_VAL, v, 0, false, null);
    }

    public static EtAttr bool(String name, boolean v) {
        return new EtAttr(name, AttrField.BOOL_VAL, 0, 0, v, null);
    }

    public static EtAttr string(String name, String v) {
        return new EtAttr(name, AttrField.STRING_VAL, 0, 0, false, v);
    }

    public static EtAttr real(String name, double v) {
        return new EtAttr(name, AttrField.DOUBLE_VAL, 0, v, false, null);
    }

    public boolean isInteger() {
        return field != null && field.isInteger();
    }
}
