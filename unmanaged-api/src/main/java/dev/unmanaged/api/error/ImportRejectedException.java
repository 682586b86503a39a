package dev.unmanaged.api.error;

import dev.unmanaged.api.operation.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** An import was refused because its plan has blocking problems; carries every problem. */
public class ImportRejectedException extends UnmanagedException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param problems every problem of the plan (blocking and warnings) */
    public ImportRejectedException(List<Problem> problems) {
        super(ErrorCode.IMPORT_REJECTED, "import rejected: " + problems.stream()
                .filter(Problem::blocks)
                .map(p -> p.code() + " (" + p.subject() + "): " + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem of the plan. */
    public List<Problem> problems() {
        return problems;
    }
}
