package dev.unmanaged.console;

import com.sun.net.httpserver.HttpExchange;
import dev.unmanaged.api.error.InvalidRequestException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.operation.FleetPlan;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.ManagedQuery;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.core.UnmanagedInstances;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON API under {@code /api/v1}: each path and method, mapped onto the facade. Answers are in the JSON contract
 * of {@code docs/descriptor-json.md}; GET reads, every other method needs the bearer token (checked before this
 * class is reached).
 */
final class ApiRoutes {
    /** The page size when a client names none; also the largest it may ask for. */
    static final int MAX_PAGE = 1000;

    private final UnmanagedInstances instances;
    private final InventoryCatalog catalog;
    private final ServedHosts hosts;
    private final ImportBodies imports;
    private final FleetBodies fleets;
    private final BulkImports bulk;
    private final int maxBodyBytes;

    ApiRoutes(UnmanagedInstances instances, InventoryCatalog catalog, ServedHosts hosts, BulkImports bulk,
              int maxBodyBytes) {
        this.instances = instances;
        this.catalog = catalog;
        this.hosts = hosts;
        this.imports = new ImportBodies(hosts);
        this.fleets = new FleetBodies(hosts, catalog);
        this.bulk = bulk;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Answers the request for {@code path} (the segments after {@code /api/v1}, decoded). */
    void handle(HttpExchange exchange, String method, List<String> path) throws IOException {
        String joined = "/api/v1/" + String.join("/", path);
        Map<String, String> query = Exchanges.query(exchange);
        switch (path.size() == 0 ? "" : path.get(0)) {
            case "hosts" -> {
                if (path.size() == 1) {
                    require(method, "GET", joined);
                    Exchanges.sendJson(exchange, 200, hosts.summaries());
                } else if (path.size() == 4 && path.get(2).equals("instances")) {
                    require(method, "GET", joined);
                    Host host = hosts.byId("host", path.get(1));
                    Exchanges.sendJson(exchange, 200, instances.describe(host, path.get(3)));
                } else {
                    throw ApiFailure.notFound(joined);
                }
            }
            case "catalog" -> {
                only(path, 1, joined);
                require(method, "GET", joined);
                Exchanges.sendJson(exchange, 200, catalog.snapshot());
            }
            case "instances" -> {
                only(path, 1, joined);
                require(method, "GET", joined);
                Exchanges.sendJson(exchange, 200, instances.list(listQuery(query)));
            }
            case "imports" -> imports(exchange, method, path, joined);
            case "fleet" -> fleet(exchange, method, path, joined);
            case "managed" -> managed(exchange, method, path, query, joined);
            default -> throw ApiFailure.notFound(joined);
        }
    }

    private void imports(HttpExchange exchange, String method, List<String> path, String joined) throws IOException {
        if (path.size() == 1) {
            require(method, "POST", joined);
            Exchanges.sendJson(exchange, 201, instances.importInstance(imports.one(body(exchange), false)));
        } else if (path.size() == 2 && path.get(1).equals("plan")) {
            require(method, "POST", joined);
            Exchanges.sendJson(exchange, 200, instances.plan(imports.one(body(exchange), true)));
        } else if (path.size() == 2 && path.get(1).equals("bulk")) {
            require(method, "POST", joined);
            Exchanges.sendJson(exchange, 202, bulk.start(imports.many(body(exchange))));
        } else if (path.size() == 3 && path.get(1).equals("bulk")) {
            require(method, "GET", joined);
            Exchanges.sendJson(exchange, 200, bulk.state(path.get(2)).orElseThrow(() -> ApiFailure.notFound(joined)));
        } else {
            throw ApiFailure.notFound(joined);
        }
    }

    /** Every instance of the hosts under an import map: its plans (a dry run), or their import in bulk. */
    private void fleet(HttpExchange exchange, String method, List<String> path, String joined) throws IOException {
        if (path.size() != 2 || !(path.get(1).equals("plan") || path.get(1).equals("imports"))) {
            throw ApiFailure.notFound(joined);
        }
        require(method, "POST", joined);
        FleetPlan plan = instances.planFleet(fleets.request(body(exchange)));
        if (path.get(1).equals("plan")) {
            Exchanges.sendJson(exchange, 200, plan);
        } else {
            Exchanges.sendJson(exchange, 202, bulk.startFleet(plan));
        }
    }

    private void managed(HttpExchange exchange, String method, List<String> path, Map<String, String> query,
                         String joined) throws IOException {
        if (path.size() == 1) {
            require(method, "GET", joined);
            Exchanges.sendJson(exchange, 200, instances.listManaged(managedQuery(query)));
            return;
        }
        boolean unmanage = path.size() >= 3 && path.get(2).equals("unmanage");
        if (!unmanage || path.size() > 4 || (path.size() == 4 && !path.get(3).equals("plan"))) {
            throw ApiFailure.notFound(joined);
        }
        require(method, "POST", joined);
        UnmanageRequest request = UnmanageRequest.parse(path.get(1));
        String host = query.get("host");
        if (host != null) {
            request = request.onHost(hosts.byId("host", host).id());
        }
        Exchanges.sendJson(exchange, 200,
                path.size() == 4 ? instances.planUnmanage(request) : instances.unmanage(request));
    }

    private byte[] body(HttpExchange exchange) throws IOException {
        return Exchanges.jsonBody(exchange, maxBodyBytes);
    }

    private ListQuery listQuery(Map<String, String> query) {
        String host = query.get("host");
        List<Host> listed = host == null || host.isEmpty() ? hosts.all() : List.of(hosts.byId("host", host));
        ListQuery list = ListQuery.of(listed)
                .withNameContaining(blankToNull(query.get("name")))
                .withPage(number(query, "offset", 0, Integer.MAX_VALUE), number(query, "limit", MAX_PAGE, MAX_PAGE));
        String states = query.get("state");
        return states == null || states.isEmpty() ? list : list.withStates(PowerStates.parse("state", List.of(states.split(","))));
    }

    private ManagedQuery managedQuery(Map<String, String> query) {
        ManagedQuery managed = ManagedQuery.all()
                .withNameContaining(blankToNull(query.get("name")))
                .withPage(number(query, "offset", 0, Integer.MAX_VALUE), number(query, "limit", MAX_PAGE, MAX_PAGE));
        String host = query.get("host");
        if (host != null && !host.isEmpty()) {
            managed = managed.onHosts(Set.of(hosts.byId("host", host).id()));
        }
        String owner = query.get("owner");
        return owner == null || owner.isEmpty() ? managed : managed.ofOwners(Set.of(owner));
    }

    private static int number(Map<String, String> query, String key, int absent, int max) {
        String text = query.get(key);
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the value and the range.
        }
        throw new InvalidRequestException(key, "'" + text + "'", "a whole number from 0 to " + max);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void only(List<String> path, int size, String joined) {
        if (path.size() != size) {
            throw ApiFailure.notFound(joined);
        }
    }

    private static void require(String method, String expected, String joined) {
        if (!method.equals(expected)) {
            throw ApiFailure.methodNotAllowed(method, joined, expected);
        }
    }
}
