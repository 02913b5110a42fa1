package org.hyparsim.results.chakra;

import java.util.Optional;

/**
 * The Chakra execution trace format (MLCommons chakra, et_def.proto, package ChakraProtoMsg):
 * message layouts' field numbers and enum values, restated as facts of the format. The encoding
 * is ours ({@link EtCodec}); so is {@code chakra/et.proto} beside this class, the schema as text.
 */
public final class EtSchema {
    /** The version written in GlobalMetadata. */
    public static final String VERSION = "0.0.4";

    /** Node's fields. */
    static final int NODE_ID = 1;
    static final int NODE_NAME = 2;
    static final int NODE_TYPE = 3;
    static final int NODE_CTRL_DEPS = 4;
    static final int NODE_DATA_DEPS = 5;
    static final int NODE_START_TIME_MICROS = 6;
    static final int NODE_DURATION_MICROS = 7;
    static final int NODE_INPUTS = 8;
    static final int NODE_OUTPUTS = 9;
    static final int NODE_ATTR = 10;
    /** GlobalMetadata's fields. */
    static final int METADATA_VERSION = 1;
    static final int METADATA_ATTR = 2;
    /** AttributeProto's fields: name, doc_string, then the value oneof from 3 (double_val) to 32 (bytes_list). */
    static final int ATTR_NAME = 1;
    static final int ATTR_DOC_STRING = 2;

    private EtSchema() {
    }

    /** NodeType. */
    public enum NodeType {
        INVALID_NODE(0), METADATA_NODE(1), MEM_LOAD_NODE(2), MEM_STORE_NODE(3), COMP_NODE(4), COMM_SEND_NODE(5),
        COMM_RECV_NODE(6), COMM_COLL_NODE(7);

        private final int number;

        NodeType(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }

        public static Optional<NodeType> of(long number) {
            for (NodeType t : values()) {
                if (t.number == number) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        public boolean isCommunication() {
            return this == COMM_SEND_NODE || this == COMM_RECV_NODE || this == COMM_COLL_NODE;
        }
    }

    /** CollectiveCommType. */
    public enum CollectiveType {
        ALL_REDUCE(0), REDUCE(1), ALL_GATHER(2), GATHER(3), SCATTER(4), BROADCAST(5), ALL_TO_ALL(6), REDUCE_SCATTER(7),
        REDUCE_SCATTER_BLOCK(8), BARRIER(9);

        private final int number;

        CollectiveType(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }

        public static Optional<CollectiveType> of(long number) {
            for (CollectiveType t : values()) {
                if (t.number == number) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * AttributeProto's value oneof: the field numbers of the scalar members we write and read.
     * Integer members of every width read as one long.
     */
    public enum AttrField {
        DOUBLE_VAL(3), FLOAT_VAL(5), INT32_VAL(7), INT64_VAL(9), UINT32_VAL(11), UINT64_VAL(13), SINT32_VAL(15),
        SINT64_VAL(17), FIXED32_VAL(19), FIXED64_VAL(21), SFIXED32_VAL(23), SFIXED64_VAL(25), BOOL_VAL(27),
        STRING_VAL(29), BYTES_VAL(31);

        private final int number;

        AttrField(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }

        public static Optional<AttrField> of(int number) {
            for (AttrField f : values()) {
                if (f.number == number) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        public boolean isInteger() {
            return this != DOUBLE_VAL && this != FLOAT_VAL && this != BOOL_VAL && this != STRING_VAL && this != BYTES_VAL;
        }
    }

    /** Attribute names ASTRA-sim reads, and ours. */
    public static final class Names {
        public static final String IS_CPU_OP = "is_cpu_op";
        public static final String NUM_OPS = "num_ops";
        public static final String TENSOR_SIZE = "tensor_size";
        public static final String COMM_TYPE = "comm_type";
        public static final String COMM_SIZE = "comm_size";
        public static final String PG_NAME = "pg_name";
        public static final String COMM_SRC = "comm_src";
        public static final String COMM_DST = "comm_dst";
        public static final String COMM_TAG = "comm_tag";
        /** Ours: a compute node's exact duration in picoseconds, preferred by our importer. */
        public static final String DURATION_PS = "hypar_duration_ps";
        /** Ours: this node's ctrl_deps only chain the rank's communication in one global order (for ASTRA-sim). */
        public static final String ISSUE_ORDER = "hypar_issue_order";
        /** Ours: a compute node's phase (forward, error, gradient, update), for the serial schedule. */
        public static final String PHASE = "hypar_phase";

        private Names() {
        }
    }
}
