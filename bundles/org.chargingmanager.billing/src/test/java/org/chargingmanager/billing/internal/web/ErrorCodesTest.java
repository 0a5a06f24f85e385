package org.chargingmanager.billing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServlet;

import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.testkit.http.FakeHttp;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The billing endpoints' errors carry a message key and its values beside the English text, so
 * the web UI shows them in German: the transaction log's filter (from, to, evse, user), the
 * users' form, a database that is away.
 */
class ErrorCodesTest {

    private static FakeHttp.Response call(HttpServlet servlet, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(request.servlet(), response.servlet());
        return response;
    }

    private static JsonObject assertCode(FakeHttp.Response response, int status, String code, String... args) {
        assertThat(response.status()).isEqualTo(status);
        JsonObject body = response.json();
        assertThat(body.get("code").getAsString()).isEqualTo(code);
        assertThat(body.get("error").getAsString()).isNotBlank();
        List<String> values = new ArrayList<>();
        body.getAsJsonArray("args").forEach(a -> values.add(a.getAsString()));
        assertThat(values).containsExactly(args);
        return body;
    }

    /** A transaction log whose database is away; the filter's errors come before it is asked. */
    private static TransactionLog unavailableLog() {
        return (TransactionLog) Proxy.newProxyInstance(TransactionLog.class.getClassLoader(),
                new Class<?>[] {TransactionLog.class}, (proxy, method, args) -> {
                    throw new TransactionLogException("database not reachable");
                });
    }

    @Test
    void theTransactionLogsFilterNamesTheBadParameterWithItsKey() throws Exception {
        TransactionsJsonServlet servlet = new TransactionsJsonServlet(unavailableLog());
        String path = "/api/v1/transactions";

        JsonObject from = assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("from", "gestern")), 400,
                "log.badDate", "from", "gestern");
        assertThat(from.get("parameter").getAsString()).isEqualTo("from");
        assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("to", "2025-13-01")), 400,
                "log.badDate", "to", "2025-13-01");
        assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("from", "2025-02-01")
                .parameter("to", "2025-01-01")), 400, "log.toBeforeFrom");
        assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("evse", " ")), 400,
                "log.parameterEmpty", "evse");
        assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("user", "alice", "bob")), 400,
                "log.parameterTwice", "user");
        assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("colour", "red")), 400,
                "log.unknownParameter", "colour", "evse, from, limit, offset, to, user");
        assertCode(call(servlet, FakeHttp.request("GET", path, null).parameter("limit", "0")), 400,
                "log.badNumber", "limit", "1", "1000", "0");
        assertCode(call(servlet, FakeHttp.request("GET", path, null)), 503, "http.unavailable", "database not reachable");
    }

    @Test
    void theCsvSeparatorAndTheUsersFormHaveTheirKeys() throws Exception {
        UserDirectory users = (UserDirectory) Proxy.newProxyInstance(UserDirectory.class.getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> "erika".equals(args[0]) ? Optional.of(new User("erika", "Erika", List.of("TAG-1"),
                            List.of(), java.util.Set.of(), 0, null, false)) : Optional.empty();
                    case "findByToken" -> "TAG-1".equals(args[0]) ? Optional.of(new User("erika", "Erika",
                            List.of("TAG-1"), List.of(), java.util.Set.of(), 0, null, false)) : Optional.empty();
                    case "delete" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertCode(call(new TransactionsCsvServlet(unavailableLog(), users), FakeHttp.request("GET",
                "/api/v1/transactions.csv", null).parameter("separator", "tab")), 400, "log.separator", "tab");

        UsersServlet servlet = new UsersServlet(users);
        String path = "/api/v1/users";
        assertCode(call(servlet, FakeHttp.request("GET", path, "/max")), 404, "user.unknown", "max");
        assertCode(call(servlet, FakeHttp.request("DELETE", path, "/max")), 404, "user.unknown", "max");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{\"id\":\"erika\"}")), 409, "user.exists", "erika");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{\"id\":\"max\",\"rfidTags\":[\"TAG-1\"]}")),
                409, "user.tokenTaken", "TAG-1", "erika");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{\"id\":\"max\",\"priority\":\"high\"}")),
                400, "user.priority");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{\"id\":\"max\",\"expiry\":\"soon\"}")),
                400, "user.expiry", "soon");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{\"id\":\"max\",\"colour\":\"red\"}")),
                400, "value.unknownField", "colour");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{\"id\":")), 400, "http.badJson");
        assertCode(call(servlet, FakeHttp.request("POST", path, null).body("{}").contentType("text/plain")), 415,
                "http.mediaType", "application/json");
        assertCode(call(servlet, FakeHttp.request("PUT", path, null).body("{}")), 405, "http.pathIdMissing",
                "PUT /api/v1/users/{id}");
    }
}
