package org.hyparsim.input.onnx;

import java.util.Optional;

/** The ONNX operators the importer reads, each with the role it plays in our network format. */
enum OnnxOp {
    CONV("Conv", Role.WEIGHTED),
    GEMM("Gemm", Role.WEIGHTED),
    MAT_MUL("MatMul", Role.WEIGHTED),
    MAX_POOL("MaxPool", Role.POOL),
    AVERAGE_POOL("AveragePool", Role.POOL),
    GLOBAL_AVERAGE_POOL("GlobalAveragePool", Role.POOL),
    GLOBAL_MAX_POOL("GlobalMaxPool", Role.POOL),
    RELU("Relu", Role.UNARY),
    BATCH_NORMALIZATION("BatchNormalization", Role.UNARY),
    DROPOUT("Dropout", Role.UNARY),
    IDENTITY("Identity", Role.UNARY),
    GELU("Gelu", Role.UNARY),
    ERF("Erf", Role.UNARY),
    SQRT("Sqrt", Role.UNARY),
    ADD("Add", Role.BINARY),
    SUB("Sub", Role.BINARY),
    MUL("Mul", Role.BINARY),
    DIV("Div", Role.BINARY),
    POW("Pow", Role.BINARY),
    FLATTEN("Flatten", Role.SHAPE),
    RESHAPE("Reshape", Role.SHAPE),
    TRANSPOSE("Transpose", Role.SHAPE),
    SQUEEZE("Squeeze", Role.SHAPE),
    UNSQUEEZE("Unsqueeze", Role.SHAPE),
    CONCAT("Concat", Role.SHAPE),
    SPLIT("Split", Role.SHAPE),
    CONSTANT("Constant", Role.CONSTANT),
    LAYER_NORMALIZATION("LayerNormalization", Role.TRANSFORMER),
    REDUCE_MEAN("ReduceMean", Role.TRANSFORMER),
    SOFTMAX("Softmax", Role.TRANSFORMER);

    /** What an operator becomes. */
    enum Role {
        /** A weighted layer: conv or linear. */
        WEIGHTED,
        /** Folded into the producing layer's pooling. */
        POOL,
        /** Element-wise on one activation: folded (costs nothing in our format). */
        UNARY,
        /** Element-wise on two tensors: folded, or a shortcut when it adds two branches. */
        BINARY,
        /** Moves data only: its output shape is computed, nothing else. */
        SHAPE,
        /** A constant tensor (shape data such as Reshape's target). */
        CONSTANT,
        /** A norm, softmax or attention piece: needs the transformer layer kinds. */
        TRANSFORMER
    }

    private final String onnxName;
    private final Role role;

    OnnxOp(String onnxName, Role role) {
        this.onnxName = onnxName;
        this.role = role;
    }

    Role role() {
        return role;
    }

    String onnxName() {
        return onnxName;
    }

    /** The operator of this ONNX op type (default domain), if the importer reads it. */
    static Optional<OnnxOp> fromName(String opType) {
        for (OnnxOp op : values()) {
            if (op.onnxName.equals(opType)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
