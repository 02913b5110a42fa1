package org.hyparsim.results.chakra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.hyparsim.results.chakra.EtSchema.Names;
import org.hyparsim.results.chakra.EtSchema.NodeType;
import org.junit.jupiter.api.Test;

/** The writer against the golden bytes of shared/reference/chakra.md, and the reader on what it writes. */
class EtCodecTest {
    static final EtNode F0 = new EtNode(0, "f0", NodeType.COMP_NODE, List.of(), List.of(), 0, 100,
            List.of(EtAttr.bool(Names.IS_CPU_OP, false)));
    static final EtNode AR0 = new EtNode(2, "ar0", NodeType.COMM_COLL_NODE, List.of(0L), List.of(1L), 0, 0,
            List.of(EtAttr.int64(Names.COMM_TYPE, 0), EtAttr.int64(Names.COMM_SIZE, 1_048_576),
                    EtAttr.string(Names.PG_NAME, "1")));

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void writesTheGoldenBytes() {
        assertEquals("070a05302e302e34", hex(EtCodec.metadata("0.0.4")));
        assertEquals("181202663018043864520e0a0969735f6370755f6f70d80100", hex(EtCodec.node(F0)));
        assertEquals("3e0802120361723018072201002a0101520d0a09636f6d6d5f747970654800520f0a09636f6d6d5f73697a65"
                + "48808040520d0a0770675f6e616d65ea010131", hex(EtCodec.node(AR0)));
    }

    @Test
    void readsWhatItWrites() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EtCodec.write(out, List.of(F0, AR0));
        EtCodec.EtFile f = EtCodec.read(new ByteArrayInputStream(out.toByteArray()), "test");
        assertEquals("0.0.4", f.version());
        assertEquals(List.of(F0, AR0), f.nodes());
        assertEquals(1_048_576L, f.nodes().get(1).integer(Names.COMM_SIZE).orElseThrow());
    }

    @Test
    void readsIntegersOfAnyWidth() throws Exception {
        EtNode n = new EtNode(1, "s", NodeType.COMM_SEND_NODE, List.of(), List.of(), 0, 0,
                List.of(EtAttr.uint64(Names.COMM_SIZE, 7), EtAttr.int32(Names.COMM_SRC, 3)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EtCodec.write(out, List.of(n));
        EtNode back = EtCodec.read(new ByteArrayInputStream(out.toByteArray()), "test").nodes().get(0);
        assertEquals(7L, back.integer(Names.COMM_SIZE).orElseThrow());
        assertEquals(3L, back.integer(Names.COMM_SRC).orElseThrow());
    }
}
