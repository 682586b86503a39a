package dev.unmanaged.inventory.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A unit of work's connection that records, into a {@link UnitRecording}, every write statement that runs with
 * effect, with its parameters and the rows it changed, and follows savepoints and rollbacks. Only prepared
 * statements with parameters of the kinds {@link RecordedStatement#canHold} knows are recorded; any other write
 * (a plain statement's update, a stored procedure call, a commit inside the unit) marks the unit unjournalable.
 * Reads pass through untouched.
 */
final class RecordingConnection {
    /** Parameter setters whose value the journal may hold; any other setter marks the unit unjournalable. */
    private static final Set<String> VALUE_SETTERS =
            Set.of("setString", "setInt", "setLong", "setDouble", "setBoolean", "setObject");

    private static final Map<Class<?>, Constructor<?>> PROXIES = Map.of(
            Connection.class, proxyConstructor(Connection.class),
            PreparedStatement.class, proxyConstructor(PreparedStatement.class),
            Statement.class, proxyConstructor(Statement.class));

    private RecordingConnection() {
    }

    /**
     * {@code connection} as the unit sees it, recording into {@code recording}.
     *
     * @param commits the store's count of commits so far, noted with each statement: the journal takes a statement
     *     whose effect may depend on a commit made after it ran only when that effect cannot differ on replay
     */
    static Connection wrap(Connection connection, UnitRecording recording, LongSupplier commits) {
        return proxy(Connection.class, (proxy, method, args) -> {
            String name = method.getName();
            Object result = invoke(connection, method, args);
            switch (name) {
                case "prepareStatement" -> {
                    return proxy(PreparedStatement.class,
                            new RecordingStatement((PreparedStatement) result, (String) args[0], recording, commits));
                }
                case "createStatement" -> {
                    return proxy(Statement.class, readOnly((Statement) result, recording));
                }
                case "prepareCall", "commit", "setAutoCommit" -> recording.unjournalable();
                case "setSavepoint" -> recording.savepointSet((Savepoint) result);
                case "releaseSavepoint" -> recording.released((Savepoint) args[0]);
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        recording.rolledBack();
                    } else {
                        recording.rolledBackTo((Savepoint) args[0]);
                    }
                }
                default -> {
                }
            }
            return result;
        });
    }

    /** A plain statement: its queries pass; anything else it runs may write and is not recorded. */
    private static InvocationHandler readOnly(Statement statement, UnitRecording recording) {
        return (proxy, method, args) -> {
            String name = method.getName();
            if ((name.startsWith("execute") && !name.equals("executeQuery")) || name.equals("addBatch")) {
                recording.unjournalable();
            }
            return invoke(statement, method, args);
        };
    }

    /** Records a prepared statement's parameters and, when it runs a write, the statement. */
    private static final class RecordingStatement implements InvocationHandler {
        private final PreparedStatement statement;
        private final String sql;
        private final UnitRecording recording;
        private final LongSupplier commits;
        /** Parameter n at index n - 1; null where none is bound (an SQL NULL is a {@link RecordedStatement.SqlNull}). */
        private final List<Object> parameters = new ArrayList<>();
        private final List<List<Object>> batch = new ArrayList<>();

        RecordingStatement(PreparedStatement statement, String sql, UnitRecording recording, LongSupplier commits) {
            this.statement = statement;
            this.sql = sql;
            this.recording = recording;
            this.commits = commits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            boolean noArgs = args == null || args.length == 0;
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameter(name, index, args);
                return RecordingConnection.invoke(statement, method, args);
            }
            switch (name) {
                case "clearParameters" -> parameters.clear();
                case "clearBatch" -> batch.clear();
                case "addBatch" -> {
                    if (noArgs) {
                        batch.add(values());
                    } else {
                        recording.unjournalable();
                    }
                }
                case "executeUpdate", "executeLargeUpdate" -> {
                    if (!noArgs) {
                        recording.unjournalable();
                        return RecordingConnection.invoke(statement, method, args);
                    }
                    long before = commits.getAsLong();
                    List<Object> values = values();
                    Object count = RecordingConnection.invoke(statement, method, args);
                    recording.ran(new RecordedStatement(sql, values, ((Number) count).longValue()), before);
                    return count;
                }
                case "executeBatch", "executeLargeBatch" -> {
                    long before = commits.getAsLong();
                    Object counts = RecordingConnection.invoke(statement, method, args);
                    for (int i = 0; i < batch.size(); i++) {
                        long count = counts instanceof int[] ints ? ints[i] : ((long[]) counts)[i];
                        recording.ran(new RecordedStatement(sql, batch.get(i), count), before);
                    }
                    batch.clear();
                    return counts;
                }
                case "execute" -> recording.unjournalable();
                default -> {
                }
            }
            return RecordingConnection.invoke(statement, method, args);
        }

        private void parameter(String setter, int index, Object[] args) {
            Object value;
            if (setter.equals("setNull")) {
                value = new RecordedStatement.SqlNull((Integer) args[1]);
            } else if (!VALUE_SETTERS.contains(setter)) {
                recording.unjournalable();
                return;
            } else if (args[1] == null) {
                value = new RecordedStatement.SqlNull(args.length > 2 && args[2] instanceof Integer type ? type
                        : setter.equals("setString") ? Types.VARCHAR : Types.NULL);
            } else {
                value = args[1];
            }
            if (!RecordedStatement.canHold(value) || index < 1) {
                recording.unjournalable();
                return;
            }
            while (parameters.size() < index) {
                parameters.add(null);
            }
            parameters.set(index - 1, value);
        }

        /** The parameters bound now, in order; a gap makes the unit unjournalable. */
        private List<Object> values() {
            List<Object> values = new ArrayList<>(parameters);
            if (values.contains(null)) {
                recording.unjournalable();
            }
            return values;
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        try {
            return type.cast(PROXIES.get(type).newInstance(handler));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a recording " + type.getSimpleName(), e);
        }
    }

    /**
     * The constructor of the proxy class of each type, found once: {@link Proxy#newProxyInstance} looks the class up
     * again on every call, which cost more than the statement it wraps.
     */
    private static Constructor<?> proxyConstructor(Class<?> type) {
        Object sample = Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> null);
        try {
            return sample.getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
